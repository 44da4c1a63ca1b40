/** A country of the demo world: FtM code (lower-case ISO2), ISO3, names in the agencies' languages, mobile numbering. */
export interface CountryInfo {
  iso2: string;
  iso3: string;
  /** Names as the agencies write them: English, Italian, German, Greek, Albanian. */
  names: { en: string; it: string; de: string; el: string; sq: string };
  /** International calling code, without "+". */
  callingCode: string;
  /** The national trunk prefix written before a number dialled at home ("0", "8", "06"…; "" for none). */
  trunk: string;
  /** Leading digits of mobile numbers, after the calling code. */
  mobilePrefixes: readonly string[];
  /** Total digits of a mobile number after the calling code. */
  mobileDigits: number;
}

type Row = [string, string, string, string, string, string, string, string, string, string, number];

// iso2, iso3, en, it, de, el, sq, calling code, trunk, mobile prefixes (|-separated), mobile digits
// prettier-ignore
const ROWS: readonly Row[] = [
  ['er', 'ERI', 'Eritrea', 'Eritrea', 'Eritrea', 'Ερυθραία', 'Eritrea', '291', '0', '7', 7],
  ['et', 'ETH', 'Ethiopia', 'Etiopia', 'Äthiopien', 'Αιθιοπία', 'Etiopia', '251', '0', '91|92|93', 9],
  ['so', 'SOM', 'Somalia', 'Somalia', 'Somalia', 'Σομαλία', 'Somalia', '252', '0', '61|62|90', 9],
  ['sd', 'SDN', 'Sudan', 'Sudan', 'Sudan', 'Σουδάν', 'Sudani', '249', '0', '91|92|99|12', 9],
  ['ly', 'LBY', 'Libya', 'Libia', 'Libyen', 'Λιβύη', 'Libia', '218', '0', '91|92|94', 9],
  ['ng', 'NGA', 'Nigeria', 'Nigeria', 'Nigeria', 'Νιγηρία', 'Nigeria', '234', '0', '803|806|813|703|816|905', 10],
  ['ne', 'NER', 'Niger', 'Niger', 'Niger', 'Νίγηρας', 'Nigeri', '227', '', '90|96|97', 8],
  ['sy', 'SYR', 'Syria', 'Siria', 'Syrien', 'Συρία', 'Siria', '963', '0', '93|94|95|99', 9],
  ['iq', 'IRQ', 'Iraq', 'Iraq', 'Irak', 'Ιράκ', 'Iraku', '964', '0', '770|750|780|790', 10],
  ['tr', 'TUR', 'Türkiye', 'Turchia', 'Türkei', 'Τουρκία', 'Turqia', '90', '0', '530|532|505|542|555', 10],
  ['gr', 'GRC', 'Greece', 'Grecia', 'Griechenland', 'Ελλάδα', 'Greqia', '30', '', '69', 10],
  ['mk', 'MKD', 'North Macedonia', 'Macedonia del Nord', 'Nordmazedonien', 'Βόρεια Μακεδονία', 'Maqedonia e Veriut', '389', '0', '70|71|75|78', 8],
  ['rs', 'SRB', 'Serbia', 'Serbia', 'Serbien', 'Σερβία', 'Serbia', '381', '0', '60|62|63|64|65', 9],
  ['hu', 'HUN', 'Hungary', 'Ungheria', 'Ungarn', 'Ουγγαρία', 'Hungaria', '36', '06', '20|30|70', 9],
  ['at', 'AUT', 'Austria', 'Austria', 'Österreich', 'Αυστρία', 'Austria', '43', '0', '664|676|699', 10],
  ['de', 'DEU', 'Germany', 'Germania', 'Deutschland', 'Γερμανία', 'Gjermania', '49', '0', '151|152|160|170|176|178', 11],
  ['it', 'ITA', 'Italy', 'Italia', 'Italien', 'Ιταλία', 'Italia', '39', '', '320|328|333|339|347|366|388', 10],
  ['vn', 'VNM', 'Vietnam', 'Vietnam', 'Vietnam', 'Βιετνάμ', 'Vietnami', '84', '0', '90|91|98|97|86', 9],
  ['ru', 'RUS', 'Russia', 'Russia', 'Russland', 'Ρωσία', 'Rusia', '7', '8', '915|916|925|903|967', 10],
  ['by', 'BLR', 'Belarus', 'Bielorussia', 'Belarus', 'Λευκορωσία', 'Bjellorusia', '375', '80', '29|33|44', 9],
  ['pl', 'POL', 'Poland', 'Polonia', 'Polen', 'Πολωνία', 'Polonia', '48', '', '50|51|60|66|69|79', 9],
  ['fr', 'FRA', 'France', 'Francia', 'Frankreich', 'Γαλλία', 'Franca', '33', '0', '6|7', 9],
  ['be', 'BEL', 'Belgium', 'Belgio', 'Belgien', 'Βέλγιο', 'Belgjika', '32', '0', '47|48|49', 9],
  ['gb', 'GBR', 'United Kingdom', 'Regno Unito', 'Vereinigtes Königreich', 'Ηνωμένο Βασίλειο', 'Mbretëria e Bashkuar', '44', '0', '74|75|77|78|79', 10],
  ['al', 'ALB', 'Albania', 'Albania', 'Albanien', 'Αλβανία', 'Shqipëria', '355', '0', '67|68|69', 9],
  ['sl', 'SLE', 'Sierra Leone', 'Sierra Leone', 'Sierra Leone', 'Σιέρα Λεόνε', 'Sierra Leone', '232', '0', '76|77', 8],
  ['tg', 'TGO', 'Togo', 'Togo', 'Togo', 'Τόγκο', 'Togo', '228', '', '90|91', 8],
  ['mt', 'MLT', 'Malta', 'Malta', 'Malta', 'Μάλτα', 'Malta', '356', '', '79|99', 8],
];

/** The countries of the demo world, by FtM code. */
export const COUNTRIES: ReadonlyMap<string, CountryInfo> = new Map(
  ROWS.map(([iso2, iso3, en, it, de, el, sq, callingCode, trunk, prefixes, mobileDigits]) => [
    iso2,
    { iso2, iso3, names: { en, it, de, el, sq }, callingCode, trunk, mobilePrefixes: prefixes.split('|'), mobileDigits },
  ]),
);

/** A country of the demo world; throws on a code the world does not use (a bug, not an input error). */
export const country = (iso2: string): CountryInfo => {
  const c = COUNTRIES.get(iso2);
  if (!c) throw new Error(`demo world has no country "${iso2}"`);
  return c;
};

/** Maritime identification digits (the first three digits of an MMSI) per flag state, from the ITU table. */
export const MID_BY_FLAG: Readonly<Record<string, readonly number[]>> = {
  it: [247],
  gr: [237, 239, 240, 241],
  tr: [271],
  ly: [642],
  sl: [667],
  tg: [671],
  mt: [215, 229, 248, 249, 256],
  gb: [232, 233, 234, 235],
  fr: [226, 227, 228],
};
