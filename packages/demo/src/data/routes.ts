/**
 * The corridors of the demo world, after the routes that UNODC, Europol and IOM describe: places, the
 * border crossings between them and the sea legs, with the people who travel and organise on each.
 */

/** A place on a route: a city, a port or beach, a border town. Forms are how agencies write the city. */
export interface Place {
  id: string;
  cityForms: readonly string[];
  country: string;
  postcode: string;
  /** Street names; "a/b" gives variants (local script or spelling) of one street. */
  streets: readonly string[];
}

/** How a leg is travelled. */
export type LegMode = 'foot' | 'road' | 'sea' | 'air';

/** One leg between two places, with the border crossing passed, if any. */
export interface Leg {
  from: string;
  to: string;
  mode: LegMode;
  crossing: string | undefined;
}

/** How victims are exploited at the destination. */
export type Exploitation = 'labour' | 'sexual' | 'criminality';

/** A smuggling or trafficking corridor. */
export interface Corridor {
  id: CorridorId;
  name: string;
  /** Where migrants come from, with weights, and the first place of their journey. */
  origins: readonly { country: string; weight: number; start: string }[];
  /** The legs from the common hub (the first leg's `from`) to the destination. */
  legs: readonly Leg[];
  /** Legs that bring each start place to the hub (none when the start is the hub). */
  feeders: Readonly<Record<string, readonly Leg[]>>;
  destination: string;
  /** Where the group's members come from, with weights. */
  memberOrigins: readonly { country: string; weight: number }[];
  /** The share of migrants exploited at the destination, and how. */
  exploitedShare: number;
  exploitation: Readonly<Record<Exploitation, number>>;
  /** Places where the group keeps safe houses; victims are exploited in the last ones. */
  safeHouses: readonly string[];
  /** Countries whose banks hold the group's collector accounts. */
  collectorCountries: readonly string[];
  /** What the sea leg is crossed in. */
  seaCraft: readonly ('dinghy' | 'fishing' | 'cargo' | 'yacht' | 'small-boat' | 'lorry-ferry')[];
}

/** The corridor identifiers. */
export type CorridorId = 'horn-central-med' | 'nigeria-central-med' | 'eastern-med-balkans' | 'vietnam-uk' | 'albania-uk';

