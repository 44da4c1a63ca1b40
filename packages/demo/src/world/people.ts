import {
  IBAN_COUNTRIES,
  ID_CARD_COUNTRIES,
  makeIban,
  makeIdCardNumber,
  makeMobile,
  makePassportNumber,
} from '../data/identifiers.js';
import { namePool, type NameToken } from '../data/names.js';
import { PLACES, type Place } from '../data/routes.js';
import type { Rng } from '../prng.js';
import { addDays, dateBetween } from './dates.js';
import type {
  PersonKind,
  PersonName,
  WAddress,
  WBankAccount,
  WDocument,
  WPerson,
  WUserAccount,
} from './types.js';

/** Sequential truth-cluster ids per kind ("P0000001", "D0000001"…), deterministic in generation order. */
export class ClusterIds {
  private readonly counters = new Map<string, number>();

  /** The next id with this prefix. */
  next(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${String(n).padStart(7, '0')}`;
  }
}

/** What generating the world needs: the structure stream and the id counters. */
export interface WorldCtx {
  rng: Rng;
  ids: ClusterIds;
}

// Share of people of each origin who carry a genuine passport of their own.
const PASSPORT_SHARE: Readonly<Record<string, number>> = {
  er: 0.3,
  et: 0.5,
  so: 0.2,
  sd: 0.5,
  sy: 0.6,
  iq: 0.7,
  ng: 0.7,
};

const placesByCountry = new Map<string, Place[]>();
for (const p of PLACES.values()) {
  const list = placesByCountry.get(p.country) ?? [];
  list.push(p);
  placesByCountry.set(p.country, list);
}

/** The places the world knows in a country (may be empty). */
export const placesIn = (iso2: string): readonly Place[] => placesByCountry.get(iso2) ?? [];

/** Lower-case ASCII letters of a name, for usernames and e-mail addresses. */
export const asciiSlug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

const makeName = (rng: Rng, origin: string, gender: 'male' | 'female'): PersonName => {
  const pool = namePool(origin);
  const given = rng.pick(pool[gender]);
  let middle: NameToken | undefined;
  let family: NameToken;
  if (pool.system === 'patronymic') {
    middle = rng.pick(pool.male);
    family = rng.pick(pool.male);
  } else if (pool.system === 'vietnamese') {
    middle = rng.pick((gender === 'male' ? pool.middleMale : pool.middleFemale) ?? pool.male);
    family = rng.pick(pool.family);
  } else {
    const i = rng.int(0, pool.family.length - 1);
    const forms = gender === 'female' && pool.familyFemale ? pool.familyFemale : pool.family;
    family = forms[i] ?? rng.pick(pool.family);
    const fatherShare = pool.script === 'arabic' ? 0.7 : origin === 'al' || origin === 'ng' ? 0.5 : 0.1;
    if (rng.chance(fatherShare)) middle = rng.pick(pool.male);
  }
  return { system: pool.system, script: pool.script, given, middle, family, nick: undefined };
};

/** An address on one of a place's streets. */
export const makeAddress = (ctx: WorldCtx, place: Place, kind: WAddress['kind']): WAddress => ({
  id: ctx.ids.next('A'),
  place,
  street: ctx.rng.pick(place.streets),
  number: ctx.rng.int(1, 180),
  kind,
});

/** A document of a country for a holder, valid around a date. */
export const makeDocument = (
  ctx: WorldCtx,
  kind: WDocument['kind'],
  iso2: string,
  holder: string | undefined,
  around: string,
): WDocument => {
  const issued = addDays(around, -ctx.rng.int(30, 3000));
  const number =
    (kind === 'idcard' ? makeIdCardNumber(ctx.rng, iso2) : undefined) ?? makePassportNumber(ctx.rng, iso2);
  return {
    id: ctx.ids.next('D'),
    kind,
    country: iso2,
    number,
    status: 'genuine',
    holder,
    issued,
    expires: addDays(issued, 3652),
    basedOn: undefined,
    reported: undefined,
  };
};

/** A bank account with an IBAN in a country that has them (else in fallback). */
export const makeBankAccount = (
  ctx: WorldCtx,
  iso2: string,
  holder: string,
  fallback = 'it',
): WBankAccount => {
  const where = IBAN_COUNTRIES.includes(iso2) ? iso2 : fallback;
  const { iban, bank } = makeIban(ctx.rng, where);
  return { id: ctx.ids.next('B'), iban, bankName: bank.name, bic: bank.bic, country: where, holder };
};

/** An account on a messaging or social-media service. */
export const makeUserAccount = (
  ctx: WorldCtx,
  person: WPerson,
  service: string,
  number?: string,
): WUserAccount => {
  const { rng } = ctx;
  const base =
    person.name.nick ??
    `${person.name.given.forms[0] ?? ''}${rng.pick(['.', '_', ''])}${person.name.family.forms[0] ?? ''}`;
  const username = `${asciiSlug(base) || 'user'}${rng.chance(0.6) ? String(rng.int(1, 999)) : ''}`;
  return { id: ctx.ids.next('U'), service, username, number, owner: person.id };
};

/** A new person of an origin, with a name, birth date, phone and (by origin) documents. */
export const makePerson = (
  ctx: WorldCtx,
  o: {
    origin: string;
    kind: PersonKind;
    gender: 'male' | 'female';
    minAge: number;
    maxAge: number;
    livesIn?: string;
  },
): WPerson => {
  const { rng } = ctx;
  const id = ctx.ids.next('P');
  const name = makeName(rng, o.origin, o.gender);
  const year = 2023 - rng.int(o.minAge, o.maxAge);
  const birthDate = dateBetween(rng, `${year}-01-01`, `${year}-12-31`);
  const home = placesIn(o.origin);
  const birthPlace = home.length > 0 ? (rng.pick(home).cityForms[0] ?? '') : '';
  const person: WPerson = {
    id,
    kind: o.kind,
    origin: o.origin,
    nationality: o.origin,
    gender: o.gender,
    name,
    birthDate,
    birthPlace,
    phones: [makeMobile(rng, o.livesIn ?? o.origin)],
    email: undefined,
    accounts: [],
    documents: [],
    bankAccounts: [],
    home: home.length > 0 && rng.chance(0.5) ? makeAddress(ctx, rng.pick(home), 'home') : undefined,
  };
  if (rng.chance(0.25)) {
    const local = `${asciiSlug(name.given.forms[0] ?? '')}.${asciiSlug(name.family.forms[0] ?? '')}${rng.int(1, 99)}`;
    person.email = `${local}@${rng.pick(['gmail.com', 'yahoo.com', 'outlook.com', 'mail.ru', 'hotmail.com'])}`;
  }
  if (rng.chance(PASSPORT_SHARE[o.origin] ?? 0.9)) {
    person.documents.push(makeDocument(ctx, 'passport', o.origin, id, '2021-06-01'));
  }
  if (ID_CARD_COUNTRIES.includes(o.origin) && rng.chance(0.35)) {
    person.documents.push(makeDocument(ctx, 'idcard', o.origin, id, '2021-06-01'));
  }
  return person;
};
