/**
 * Name pools per origin, embedded so the generator needs no data files. Each entry is
 * "Canonical/Variant/Variant=original": the romanisations agencies write (the first is the one in the
 * person's passport), then the name in its original script where that is not Latin (Arabic, Ge'ez,
 * Cyrillic, Greek) or the Vietnamese/Somali spelling with its diacritics or own orthography.
 */

/** The script a name pool's originals are written in. */
export type Script = 'latin' | 'arabic' | 'ethiopic' | 'cyrillic' | 'greek' | 'vietnamese' | 'somali';

/** How full names are built: given + father + grandfather, given + family, or Vietnamese family-middle-given. */
export type NameSystem = 'patronymic' | 'family' | 'vietnamese';

/** One name: its romanisations (first is canonical) and, where there is one, its original-script form. */
export interface NameToken {
  forms: readonly string[];
  original: string | undefined;
}

/** The names of one origin. */
export interface NamePool {
  script: Script;
  system: NameSystem;
  male: readonly NameToken[];
  female: readonly NameToken[];
  /** Family names (male forms); empty for patronymic systems, where the father's given name is used. */
  family: readonly NameToken[];
  /** Female forms of family names, index for index, where a language inflects them (Greek, Russian). */
  familyFemale?: readonly NameToken[];
  /** Vietnamese middle names by gender. */
  middleMale?: readonly NameToken[];
  middleFemale?: readonly NameToken[];
}

const t = (spec: string): NameToken => {
  const [forms = '', original] = spec.split('=');
  return { forms: forms.split('/'), original };
};
const list = (specs: string): NameToken[] => specs.split(',').map((s) => t(s.trim()));

const ARABIC_MALE =
  'Mohammed/Muhammad/Mohamed/Mohamad/Mohammad/Mouhamed=محمد, Ahmed/Ahmad/Ahmet=أحمد, Osman/Othman/Uthman/Usman=عثمان, ' +
  'Abdelrahman/Abdel Rahman/Abdulrahman/Abd al-Rahman/Abderrahmane=عبد الرحمن, Ibrahim/Ebrahim/Ibraheem=إبراهيم, ' +
  'Yousif/Yousef/Yusuf/Youssef=يوسف, Khalid/Khaled/Chaled=خالد, Omar/Umar/Omer=عمر, Hamid/Hamed=حامد, ' +
  'Mustafa/Moustafa/Mostafa=مصطفى, Ali/Aly=علي, Hussein/Hussain/Husein/Hossein=حسين, Abdullah/Abdallah/Abdulla=عبد الله, ' +
  'Jamal/Gamal/Djamal=جمال, Tariq/Tarek/Tarik=طارق';
const ARABIC_FEMALE =
  'Fatima/Fatma/Fatimah/Fatme=فاطمة, Amal/Amel=أمل, Mariam/Maryam/Mariem/Miriam=مريم, Khadija/Khadidja/Khadeeja=خديجة, ' +
  'Salma/Selma=سلمى, Aisha/Aicha/Ayesha=عائشة, Huda/Houda/Hoda=هدى, Nour/Noor/Nur=نور, Zainab/Zeinab/Zaynab=زينب, Rania/Ranya=رانيا';