// id | city forms | country | postcode | streets (; between streets, / between variants)
// prettier-ignore
const PLACE_ROWS = [
  'asmara|Asmara/Asmera/ኣስመራ|er|-|Harnet Avenue/Godena Harnet;Sematat Avenue',
  'addis|Addis Ababa/Addis Abeba/አዲስ አበባ|et|1000|Bole Road;Churchill Avenue',
  'mogadishu|Mogadishu/Muqdisho/Mogadiscio|so|-|Maka al-Mukarama Road/Wadada Maka Al Mukarama;KM4',
  'gallabat|Gallabat/Qallabat/القلابات|sd|-|Souq Road',
  'kassala|Kassala/كسلا|sd|-|Souq Street/شارع السوق',
  'khartoum|Khartoum/الخرطوم/Kharṭūm|sd|11111|Al Qasr Avenue/شارع القصر;Africa Road',
  'kufra|Kufra/Al Kufrah/الكفرة|ly|-|Main Road',
  'baniwalid|Bani Walid/بني وليد|ly|-|Wadi Dinar Road',
  'tripoli|Tripoli/Tarabulus/طرابلس|ly|-|Gargaresh Road/طريق قرقارش;Souq al-Jumaa',
  'zuwara|Zuwara/Zuwarah/زوارة|ly|-|Coastal Road',
  'sabratha|Sabratha/صبراتة|ly|-|Coastal Road',
  'lampedusa|Lampedusa|it|92031|Via Roma;Contrada Imbriacola',
  'pozzallo|Pozzallo|it|97016|Via Pietre Nere;Via Orso Corbino',
  'rome|Roma/Rome|it|00185|Via Giolitti;Via Principe Amedeo;Via Casilina',
  'milan|Milano/Milan|it|20124|Via Vittor Pisani;Via Padova;Viale Monza',
  'castelvolturno|Castel Volturno/Castelvolturno|it|81030|Via Domitiana;Via Occidentale',
  'turin|Torino/Turin|it|10152|Corso Giulio Cesare;Via Nizza;Via Barbaroux',
  'benin|Benin City/Benin|ng|300001|Upper Sokponba Road;Siluko Road;Ekenwan Road',
  'kano|Kano|ng|700001|Sabon Gari Road;Zoo Road',
  'agadez|Agadez/Agadès|ne|-|Route de Bilma;Quartier Pays-Bas',
  'sebha|Sebha/Sabha/سبها|ly|-|Al Jadid Road',
  'damascus|Damascus/Dimashq/دمشق|sy|-|Baghdad Street/شارع بغداد;Al Thawra Street',
  'aleppo|Aleppo/Halab/حلب|sy|-|Baron Street/شارع بارون',
  'erbil|Erbil/Arbil/Hawler/أربيل|iq|44001|Gulan Street;100 Meter Road',
  'gaziantep|Gaziantep/Antep|tr|27000|İnönü Caddesi/Inonu Caddesi;Suburcu Caddesi',
  'istanbul|İstanbul/Istanbul|tr|34130|Aksaray Caddesi/Aksaray Cad.;Ordu Caddesi/Ordu Cad.;Kumkapı Sokak/Kumkapi Sk.',
  'ayvalik|Ayvalık/Ayvalik|tr|10400|Atatürk Bulvarı/Ataturk Blv.;Sahil Yolu',
  'lesbos|Mytilini/Mytilene/Μυτιλήνη|gr|81100|Ermou/Ερμού;Kountourioti/Κουντουριώτη',
  'athens|Athina/Athens/Αθήνα|gr|10434|Acharnon/Αχαρνών/Odos Acharnon;Patision/Πατησίων;Filis/Φυλής',
  'thessaloniki|Thessaloniki/Salonica/Θεσσαλονίκη|gr|54630|Egnatia/Εγνατία;Monastiriou/Μοναστηρίου',
  'gevgelija|Gevgelija/Ѓевѓелија|mk|1480|Maršal Tito/Маршал Тито',
  'presevo|Preševo/Presevo/Прешево|rs|17523|Maršala Tita/Маршала Тита',
  'belgrade|Beograd/Belgrade/Београд|rs|11000|Karađorđeva/Karadjordjeva/Карађорђева;Nemanjina/Немањина',
  'subotica|Subotica/Суботица|rs|24000|Korzo/Корзо;Matka Vukovića',
  'roszke|Röszke/Roszke|hu|6758|Felszabadulás utca',
  'vienna|Wien/Vienna|at|1100|Favoritenstraße/Favoritenstrasse;Triester Straße',
  'munich|München/Munich/Muenchen|de|80335|Bayerstraße/Bayerstrasse;Landsberger Straße',
  'berlin|Berlin|de|12043|Sonnenallee;Hermannstraße/Hermannstr.;Landsberger Allee',
  'hanoi|Hà Nội/Hanoi/Ha Noi|vn|100000|Phố Huế/Pho Hue;Đường Láng/Duong Lang',
  'vinh|Vinh/Nghệ An/Nghe An|vn|460000|Quang Trung;Lê Lợi/Le Loi',
  'hatinh|Hà Tĩnh/Ha Tinh|vn|480000|Phan Đình Phùng/Phan Dinh Phung',
  'moscow|Moskva/Moscow/Москва|ru|129110|Prospekt Mira/проспект Мира;Lyublinskaya/Люблинская',
  'brest|Brest/Брэст/Брест|by|224000|Sovetskaya/Советская',
  'warsaw|Warszawa/Warsaw|pl|00-001|Marszałkowska/Marszalkowska',
  'paris|Paris|fr|75018|Rue de la Chapelle;Boulevard Barbès/Bd Barbes',
  'calais|Calais|fr|62100|Rue des Garennes;Route de Gravelines',
  'dunkirk|Dunkerque/Dunkirk|fr|59140|Rue de la Samaritaine;Grande-Synthe',
  'dover|Dover|gb|CT17 9BU|Snargate Street;Folkestone Road',
  'dungeness|Dungeness/Lydd|gb|TN29 9NB|Dungeness Road',
  'london|London|gb|E6 1AB|High Street North;Barking Road;Green Street',
  'birmingham|Birmingham|gb|B10 0AB|Coventry Road;Stratford Road',
  'liverpool|Liverpool|gb|L8 2TQ|Lodge Lane;Smithdown Road',
  'tirana|Tiranë/Tirana/Tirane|al|1001|Rruga e Durrësit/Rr. Durresit;Rruga e Kavajës/Rr. Kavajes',
  'kukes|Kukës/Kukes|al|8501|Rruga Dituria',
  'brussels|Bruxelles/Brussels/Brussel|be|1000|Rue de Brabant/Brabantstraat',
] as const;

