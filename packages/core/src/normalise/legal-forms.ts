/**
 * Legal forms of organisations, as written after (or, for some, before) the name. A variant is
 * matched with its dots, spaces and case removed ("S.p.A." = "SpA" = "spa"), after transliteration
 * ("ООО" = "OOO"). `kind` groups forms that mean the same thing in different countries, so that
 * "Acme Ltd" and "Acme GmbH" can count as agreeing on the kind of company.
 */

/** What a legal form says about the organisation. */
export type LegalFormKind =
  | 'limited' // private limited liability company
  | 'public' // joint-stock or public limited company
  | 'partnership'
  | 'sole' // sole proprietorship or individual entrepreneur
  | 'cooperative'
  | 'nonprofit'
  | 'branch'
  | 'company'; // "company", "corporation", "group": says little

/** One legal form: a canonical code, what kind it is, how it is written, and whether it may lead the name. */
export interface LegalFormEntry {
  code: string;
  kind: LegalFormKind;
  variants: readonly string[];
  prefix?: boolean;
}

/** The table of legal forms. */
export const LEGAL_FORMS: readonly LegalFormEntry[] = [
  {
    code: 'ltd',
    kind: 'limited',
    variants: [
      'ltd',
      'limited',
      'ltd.',
      'ltda',
      'limitada',
      'pty ltd',
      'pte ltd',
      'pvt ltd',
      'private limited',
      'co ltd',
      'co., ltd.',
      'company limited',
    ],
  },
  {
    code: 'llc',
    kind: 'limited',
    variants: ['llc', 'l.l.c.', 'limited liability company', 'fz-llc', 'fzllc'],
  },
  { code: 'plc', kind: 'public', variants: ['plc', 'public limited company'] },
  { code: 'inc', kind: 'company', variants: ['inc', 'inc.', 'incorporated'] },
  { code: 'corp', kind: 'company', variants: ['corp', 'corporation'] },
  { code: 'co', kind: 'company', variants: ['co', 'co.', 'company', '& co', 'and co'] },
  { code: 'llp', kind: 'partnership', variants: ['llp', 'l.l.p.', 'limited liability partnership'] },
  { code: 'lp', kind: 'partnership', variants: ['lp', 'l.p.', 'limited partnership'] },
  {
    code: 'gmbh',
    kind: 'limited',
    variants: ['gmbh', 'ges.m.b.h.', 'gesellschaft mit beschränkter haftung', 'ggmbh', 'mbh'],
  },
  { code: 'gmbh-co-kg', kind: 'partnership', variants: ['gmbh & co. kg', 'gmbh & co kg', 'gmbh und co kg'] },
  { code: 'ug', kind: 'limited', variants: ['ug', 'ug (haftungsbeschränkt)', 'ug haftungsbeschränkt'] },
  { code: 'ag', kind: 'public', variants: ['ag', 'aktiengesellschaft'] },
  { code: 'kg', kind: 'partnership', variants: ['kg', 'kommanditgesellschaft', 'kgaa'] },
  { code: 'ohg', kind: 'partnership', variants: ['ohg', 'gbr'] },
  { code: 'ev', kind: 'nonprofit', variants: ['e.v.', 'ev', 'eingetragener verein'] },
  {
    code: 'sarl',
    kind: 'limited',
    variants: ['sarl', 's.a.r.l.', 'sàrl', 'eurl', 'sprl', 'srl', 's.r.l.', 'sas', 's.a.s.', 'sasu'],
  },
  {
    code: 'sa',
    kind: 'public',
    variants: ['sa', 's.a.', 'société anonyme', 'sociedad anonima', 'sa de cv', 's.a. de c.v.'],
  },
  { code: 'spa', kind: 'public', variants: ['spa', 's.p.a.', 'società per azioni'] },
  { code: 'sl', kind: 'limited', variants: ['sl', 's.l.', 'sociedad limitada', 'slu'] },
  { code: 'lda', kind: 'limited', variants: ['lda', 'lda.'] },
  { code: 'bv', kind: 'limited', variants: ['bv', 'b.v.', 'besloten vennootschap', 'bvba'] },
  { code: 'nv', kind: 'public', variants: ['nv', 'n.v.', 'naamloze vennootschap'] },
  { code: 'ab', kind: 'limited', variants: ['ab', 'aktiebolag', 'publ', 'ab (publ)'] },
  {
    code: 'as',
    kind: 'limited',
    variants: [
      'as',
      'a/s',
      'a.s.',
      'asa',
      'aps',
      'a.ş.',
      'anonim şirketi',
      'ltd. şti.',
      'ltd şti',
      'limited şirketi',
    ],
  },
  { code: 'oy', kind: 'limited', variants: ['oy', 'oyj'] },
  {
    code: 'sp-zoo',
    kind: 'limited',
    variants: ['sp. z o.o.', 'sp. z.o.o.', 'spółka z ograniczoną odpowiedzialnością', 'sp.j.', 'sp.k.'],
  },
  { code: 'sro', kind: 'limited', variants: ['s.r.o.', 'sro', 'spol. s r.o.'] },
  { code: 'kft', kind: 'limited', variants: ['kft', 'kft.', 'zrt', 'zrt.', 'nyrt', 'bt'] },
  {
    code: 'doo',
    kind: 'limited',
    variants: ['d.o.o.', 'doo', 'd.o.o.e.l.', 'dooel', 'ad', 'a.d.', 'dd', 'd.d.'],
  },
  { code: 'eood', kind: 'limited', variants: ['eood', 'ood', 'ead', 'еоод', 'оод', 'ад', 'еад'] },
  { code: 'shpk', kind: 'limited', variants: ['sh.p.k.', 'shpk', 'sh.a.', 'sha'] },
  { code: 'srl-ro', kind: 'limited', variants: ['s.c. srl', 'sc srl'] },
  { code: 'ooo', kind: 'limited', variants: ['ooo', 'ооо', 'тов', 'tov', 'too', 'тоо'], prefix: true },
  {
    code: 'ao',
    kind: 'public',
    variants: [
      'ao',
      'zao',
      'oao',
      'pao',
      'pjsc',
      'ojsc',
      'cjsc',
      'jsc',
      'зао',
      'оао',
      'пао',
      'ао',
      'пат',
      'прат',
      'ат',
    ],
    prefix: true,
  },
  { code: 'ip', kind: 'sole', variants: ['ip', 'ип', 'fop', 'фоп', 'spd', 'chp', 'чп'], prefix: true },
  { code: 'pt', kind: 'limited', variants: ['pt', 'p.t.', 'pt tbk', 'tbk'], prefix: true },
  { code: 'cv', kind: 'partnership', variants: ['cv', 'c.v.'], prefix: true },
  {
    code: 'sdn-bhd',
    kind: 'limited',
    variants: ['sdn bhd', 'sdn. bhd.', 'bhd', 'berhad', 'sendirian berhad'],
  },
  { code: 'kk', kind: 'public', variants: ['kk', 'k.k.', 'kabushiki kaisha', 'gk', 'godo kaisha', 'yk'] },
  { code: 'fze', kind: 'limited', variants: ['fze', 'fzco', 'fzc', 'dmcc', 'wll', 'w.l.l.', 'spc'] },
  { code: 'ae', kind: 'public', variants: ['ae', 'a.e.', 'αε', 'α.ε.', 'epe', 'ε.π.ε.', 'ike', 'ι.κ.ε.'] },
  { code: 'coop', kind: 'cooperative', variants: ['coop', 'co-op', 'cooperative', 'eg', 'eg.', 'scrl'] },
  {
    code: 'ngo',
    kind: 'nonprofit',
    variants: [
      'ngo',
      'foundation',
      'stiftung',
      'fondation',
      'fundacion',
      'association',
      'asbl',
      'vzw',
      'charity',
      'trust',
    ],
  },
  { code: 'branch', kind: 'branch', variants: ['branch', 'zweigniederlassung', 'succursale', 'filiale'] },
];
