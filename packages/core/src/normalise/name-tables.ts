/**
 * Data for name normalisation: equivalent spellings, cognates, honorifics, particles, surnames that
 * change the rules. Entries are written as people write them; the code folds them with the same rules
 * as the names they are compared with, so a table entry never has to anticipate the folding.
 *
 * Policy for equivalents (these become ONE canonical token, i.e. an exact match):
 * a group holds spellings of one name that differ the way transliteration and romanisation differ —
 * vowels the script does not write (Mohammed/Muhammad), doubled letters, kh/h, x/ks, a dropped final
 * vowel, Turkish or Somali spellings of the same Arabic name, Ukrainian and Belarusian forms of the
 * same East Slavic name (Oleksandr/Aleksandr, Volodymyr/Vladimir, as Ukrainian and Russian documents
 * spell one person's name), Wade-Giles and pinyin. Different names of one origin in different languages
 * (John/Yohannes/Ivan, Joseph/Yusuf, Abraham/Ibrahim, Michael/Mikhail, Mehmet/Muhammad) are NOT
 * equivalents: they are cognates, kept apart in {@link NAME_COGNATES}, which the matcher may use as
 * weaker evidence. An agency writes a person's name in one of these forms and keeps it; a person does
 * not turn from Yusuf into Joseph between two records as often as transliteration turns Yusuf into
 * Youssef, and treating cognates as equal would merge too many distinct people.
 */

/** Spellings of one name; the first is the canonical one. */
export type NameGroup = readonly string[];

// Groups are written one to a line, spellings separated by commas (a spelling may have spaces).
const groups = (lines: readonly string[]): NameGroup[] => lines.map((line) => line.split(/\s*,\s*/));
// Word lists are written as one string, words separated by spaces.
const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');

/** Naming traditions the equivalence groups belong to (the Arabic ones also tell "ben" is a connector). */
export type NameTradition = 'arabic' | 'ethiopic' | 'slavic' | 'east-asian';