/** The places of the demo world, by id. */
export const PLACES: ReadonlyMap<string, Place> = new Map(
  PLACE_ROWS.map((row) => {
    const [id = '', cities = '', country = '', postcode = '', streets = ''] = row.split('|');
    const place: Place = {
      id,
      cityForms: cities.split('/'),
      country,
      postcode: postcode === '-' ? '' : postcode,
      streets: streets.split(';'),
    };
    return [id, place];
  }),
);

/** A place by id; throws on an unknown id (a bug in the route tables). */
export const place = (id: string): Place => {
  const p = PLACES.get(id);
  if (!p) throw new Error(`demo world has no place "${id}"`);
  return p;
};

const legs = (spec: string): Leg[] =>
  spec.split(' > ').map((s) => {
    const [from = '', to = '', mode = 'road', crossing] = s.split(':');
    return { from, to, mode: mode as LegMode, crossing };
  });

/** The five corridors, in the order groups are assigned to them. */
export const CORRIDORS: readonly Corridor[] = [
  {
    id: 'horn-central-med',
    name: 'Horn of Africa → Sudan → Libya → Italy',
    origins: [
      { country: 'er', weight: 5, start: 'asmara' },
      { country: 'et', weight: 3, start: 'addis' },
      { country: 'so', weight: 2, start: 'mogadishu' },
      { country: 'sd', weight: 1, start: 'khartoum' },
    ],
    feeders: {
      asmara: legs('asmara:kassala:foot:Tesseney–Kassala > kassala:khartoum:road'),
      addis: legs('addis:gallabat:road:Metema–Gallabat > gallabat:khartoum:road'),
      mogadishu: legs('mogadishu:addis:air > addis:gallabat:road:Metema–Gallabat > gallabat:khartoum:road'),
    },
    legs: legs(
      'khartoum:kufra:road:Sudan–Libya desert border (Jebel Uweinat) > kufra:baniwalid:road > ' +
        'baniwalid:zuwara:road > zuwara:lampedusa:sea > lampedusa:rome:road > rome:milan:road',
    ),
    destination: 'it',
    memberOrigins: [
      { country: 'er', weight: 5 },
      { country: 'et', weight: 2 },
      { country: 'sd', weight: 2 },
      { country: 'ly', weight: 3 },
      { country: 'it', weight: 1 },
    ],
    exploitedShare: 0.15,
    exploitation: { labour: 6, sexual: 3, criminality: 1 },
    safeHouses: ['khartoum', 'baniwalid', 'tripoli', 'rome', 'milan'],
    collectorCountries: ['it', 'de', 'gb'],
    seaCraft: ['dinghy', 'dinghy', 'fishing'],
  },
  {
    id: 'nigeria-central-med',
    name: 'Nigeria → Niger → Libya → Italy',
    origins: [{ country: 'ng', weight: 1, start: 'benin' }],
    feeders: {},
    legs: legs(
      'benin:kano:road > kano:agadez:road:Jibia–Maradi > agadez:sebha:road:Tummo > sebha:tripoli:road > ' +
        'tripoli:sabratha:road > sabratha:pozzallo:sea > pozzallo:castelvolturno:road > castelvolturno:turin:road',
    ),
    destination: 'it',
    memberOrigins: [
      { country: 'ng', weight: 8 },
      { country: 'ne', weight: 2 },
      { country: 'ly', weight: 2 },
      { country: 'it', weight: 1 },
    ],
    exploitedShare: 0.7,
    exploitation: { labour: 1, sexual: 8, criminality: 1 },
    safeHouses: ['agadez', 'tripoli', 'castelvolturno', 'turin'],
    collectorCountries: ['it'],
    seaCraft: ['dinghy', 'fishing', 'fishing'],
  },
  {
    id: 'eastern-med-balkans',
    name: 'Syria/Iraq → Türkiye → Greece → Western Balkans → Germany',
    origins: [
      { country: 'sy', weight: 3, start: 'damascus' },
      { country: 'sy', weight: 2, start: 'aleppo' },
      { country: 'iq', weight: 3, start: 'erbil' },
    ],
    feeders: {
      damascus: legs('damascus:aleppo:road > aleppo:gaziantep:foot:Bab al-Hawa–Cilvegözü > gaziantep:istanbul:road'),
      aleppo: legs('aleppo:gaziantep:foot:Bab al-Hawa–Cilvegözü > gaziantep:istanbul:road'),
      erbil: legs('erbil:gaziantep:road:Ibrahim Khalil–Habur > gaziantep:istanbul:road'),
    },
    legs: legs(
      'istanbul:ayvalik:road > ayvalik:lesbos:sea > lesbos:athens:sea > athens:thessaloniki:road > ' +
        'thessaloniki:gevgelija:foot:Evzonoi–Gevgelija > gevgelija:presevo:road:Tabanovce–Preševo > presevo:belgrade:road > ' +
        'belgrade:subotica:road > subotica:roszke:foot:Horgoš–Röszke > roszke:vienna:road:Nickelsdorf–Hegyeshalom > ' +
        'vienna:munich:road:Walserberg > munich:berlin:road',
    ),
    destination: 'de',
    memberOrigins: [
      { country: 'sy', weight: 4 },
      { country: 'iq', weight: 3 },
      { country: 'tr', weight: 3 },
      { country: 'gr', weight: 1 },
      { country: 'rs', weight: 2 },
      { country: 'de', weight: 1 },
    ],
    exploitedShare: 0.08,
    exploitation: { labour: 7, sexual: 1, criminality: 2 },
    safeHouses: ['istanbul', 'athens', 'thessaloniki', 'belgrade', 'berlin'],
    collectorCountries: ['tr', 'de', 'gr', 'at'],
    seaCraft: ['dinghy', 'dinghy', 'yacht', 'cargo'],
  },
  {
    id: 'vietnam-uk',
    name: 'Vietnam → Russia → Belarus → Poland → Germany → France → United Kingdom',
    origins: [
      { country: 'vn', weight: 4, start: 'vinh' },
      { country: 'vn', weight: 2, start: 'hatinh' },
      { country: 'vn', weight: 1, start: 'hanoi' },
    ],
    feeders: { vinh: legs('vinh:hanoi:road'), hatinh: legs('hatinh:hanoi:road') },
    legs: legs(
      'hanoi:moscow:air > moscow:brest:road > brest:warsaw:road:Brest–Terespol > warsaw:berlin:road:Świecko–Frankfurt (Oder) > ' +
        'berlin:paris:road > paris:calais:road > calais:dover:sea:Port of Dover (juxtaposed controls) > dover:birmingham:road',
    ),
    destination: 'gb',
    memberOrigins: [
      { country: 'vn', weight: 8 },
      { country: 'ru', weight: 2 },
      { country: 'gb', weight: 1 },
      { country: 'de', weight: 1 },
    ],
    exploitedShare: 0.6,
    exploitation: { labour: 4, sexual: 2, criminality: 4 },
    safeHouses: ['moscow', 'berlin', 'paris', 'birmingham', 'london'],
    collectorCountries: ['gb', 'de'],
    seaCraft: ['lorry-ferry', 'lorry-ferry', 'small-boat'],
  },
  {
    id: 'albania-uk',
    name: 'Albania → Belgium/France → United Kingdom',
    origins: [
      { country: 'al', weight: 3, start: 'tirana' },
      { country: 'al', weight: 2, start: 'kukes' },
    ],
    feeders: { kukes: legs('kukes:tirana:road') },
    legs: legs('tirana:brussels:air > brussels:dunkirk:road > dunkirk:dungeness:sea > dungeness:london:road > london:liverpool:road'),
    destination: 'gb',
    memberOrigins: [
      { country: 'al', weight: 9 },
      { country: 'gb', weight: 1 },
      { country: 'it', weight: 1 },
    ],
    exploitedShare: 0.4,
    exploitation: { labour: 2, sexual: 2, criminality: 6 },
    safeHouses: ['tirana', 'brussels', 'dunkirk', 'london', 'liverpool'],
    collectorCountries: ['gb', 'al'],
    seaCraft: ['small-boat', 'small-boat', 'lorry-ferry'],
  },
];
