/**
 * ISO 3166-1 alpha-3 → alpha-2 country codes (249 entries, generated from the iso-codes package's
 * iso_3166-1.json). Each 5-letter word is alpha-3 followed by alpha-2.
 */
const PACKED =
  'ABWAW AFGAF AGOAO AIAAI ALAAX ALBAL ANDAD AREAE ARGAR ARMAM ASMAS ATAAQ ATFTF ATGAG AUSAU AUTAT ' +
  'AZEAZ BDIBI BELBE BENBJ BESBQ BFABF BGDBD BGRBG BHRBH BHSBS BIHBA BLMBL BLRBY BLZBZ BMUBM BOLBO ' +
  'BRABR BRBBB BRNBN BTNBT BVTBV BWABW CAFCF CANCA CCKCC CHECH CHLCL CHNCN CIVCI CMRCM CODCD COGCG ' +
  'COKCK COLCO COMKM CPVCV CRICR CUBCU CUWCW CXRCX CYMKY CYPCY CZECZ DEUDE DJIDJ DMADM DNKDK DOMDO ' +
  'DZADZ ECUEC EGYEG ERIER ESHEH ESPES ESTEE ETHET FINFI FJIFJ FLKFK FRAFR FROFO FSMFM GABGA GBRGB ' +
  'GEOGE GGYGG GHAGH GIBGI GINGN GLPGP GMBGM GNBGW GNQGQ GRCGR GRDGD GRLGL GTMGT GUFGF GUMGU GUYGY ' +
  'HKGHK HMDHM HNDHN HRVHR HTIHT HUNHU IDNID IMNIM INDIN IOTIO IRLIE IRNIR IRQIQ ISLIS ISRIL ITAIT ' +
  'JAMJM JEYJE JORJO JPNJP KAZKZ KENKE KGZKG KHMKH KIRKI KNAKN KORKR KWTKW LAOLA LBNLB LBRLR LBYLY ' +
  'LCALC LIELI LKALK LSOLS LTULT LUXLU LVALV MACMO MAFMF MARMA MCOMC MDAMD MDGMG MDVMV MEXMX MHLMH ' +
  'MKDMK MLIML MLTMT MMRMM MNEME MNGMN MNPMP MOZMZ MRTMR MSRMS MTQMQ MUSMU MWIMW MYSMY MYTYT NAMNA ' +
  'NCLNC NERNE NFKNF NGANG NICNI NIUNU NLDNL NORNO NPLNP NRUNR NZLNZ OMNOM PAKPK PANPA PCNPN PERPE ' +
  'PHLPH PLWPW PNGPG POLPL PRIPR PRKKP PRTPT PRYPY PSEPS PYFPF QATQA REURE ROURO RUSRU RWARW SAUSA ' +
  'SDNSD SENSN SGPSG SGSGS SHNSH SJMSJ SLBSB SLESL SLVSV SMRSM SOMSO SPMPM SRBRS SSDSS STPST SURSR ' +
  'SVKSK SVNSI SWESE SWZSZ SXMSX SYCSC SYRSY TCATC TCDTD TGOTG THATH TJKTJ TKLTK TKMTM TLSTL TONTO ' +
  'TTOTT TUNTN TURTR TUVTV TWNTW TZATZ UGAUG UKRUA UMIUM URYUY USAUS UZBUZ VATVA VCTVC VENVE VGBVG ' +
  'VIRVI VNMVN VUTVU WLFWF WSMWS YEMYE ZAFZA ZMBZM ZWEZW';

const ALPHA3_TO_2: ReadonlyMap<string, string> = new Map(
  PACKED.split(' ').map((w): [string, string] => [w.slice(0, 3), w.slice(3)]),
);
const ALPHA2_TO_3: ReadonlyMap<string, string> = new Map([...ALPHA3_TO_2].map(([a3, a2]) => [a2, a3]));

/** Upper-case ISO alpha-2 code for an alpha-2 or alpha-3 code (any case), or undefined when unknown. */
export const toAlpha2 = (code: string): string | undefined => {
  const c = code.toUpperCase();
  if (c.length === 2) return ALPHA2_TO_3.has(c) ? c : undefined;
  return c.length === 3 ? ALPHA3_TO_2.get(c) : undefined;
};

/** Upper-case ISO alpha-3 code for an alpha-2 code (any case), or undefined when unknown. */
export const toAlpha3 = (alpha2: string): string | undefined => ALPHA2_TO_3.get(alpha2.toUpperCase());

// English names other than CLDR's that agencies write (CLDR says "Türkiye", "Czechia", "Côte d’Ivoire"…).
const NAME_ALIASES: Readonly<Record<string, string>> = {
  'hong kong': 'HK',
  'democratic republic of the congo': 'CD',
  'dr congo': 'CD',
  'republic of the congo': 'CG',
  'ivory coast': 'CI',
  'east timor': 'TL',
  turkey: 'TR',
  'czech republic': 'CZ',
  'bosnia and herzegovina': 'BA',
  myanmar: 'MM',
  burma: 'MM',
  usa: 'US',
  'united states of america': 'US',
  uk: 'GB',
  'great britain': 'GB',
  'south korea': 'KR',
  'north korea': 'KP',
  palestine: 'PS',
  swaziland: 'SZ',
  macedonia: 'MK',
  'cape verde': 'CV',
  vatican: 'VA',
};

const foldName = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’']/g, '')
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();

let byName: ReadonlyMap<string, string> | undefined;
// English region names from the runtime's CLDR data (Intl), built on first use.
const namesToCodes = (): ReadonlyMap<string, string> => {
  if (byName !== undefined) return byName;
  const out = new Map<string, string>();
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (const a2 of ALPHA2_TO_3.keys()) {
    const name = display.of(a2);
    if (name !== undefined) out.set(foldName(name), a2);
  }
  for (const [name, a2] of Object.entries(NAME_ALIASES)) out.set(foldName(name), a2);
  byName = out;
  return out;
};

/**
 * Upper-case ISO alpha-2 code for a code (alpha-2 or alpha-3) or an English country name ("France",
 * "Ivory Coast", "United States of America"), or undefined when it is neither. For matching only: the
 * FtM model itself takes codes.
 */
export const countryCode = (text: string): string | undefined => {
  const t = text.trim();
  return toAlpha2(t) ?? namesToCodes().get(foldName(t));
};