/** Equivalent spellings by tradition; see the policy above. */
export const NAME_EQUIVALENTS: Readonly<Record<NameTradition, readonly NameGroup[]>> = {
  arabic: groups([
    'muhammad, محمد, مُحَمَّد, mohammed, mohammad, mohamed, mohamad, muhammed, muhamad, mohammod, muhamed, mouhamed, mouhammad, mohamud, mahomed, mohd, md, muhamat, mohammedi',
    'ahmad, أحمد, احمد, ahmed, ahmet, ahmat, ehmed, achmed',
    'mahmud, محمود, mahmoud, mahmood, mahmut, mehmood, mahamoud',
    'husain, حسين, حسین, hussein, husein, hussain, husayn, hossein, hosein, houssein, hussien, huseyin, husseyin, hossain, hosain, housein',
    'hasan, حسن, hassan, hasen, hassen, hasson',
    'abdullah, عبدالله, عبد الله, abdallah, abdulla, abdalla, abdellah, abdoulaye, abdulai, abdella, abdillahi',
    'abdulrahman, عبدالرحمن, عبد الرحمن, abdurrahman, abdelrahman, abderrahmane, abdirahman, abdourahmane',
    'abdulaziz, عبدالعزيز, عبد العزيز, abdelaziz, abdulazeez, abdalaziz',
    'abdulkadir, عبدالقادر, عبد القادر, abdulqadir, abdelkader, abdelkadir, abdulkader, abdikadir, abdulqader',
    'yusuf, يوسف, youssef, yousef, yousif, yusif, yussuf, yousuf, jusuf, youcef, yussif, yusef, yousof, youssouf, yusupha',
    'ibrahim, إبراهيم, ابراهيم, ebrahim, ibraheem, ibrahima, brahim, ibrahem, ibragim',
    'ismail, إسماعيل, اسماعيل, ismael, esmail, smail, ismayil, ismaeel, ismaila',
    'mustafa, مصطفى, moustafa, mostafa, mustapha, moustapha, mostapha, mustefa',
    'fatima, فاطمة, فاطمه, fatma, fatemeh, fatimah, fatuma, fatime, fatoumata, fatouma, fadumo',
    'aisha, عائشة, عايشة, aicha, aysha, ayesha, aishah, ayse, aischa, aichatou',
    'khadija, خديجة, khadijah, khadidja, hadiza, khadijo',
    'umar, عمر, omar, omer, umer',
    'uthman, عثمان, othman, osman, usman, othmane, ousmane, usmaan, osmane',
    'ali, علي, علی, aly, alee',
    'said, سعيد, saeed, saied, saiid, saeid',
    'salih, صالح, saleh, salehe, swaleh',
    'khalid, خالد, khaled, halid, khalied, khaalid',
    'hamid, حامد, hamed, hameed, hamidou',
    'karim, كريم, کریم, kareem, kerim, karime',
    'yasin, ياسين, yassin, yaseen, yacine, yassine, yassien',
    'yakub, يعقوب, yaqub, yacoub, yaakub, yakoub, yaqoob, yacouba',
    'musa, موسى, mousa, moussa, mosa, moosa',
    'isa, عيسى, issa, eisa, aissa',
    'sulaiman, سليمان, suleiman, sulayman, soliman, suleyman, sleiman, souleymane, sulemana, suleman, soleiman',
    'idris, إدريس, ادريس, idriss, edris, idrissa',
    'jamal, جمال, gamal, djamal, jamaal, jemal',
    'nasir, ناصر, nasser, naser, nassir, nacer, nasr',
    'zainab, زينب, zeinab, zaynab, zineb, zeynep, zaineb',
    'maryam, مريم, mariam, meryem, maryem, mariama, maryan',
    'layla, ليلى, ليلا, leila, laila, leyla, lejla, laylah',
    'hamza, حمزة, hamzah, hamsa',
    'bilal, بلال, belal',
    'tariq, طارق, tarek, tarik, tareq, tarique',
    'walid, وليد, waleed, oualid, velid',
    'faisal, فيصل, faysal, feisal, faycal, faisel',
    'usama, أسامة, اسامة, osama, usamah, oussama, ousama',
    'anwar, أنور, anouar, anuar',
    'amir, أمير, ameer, amer',
    'jafar, جعفر, jaafar, djafar, jaffar, jafer',
    'ayman, أيمن, aymen, eymen, aiman',
    'habib, حبيب, habeeb, habibou',
    'rashid, رشيد, rasheed, rachid, reshid, rashed, rachied',
    'majid, ماجد, majeed, madjid, magid, majed',
    'nur, نور, nour, noor, nuur',
    'abubakar, أبو بكر, ابوبكر, abubakr, aboubakar, abubaker, aboubacar, abubakari, abu bakr',
    'salahudin, صلاح الدين, salahuddin, salaheddine, salah al-din, salah ad-din, salahadin',
    'abbas, عباس, abas',
    'salman, سلمان, selman, salmane',
    'saud, سعود, saoud',
    'adam, آدم, adem, adama',
    'hawa, hawaa, haoua',
    'amina, أمينة, aminah, aminata, ameena',
    'halima, حليمة, halimah, halimatou, halime',
  ]),
  ethiopic: groups([
    'yohannes, ዮሃንስ, ዮሐንስ, yohanes, yohannis, yohanis, yohans, johannes, yohhanes',
    'tesfaye, ተስፋዬ, ተስፋይ, tesfay, tesfai, tesfae',
    'gebre, ገብረ, ghebre, gebray, gebrai, ghebray, gebrey, gabre, gebreh',
    'gebremedhin, ገብረመድህን, gebremedhn, ghebremedhin, gebremedhen',
    'gebremeskel, ገብረመስቀል, ghebremeskel, gebremesqel, gebremeskal',
    'gebremichael, ገብረሚካኤል, ghebremichael, gebremikael, gebremikail',
    'haile, ሃይለ, ኃይለ, hayle, haille',
    'tekle, ተኽለ, ተክለ, teklay, tekley, teckle, tekleh',
    'berhane, ብርሃነ, birhane, brhane, berhan, birhan, brhan',
    'tsegay, ጸጋይ, ፀጋይ, ጸጋዬ, tsegaye, tsegai, tseggai, segai',
    'wolde, ወልደ, welde, walde, woldeh, weldu, woldu',
    'fitsum, ፍጹም, fitsom, fetsum',
    'habtom, ሃብቶም, ሀብቶም, habtum, habtome',
    'amanuel, ኣማኑኤል, አማኑኤል, emanuel, emmanuel, amanueal, ammanuel',
    'mehari, መሓሪ, mehary, meharie',
    'kidane, ኪዳነ, kidan',
    'mulugeta, ሙሉጌታ, mulugetta',
    'semere, ሰመረ, semre, semer',
    'tewelde, ተወልደ, tewolde, tawelde',
    'mebrahtu, መብራህቱ, mebrehatu, mebrahtom',
    'kiflom, ክፍሎም, kiflum',
    'ghirmay, ግርማይ, girmay, ghermay, girma, germay',
    'mekonnen, መኮንን, mekonen, makonnen, mekonin',
    'tadesse, ታደሰ, tadese, tadesa, tadessa',
    'getachew, ጌታቸው, getachu, getacho',
    'ermias, ኤርሚያስ, ermiyas, ermyas',
  ]),
  slavic: groups([
    'aleksandr, alexander, aleksander, alexandr, oleksandr, olexandr, aliaksandr, aleksandar, alexandre, alyaksandr',
    'vladimir, wladimir, volodymyr, volodimir, uladzimir, vladimer, vlagyimir, wolodymyr',
    'mikhail, michail, mihail, mykhailo, mikhael, mikail, mykhaylo',
    'ivan, iwan, ivann',
    'sergei, sergey, serguei, sergej, sergii, serhiy, serhii, sergiy, siarhei',
    'aleksei, alexey, alexei, aleksey, alexej, oleksiy, oleksii, aliaksei, alexeï',
    'dmitri, dmitry, dmitriy, dmitrii, dmytro, dimitri, dimitry, dmitrij, dzmitry',
    'yuri, yury, yuriy, juri, jurij, iurii, yurii, yuriï, yurij',
    'andrei, andrey, andrej, andrii, andriy, andrij',
    'nikolai, nikolay, nicolai, mykola, nikolaj, mikalai',
    'yevgeni, yevgeny, yevgeniy, evgeni, evgeny, evgeniy, evgenii, ievgen, yevhen, evgenij, jewgeni, yauheni',
    'olga, olha, volha, olgha',
    'natalia, natalya, nataliya, natalija, nataliia, natallia',
    'tatiana, tatyana, tatjana, tetiana, tetyana, tatsiana',
    'yulia, yuliya, julia, iuliia, yuliia, julija, yulija',
    'anastasia, anastasiya, anastasija, anastasiia',
    'yekaterina, ekaterina, jekaterina, kateryna, katsiaryna',
    'yelena, elena, jelena, olena',
    'irina, iryna',
    'pyotr, petr, piotr, petro, pjotr',
    'konstantin, constantin, kostiantyn, kostyantyn, konstantyn, kanstantsin',
    'grigori, grigory, grigoriy, hryhoriy, hryhorii, grigorij',
    'vasili, vasily, vasiliy, vasyl, wassili, vasilij, vasil',
    'anatoli, anatoly, anatoliy, anatolii, anatolij',
    'igor, ihor, ihar',
    'oleg, oleh, aleh',
    'yaroslav, jaroslav, jaroslaw, iaroslav',
    'svetlana, svitlana, sviatlana',
    'maksim, maxim, maksym',
    'viktor, victor, wiktor',
    'mariya, maria, mariia, marija',
  ]),
  'east-asian': groups([
    'nguyen, ngyuen, nguien, nguyn, nuyen',
    'zhang, chang',
    'zhou, chou',
    'zhao, chao',
    'zheng, cheng',
    'xu, hsu',
    'xie, hsieh',
    'guo, kuo',
    'jiang, chiang',
    'qian, chien',
    'kim, gim',
    'park, bak, pak, bahk',
    'choi, choe',
  ]),
};