/** The name pools, keyed by the FtM country code of the origin. */
export const NAME_POOLS: Readonly<Record<string, NamePool>> = {
  er: {
    script: 'ethiopic',
    system: 'patronymic',
    male: list(
      'Yohannes/Johannes/Yohanes/Yuhannes=ዮሃንስ, Tesfaye/Tesfay/Tesfai=ተስፋየ, Mehari/Mehary=መሓሪ, Berhane/Birhane/Berhan=ብርሃነ, ' +
        'Filmon/Filimon/Philemon=ፍልሞን, Kidane/Kidanè/Kidan=ኪዳነ, Tekle/Tecle/Teklay=ተክለ, Habte/Habtè/Habtay=ሃብተ, ' +
        'Goitom/Goitam/Guitom=ጎይቶም, Yonas/Jonas/Yonass=ዮናስ, Tewelde/Tuelde/Teweldé=ተወልደ, Medhanie/Medhane/Madhanie=መድሃኔ, ' +
        'Ermias/Ermyas/Jeremias=ኤርምያስ, Ghebre/Gebre/Ghebrè=ገብረ',
    ),
    female: list(
      'Senait/Senayt/Sennait=ሰናይት, Helen/Hellen/Helena=ሄለን, Selam/Salam=ሰላም, Mebrat/Mibrat=መብራት, Saba/Sabah=ሳባ, ' +
        'Rahwa/Rahua=ርሓዋ, Luwam/Luam/Liwam=ሉዋም, Hiwet/Hiwot/Heywet=ሕይወት, Semhar/Semhare=ሰምሃር, Freweini/Frewoini=ፍረወይኒ',
    ),
    family: [],
  },
  et: {
    script: 'ethiopic',
    system: 'patronymic',
    male: list(
      'Abebe/Abebé=አበበ, Getachew/Getachow/Getacho=ጌታቸው, Dawit/Dawitt/David=ዳዊት, Tadesse/Tadese/Taddese=ታደሰ, ' +
        'Alemu/Alamu=አለሙ, Mulugeta/Mulugueta=ሙሉጌታ, Bekele/Beqele/Bekelle=በቀለ, Girma/Guirma=ግርማ, Solomon/Selomon=ሰሎሞን, ' +
        'Haile/Hailé/Hayle=ኃይሌ, Yohannes/Johannes/Yohanes=ዮሐንስ',
    ),
    female: list(
      'Meseret/Mesert=መሰረት, Tigist/Tigest/Tegist=ትግስት, Almaz/Almas=አልማዝ, Hirut/Hiruth=ሂሩት, Genet/Ganet=ገነት, ' +
        'Bethlehem/Betelhem/Betlehem=ቤተልሔም, Mekdes/Meqdes=መቅደስ',
    ),
    family: [],
  },
  so: {
    script: 'somali',
    system: 'patronymic',
    male: list(
      'Mohamed/Mohammed/Mohamud/Mahamed=Maxamed, Abdi/Abdy=Cabdi, Abdullahi/Abdulahi/Abdillahi=Cabdullaahi, ' +
        'Ahmed/Ahmad=Axmed, Hassan/Hasan/Hassen=Xasan, Ali/Aly=Cali, Farah/Farax=Faarax, Warsame/Warsameh=Warsame, ' +
        'Osman/Othman/Usman=Cismaan, Abdirahman/Abdurahman=Cabdiraxmaan, Yusuf/Yousuf/Yusef=Yuusuf',
    ),
    female: list(
      'Hodan/Hoodan=Hodan, Fadumo/Fatuma/Fadima=Faadumo, Amina/Aamina=Aamina, Hawa/Hawo=Xaawo, Sahra/Sahro/Zahra=Sahra, ' +
        'Ayan/Ayaan=Ayaan, Ifrah/Ifra=Ifrax',
    ),
    family: [],
  },
  sd: {
    script: 'arabic',
    system: 'patronymic',
    male: list(`${ARABIC_MALE}, Adam/Adem=آدم, Abakar/Abbakar=أبكر, Haroun/Harun/Haroon=هارون`),
    female: list(ARABIC_FEMALE),
    family: [],
  },
  ly: {
    script: 'arabic',
    system: 'family',
    male: list(ARABIC_MALE),
    female: list(ARABIC_FEMALE),
    family: list(
      'Al-Magrahi/Megrahi/Al Maqrahi=المقرحي, Ben Ali/Benali/Bin Ali=بن علي, Abusahmain/Abu Sahmain=أبو سهمين, ' +
        'Al-Trabelsi/Trabelsi/Tarabulsi=الطرابلسي, Al-Zintani/Zintani=الزنتاني, Al-Warfalli/Warfali/Al Werfalli=الورفلي',
    ),
  },
  sy: {
    script: 'arabic',
    system: 'family',
    male: list(ARABIC_MALE),
    female: list(ARABIC_FEMALE),
    family: list(
      'Al-Hassan/Alhassan/El Hassan/Hassan=الحسن, Haddad/Hadad=حداد, Khoury/Khouri/El Khoury=خوري, ' +
        'Al-Ahmad/Alahmad/Al Ahmed=الأحمد, Darwish/Darwiche/Derwish=درويش, Al-Masri/Elmasry/Al Masri=المصري, Nasser/Nasr/Naser=ناصر',
    ),
  },
  iq: {
    script: 'arabic',
    system: 'family',
    male: list(`${ARABIC_MALE}, Rebin/Rebîn=ڕێبین, Shivan/Şivan/Schiwan=شڤان, Karwan/Carwan=کاروان`),
    female: list(`${ARABIC_FEMALE}, Dilan/Dilane=دیلان, Hevi/Hêvî=هیڤی`),
    family: list(
      'Al-Jabouri/Al-Jubouri/Aljabouri=الجبوري, Al-Obaidi/Al-Ubaidi/Alobaidi=العبيدي, Kurdi/Al-Kurdi=كردي, ' +
        'Barzani/Barzany=بارزانی, Talabani/Talabany=تاڵەبانی, Al-Hassan/Alhassan=الحسن',
    ),
  },
  ng: {
    script: 'latin',
    system: 'family',
    male: list(
      'Osagie/Osagi, Osaro/Osaru, Efosa/Efosah, Eghosa/Egosa, Omoruyi/Omoruyl, Godwin/Godwyn, Emeka/Emecka, Chukwudi/Chukudi, ' +
        'Kingsley/Kinsley, Friday/Fryday, Sunday/Sundae, Adebayo/Adebayor=Adébáyọ̀',
    ),
    female: list(
      'Blessing/Blessin, Joy/Joye, Precious/Presious, Gift/Gifty, Favour/Favor, Happiness/Hapiness, Esohe/Esoe, ' +
        'Osasere/Osas, Mercy/Mercie, Omotola/Omotolla=Omótọ́lá, Faith/Feith',
    ),
    family: list(
      'Igbinedion/Igbinadion/Igbinedon, Osagiede/Osagiade, Okoro/Okorro, Eze/Ezeh, Obi/Obih, Adeyemi/Adeyemy=Adéyẹmí, ' +
        'Ogbebor/Ogbeboh, Aigbe/Aigbeh, Omoregbe/Omorogbe, Edosomwan/Edosonwan, Uwaifo/Uwaifor, Okafor/Okafo',
    ),
  },
  ne: {
    script: 'latin',
    system: 'family',
    male: list(
      'Issa/Isa/Aissa, Moussa/Musa/Mousa, Abdou/Abdu/Abdoul, Souleymane/Sulaiman/Suleiman, Amadou/Ahmadou/Ahmadu, ' +
        'Boubacar/Bubakar/Aboubacar, Hamidou/Hamidu',
    ),
    female: list('Aichatou/Aishatu/Aïchatou, Mariama/Mariam, Hadiza/Hadizatou, Rakia/Rakiya'),
    family: list('Maiga/Maïga, Issoufou/Issifou/Isoufou, Garba/Garbah, Oumarou/Umaru, Hamani/Hammani, Tchiroma/Chiroma'),
  },
  tr: {
    script: 'latin',
    system: 'family',
    male: list(
      'Mehmet/Mehmed, Mustafa/Mustapha, Ahmet/Ahmed, Hüseyin/Huseyin/Hussein/Hueseyin, İbrahim/Ibrahim, Murat/Mourat, ' +
        'Emre/Emreh, Serkan/Sercan, Oğuz/Oguz, Yusuf/Yousouf',
    ),
    female: list('Ayşe/Ayse/Aysche, Fatma/Fatima, Emine/Emina, Zeynep/Zeinep, Elif/Elief, Gül/Gul/Guel'),
    family: list(
      'Yılmaz/Yilmaz/Yulmaz, Kaya/Kaja, Demir/Demirr, Şahin/Sahin/Schahin, Çelik/Celik/Tschelik, Öztürk/Ozturk/Oeztuerk, ' +
        'Aydın/Aydin, Arslan/Aslan, Doğan/Dogan, Kılıç/Kilic/Kilitsch',
    ),
  },
  gr: {
    script: 'greek',
    system: 'family',
    male: list(
      'Georgios/Giorgos/George/Yiorgos=Γεώργιος, Dimitrios/Dimitris/Demetrios=Δημήτριος, Nikolaos/Nikos/Nicholas=Νικόλαος, ' +
        'Konstantinos/Kostas/Constantinos=Κωνσταντίνος, Ioannis/Giannis/Yannis=Ιωάννης, Panagiotis/Panayiotis/Panos=Παναγιώτης, ' +
        'Vasileios/Vasilis/Vassilis=Βασίλειος, Christos/Hristos/Khristos=Χρήστος',
    ),
    female: list(
      'Maria/Mary=Μαρία, Eleni/Helen=Ελένη, Aikaterini/Katerina/Ekaterini=Αικατερίνη, Vasiliki/Vassiliki=Βασιλική, Sofia/Sophia=Σοφία',
    ),
    family: list(
      'Papadopoulos/Papadopulos=Παπαδόπουλος, Karagiannis/Karayannis=Καραγιάννης, Makris/Makrys=Μακρής, ' +
        'Papadakis/Papadakes=Παπαδάκης, Oikonomou/Economou/Ikonomou=Οικονόμου, Vasileiou/Vassiliou=Βασιλείου',
    ),
    familyFemale: list(
      'Papadopoulou/Papadopulu=Παπαδοπούλου, Karagianni/Karayanni=Καραγιάννη, Makri/Makry=Μακρή, ' +
        'Papadaki/Papadake=Παπαδάκη, Oikonomou/Economou/Ikonomou=Οικονόμου, Vasileiou/Vassiliou=Βασιλείου',
    ),
  },
  rs: {
    script: 'cyrillic',
    system: 'family',
    male: list(
      'Marko/Marco=Марко, Nikola/Nicola=Никола, Stefan/Stephan/Stevan=Стефан, Dragan/Dragann=Драган, Milan/Millan=Милан, ' +
        'Jovan/Yovan/Iovan=Јован, Miloš/Milos/Milosh=Милош, Aleksandar/Alexandar/Aleksander=Александар',
    ),
    female: list('Jelena/Yelena/Elena=Јелена, Milica/Militsa/Miliza=Милица, Ana/Anna=Ана, Marija/Maria=Марија'),
    family: list(
      'Petrović/Petrovic/Petrovich=Петровић, Jovanović/Jovanovic/Yovanovich=Јовановић, Nikolić/Nikolic/Nikolich=Николић, ' +
        'Đorđević/Djordjevic/Dordevic/Georgievic=Ђорђевић, Marković/Markovic/Markovich=Марковић, Ilić/Ilic/Ilich=Илић',
    ),
  },
  ru: {
    script: 'cyrillic',
    system: 'family',
    male: list(
      'Sergei/Sergey/Serguei/Sergej=Сергей, Aleksandr/Alexander/Aleksander=Александр, Dmitry/Dmitri/Dmitrij=Дмитрий, ' +
        'Andrei/Andrey/Andrej=Андрей, Igor/Ihor=Игорь, Vladimir/Wladimir=Владимир',
    ),
    female: list('Olga/Olha=Ольга, Natalia/Natalya/Natalja=Наталья, Elena/Yelena/Jelena=Елена, Irina/Iryna=Ирина'),
    family: list(
      'Ivanov/Iwanow/Ivanoff=Иванов, Smirnov/Smirnow=Смирнов, Kuznetsov/Kuznecov/Kusnezow=Кузнецов, Popov/Popow=Попов, ' +
        'Sokolov/Sokolow=Соколов, Volkov/Wolkow=Волков',
    ),
    familyFemale: list(
      'Ivanova/Iwanowa=Иванова, Smirnova/Smirnowa=Смирнова, Kuznetsova/Kuznecova=Кузнецова, Popova/Popowa=Попова, ' +
        'Sokolova/Sokolowa=Соколова, Volkova/Wolkowa=Волкова',
    ),
  },
  al: {
    script: 'latin',
    system: 'family',
    male: list(
      'Arbën/Arben, Ardit/Ardite, Besnik/Besnick, Dritan/Dritani, Erion/Erjon, Gentian/Gencian/Genti, Klodian/Klodjan, ' +
        'Ervis/Erviz, Fatmir/Fatmire, Ilir/Ylli, Kastriot/Kastriott, Mërgim/Mergim',
    ),
    female: list('Elona/Ilona, Anisa/Anissa, Jonida/Ionida, Ermira/Ermiria, Klea/Kleja, Xhesika/Jessica, Migena/Mijena'),
    family: list(
      'Hoxha/Hodja/Hoxa/Hodzha, Çela/Cela/Chela, Shehu/Sheu, Dervishi/Dervisi, Gjoka/Gioka/Djoka, Krasniqi/Krasniqui/Krasnici, ' +
        'Berisha/Berisa, Lleshi/Leshi, Muça/Muca/Mucha, Kelmendi/Kellmendi',
    ),
  },
  vn: {
    script: 'vietnamese',
    system: 'vietnamese',
    male: list(
      'Hung=Hùng, Tuan=Tuấn, Long=Long, Nam=Nam, Dung/Zung=Dũng, Thang=Thắng, Quang/Kwang=Quang, Cuong/Kuong=Cường, Huy/Hui=Huy',
    ),
    female: list('Thao=Thảo, Lan=Lan, Huong/Hyong=Hương, Linh=Linh, Mai=Mai, Trang/Chang=Trang, Ha=Hà, Nhung/Nyung=Nhung'),
    family: list(
      'Nguyen/Nguen/Nguyn=Nguyễn, Tran/Chan=Trần, Le=Lê, Pham/Fam=Phạm, Hoang/Huang=Hoàng, Vu=Vũ, Vo=Võ, Dang=Đặng, ' +
        'Bui=Bùi, Do/Doh=Đỗ, Phan/Fan=Phan',
    ),
    middleMale: list('Van=Văn, Duc=Đức, Minh/Min=Minh, Quoc/Kuok=Quốc'),
    middleFemale: list('Thi=Thị, Ngoc/Nhoc=Ngọc, Thu=Thu'),
  },
  it: {
    script: 'latin',
    system: 'family',
    male: list('Giuseppe/Guiseppe, Salvatore/Salvatori, Antonio/Antonino, Francesco/Franco, Marco/Mark, Vincenzo/Enzo'),
    female: list('Maria/Marìa, Giovanna/Giovana, Rosa/Rosaria, Anna/Ana'),
    family: list('Rossi/Rosi, Russo/Ruso, Esposito/Esposto, Bianchi/Bianci, Romano/Romanò, Ferrara/Ferrera, Greco/Grecco'),
  },
  gb: {
    script: 'latin',
    system: 'family',
    male: list('John/Jon, David/Dave, Paul/Pawl, Mark/Marc, Lee/Leigh, Craig/Kraig'),
    female: list('Sarah/Sara, Emma/Ema, Claire/Clare, Kelly/Kelley'),
    family: list('Smith/Smyth, Jones/Jonas, Taylor/Tailor, Brown/Browne, Wilson/Willson, Evans/Evens, Walker/Walkers'),
  },
  de: {
    script: 'latin',
    system: 'family',
    male: list('Thomas/Tomas, Michael/Micheal, Stefan/Stephan, Andreas/Andres, Jürgen/Juergen/Jurgen'),
    female: list('Sabine/Sabina, Petra/Petrah, Jana/Janna'),
    family: list('Müller/Mueller/Muller, Schmidt/Schmitt, Schneider/Schnieder, Fischer/Fisher, Weber/Webber, Wagner/Wagener'),
  },
};

/** The name pool of an origin; throws on an origin the world does not use (a bug, not an input error). */
export const namePool = (origin: string): NamePool => {
  const pool = NAME_POOLS[origin];
  if (!pool) throw new Error(`demo world has no name pool for "${origin}"`);
  return pool;
};