/**
 * Cognates: one name in different languages. Not merged into one token; the matcher may treat two
 * tokens of one group as weak evidence (see the policy above).
 */
export const NAME_COGNATES: readonly NameGroup[] = groups([
  'yohannes, john, johann, juan, giovanni, jean, ioannis, hans, jan, yahya, ivan, yuhanna',
  'yusuf, joseph, giuseppe, jose, iosif, osip, yosef, josef, yosief',
  'ibrahim, abraham, avraham, abram',
  'musa, moses, moshe, mose, moise',
  'isa, jesus, yesus',
  'sulaiman, solomon, salomon, shlomo, selomon, solomone',
  'maryam, maria, mary, marie, miriam, mariam, mariya',
  'mikhail, michael, mikael, michel, miguel, michal, mykhailo, michele, mikiel',
  'yakub, jacob, yakov, jakob, iacob, giacomo, jacques, yaqob',
  'dawud, david, davit, daoud, dawit, davud',
  'ilyas, elijah, ilya, elias, elia, ilias',
  'harun, aaron, haroun, aron',
  'yunus, jonah, jonas, iona, younes',
  'ishak, isaac, isak, ishaq, itzhak, yitzhak',
  'aleksandr, alessandro, alejandro, iskandar, skander, sandor, alexandros',
  'pyotr, peter, pierre, pedro, pietro, petros',
  'pavel, paul, pablo, paolo, pawel, paulos, paulus',
  'andrei, andrew, andreas, andre, andres, andrea',
  'nikolai, nicholas, nicolas, nikolaos, niccolo, mikolaj',
  'georgi, george, giorgi, jorge, georgios, giorgio, jurgen, georg, giyorgis',
  'yelena, helen, helena, eleni, elena',
  'yekaterina, catherine, katharina, caterina, katerina',
  'muhammad, mehmet, mehmed, mamadou, mamadu',
  'amanuel, immanuel',
  'vladimir, wlodzimierz, waldemar, volodymyr',
]);

/**
 * Honorifics, titles and generational suffixes: dropped from the name when anything else is left.
 * Titles include "president" in the languages that write it before a name ("Präsident Putin").
 * Names that are also titles in some places (Khan, Don, Pan, Bey, Amir) are left out: they are too
 * often a person's actual name.
 */
export const HONORIFICS: readonly string[] = words(
  'mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sr jr junior ' +
    'senior ii iii iv esq phd hon haji hajji hadji hajj alhaji alhadji elhadj elhadji alhaja ' +
    'hajia hajja sheikh sheik shaikh shaykh cheikh shekh sayed sayyid sayid syed seyed sayyed ' +
    'seyyed sidi mulla mullah molla imam maulana mawlana maulvi ustadh ustaz ato woizero weyzero ' +
    'wro woizerit kesis qeshi memhir herr frau monsieur mme mlle madame mademoiselle senor senora ' +
    'senorita sra srta signor signora gospodin gospozha gospodja pani efendi effendi pasha hanim ' +
    'agha chief gen general col colonel capt captain maj lt sgt cpl pvt cdr adm eng engr ' +
    'president presidente praesident prasident presiden predsjednik predsednik presedintele ' +
    'prezident prezydent elnok minister senator judge justice mp hrh excellency he',
);

/**
 * Particles: connectors and articles that some records write and others leave out (al-, bin, van,
 * de…). Dropped when anything else is left. "ben" is dropped only in an Arabic or Hebrew name, "le",
 * "van", "thi", "do", "da" and "di" never in a Vietnamese one (where they are names).
 */
export const PARTICLES: readonly string[] = words(
  'al el ul il bin ibn bn bint binti bte ould ag wad walad van von vom zu zum zur der den ter ' +
    'ten het de da do dos del dela della dei degli di du des la le lo y e ben ap',
);

/** Particles that are only dropped when the name looks Arabic or Hebrew. */
export const ARABIC_ONLY_PARTICLES: ReadonlySet<string> = new Set(['ben']);

/** Particles that are names, not particles, in a Vietnamese name. */
export const VIETNAMESE_KEPT_PARTICLES: ReadonlySet<string> = new Set(['le', 'van', 'thi', 'do', 'da', 'di']);

/** The most common Vietnamese family names, to tell a Vietnamese name ("Le Van Thanh") from "Le Pen". */
export const VIETNAMESE_SURNAMES: readonly string[] = words(
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh lam mai ' +
    'trinh doan luong thi van',
);

/** Arabic sun-letter forms of the article (ad-Din, ar-Rashid…): dropped when another token starts with that letter. */
export const SUN_ARTICLES: readonly string[] = words('ad an ar as ash at az ath adh ud ur');

/** Heads that join the next token into one name (Abd al-Rahman → abdulrahman; Abu Bakr; Umm Kulthum; Mc Donald). */
export const COMPOUND_HEADS: readonly string[] = words(
  'abd abdul abdel abdal abdol abdu abu abou abul umm um mc',
);

/** Korean family names in Hangul → their usual romanisation (Revised Romanisation writes 김 as Gim, 이 as I). */
export const HANGUL_SURNAMES: ReadonlyMap<string, string> = new Map([
  ['김', 'kim'],
  ['이', 'lee'],
  ['박', 'park'],
  ['최', 'choi'],
  ['정', 'jung'],
  ['강', 'kang'],
  ['조', 'cho'],
  ['윤', 'yoon'],
  ['장', 'jang'],
  ['임', 'lim'],
  ['한', 'han'],
  ['오', 'oh'],
  ['서', 'seo'],
  ['신', 'shin'],
  ['권', 'kwon'],
  ['황', 'hwang'],
  ['안', 'ahn'],
  ['송', 'song'],
  ['류', 'ryu'],
  ['유', 'yoo'],
  ['홍', 'hong'],
  ['전', 'jeon'],
  ['고', 'ko'],
  ['문', 'moon'],
  ['양', 'yang'],
  ['손', 'son'],
  ['배', 'bae'],
  ['백', 'baek'],
  ['허', 'heo'],
  ['노', 'noh'],
  ['남', 'nam'],
  ['하', 'ha'],
  ['곽', 'kwak'],
  ['성', 'sung'],
  ['차', 'cha'],
  ['주', 'joo'],
  ['우', 'woo'],
  ['구', 'koo'],
  ['민', 'min'],
  ['진', 'jin'],
  ['지', 'ji'],
  ['엄', 'eom'],
  ['채', 'chae'],
  ['원', 'won'],
  ['천', 'cheon'],
  ['방', 'bang'],
  ['공', 'kong'],
  ['현', 'hyun'],
]);

/** Two-character Chinese family names (simplified and traditional). */
export const HAN_COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳',
  '歐陽',
  '司马',
  '司馬',
  '诸葛',
  '諸葛',
  '上官',
  '司徒',
  '东方',
  '東方',
  '夏侯',
  '皇甫',
  '慕容',
  '令狐',
  '尉迟',
  '尉遲',
  '长孙',
  '長孫',
  '宇文',
  '公孙',
  '公孫',
  '端木',
  '独孤',
  '獨孤',
]);
