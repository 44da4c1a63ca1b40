import { VICTIM_KEYWORD } from '@clew/core';
import { friendlyFormatIBAN } from 'ibantools';
import { caseRef, recordMarking, type Agency, type AgencyId } from '../agencies/agencies.js';
import type { Extra } from '../agencies/native-tables.js';
import type { Place } from '../data/routes.js';
import {
  formatDocNumber,
  formatPhone,
  formatPlate,
  noisyDate,
  renderAddress,
  renderName,
  type Noise,
} from '../noise/noise.js';
import type { Rng } from '../prng.js';
import type {
  WAddress,
  WBankAccount,
  WDocument,
  WGroup,
  WPerson,
  WUserAccount,
  WVehicle,
  WVessel,
} from '../world/types.js';
import { AGENCY_BY_ID, type Emitter, type PropsIn } from './emitter.js';

/** What the observers share for one group: the emitter, the decision and noise streams, case numbers. */
export interface ObserveCtx {
  em: Emitter;
  /** Decides who sees what (independent of the noise stream, so noise never changes the world). */
  rng: Rng;
  nz: Noise;
  group: WGroup;
  /** Case or file reference per agency for this group. */
  cases: Map<AgencyId, string>;
}

/** An agency by id (the table is fixed, so a miss is a bug). */
export const ag = (id: AgencyId): Agency => {
  const a = AGENCY_BY_ID.get(id);
  if (!a) throw new Error(`unknown agency ${id}`);
  return a;
};

/** This group's case reference at an agency. */
export const caseOf = (o: ObserveCtx, a: Agency): string => {
  let ref = o.cases.get(a.id);
  if (!ref) {
    ref = caseRef(a, o.rng.int(100, 9999), o.group.start);
    o.cases.set(a.id, ref);
  }
  return ref;
};

/** The marking of one record of this group at an agency (its grading drawn from the record-level stream). */
export const mark = (
  o: ObserveCtx,
  a: Agency,
  date: string,
  victim = false,
): ReturnType<typeof recordMarking> => recordMarking(a, o.nz.rng, caseOf(o, a), date, victim);

/** Options for a person record. */
export interface PersonOpts {
  date: string;
  role: string;
  victim?: boolean;
  topics?: readonly string[];
  notes?: string;
  address?: WAddress;
  phones?: readonly string[];
  docs?: boolean;
  birthPlace?: boolean;
  /** Nationality as claimed (screening): may differ from the real one. */
  claimed?: string;
  extra?: Extra;
}

/** An agency's record of a person (one per person per group, with a rare duplicate at high noise). */
export const personRecord = (o: ObserveCtx, a: Agency, p: WPerson, opts: PersonOpts): string => {
  const known = o.em.recordOf(a.id, p.id);
  if (known && !o.nz.rng.chance(o.nz.level * 0.05)) return known;
  const n = renderName(o.nz, p.name, a.nameStyle, p.origin);
  const aliases = [
    p.name.nick,
    n.original !== n.name && o.nz.rng.chance(a.nameStyle.script) ? n.original : undefined,
  ];
  const docs = opts.docs ? p.documents : [];
  const passport = docs.find((d) => d.kind === 'passport');
  const card = docs.find((d) => d.kind === 'idcard');
  const address = opts.address ?? p.home;
  const rendered = address ? renderAddress(o.nz, address) : undefined;
  const props: PropsIn = {
    name: n.name,
    firstName: n.firstName,
    lastName: n.lastName,
    middleName: n.middleName,
    fatherName: n.fatherName,
    alias: aliases,
    birthDate: noisyDate(o.nz, p.birthDate),
    birthPlace: opts.birthPlace ? p.birthPlace : undefined,
    nationality: opts.claimed ?? p.nationality,
    gender: p.gender,
    phone: (opts.phones ?? p.phones.slice(0, 1)).map((x) => formatPhone(o.nz, x)),
    email: p.email,
    passportNumber: passport ? formatDocNumber(o.nz, passport.number, passport.country) : undefined,
    idNumber: card ? formatDocNumber(o.nz, card.number, card.country) : undefined,
    address: rendered?.full,
    addressEntity: address ? addressRecord(o, a, address) : undefined,
    topics: opts.topics,
    // FtM has no victim topic: Clew's graph reads this keyword (VICTIM_KEYWORD in @clew/core).
    keywords: opts.victim ? VICTIM_KEYWORD : undefined,
    notes: opts.notes,
  };
  const extra: Extra = {
    role: opts.role,
    case: caseOf(o, a),
    date: opts.date,
    original: n.original,
    ...opts.extra,
  };
  return o.em.emit(a, 'Person', 'p', p.id, props, mark(o, a, opts.date, opts.victim), extra);
};

/** An agency's record of an address (once per group). */
export const addressRecord = (o: ObserveCtx, a: Agency, addr: WAddress): string => {
  const known = o.em.recordOf(a.id, addr.id);
  if (known) return known;
  const r = renderAddress(o.nz, addr);
  const props = {
    full: r.full,
    street: r.street,
    city: r.city,
    postalCode: r.postcode,
    country: addr.place.country,
  };
  return o.em.emit(a, 'Address', 'a', addr.id, props, mark(o, a, o.group.start));
};

/** An agency's record of a city on a route, for trip start and end locations. */
export const placeRecord = (o: ObserveCtx, a: Agency, place: Place): string => {
  const cluster = `PL-${place.id}`;
  const known = o.em.recordOf(a.id, cluster);
  if (known) return known;
  const city = o.nz.rng.chance(o.nz.level * 0.6)
    ? o.nz.rng.pick(place.cityForms)
    : (place.cityForms[0] ?? '');
  return o.em.emit(
    a,
    'Address',
    'a',
    cluster,
    { full: city, city, country: place.country },
    mark(o, a, o.group.start),
  );
};

/** An agency's record of a travel or identity document. */
export const documentRecord = (
  o: ObserveCtx,
  a: Agency,
  d: WDocument,
  holder: string | undefined,
  date: string,
  description?: string,
  extra?: Extra,
): string => {
  const known = o.em.recordOf(a.id, d.id);
  if (known) return known;
  const props: PropsIn = {
    number: formatDocNumber(o.nz, d.number, d.country),
    country: d.country,
    type: d.kind === 'passport' ? 'passport' : 'identity card',
    holder,
    startDate: d.issued,
    endDate: d.expires,
    description,
  };
  return o.em.emit(
    a,
    d.kind === 'passport' ? 'Passport' : 'Identification',
    'd',
    d.id,
    props,
    mark(o, a, date),
    extra,
  );
};

/** An agency's record of a vehicle. */
export const vehicleRecord = (o: ObserveCtx, a: Agency, v: WVehicle, date: string): string => {
  const known = o.em.recordOf(a.id, v.id);
  if (known) return known;
  const owner = v.owner ? o.em.recordOf(a.id, v.owner) : undefined;
  const props: PropsIn = {
    registrationNumber: formatPlate(o.nz, v.plate),
    country: v.country,
    model: v.model,
    type: v.kind,
    owner,
  };
  return o.em.emit(a, 'Vehicle', 'v', v.id, props, mark(o, a, date));
};

const CRAFT: Readonly<Record<WVessel['kind'], string>> = {
  dinghy: 'rubber boat',
  'small-boat': 'small inflatable boat',
  fishing: 'fishing vessel',
  cargo: 'general cargo ship',
  yacht: 'sailing yacht',
  'lorry-ferry': 'ro-ro ferry',
};

/** The kind of craft as agencies write it. */
export const craftName = (v: WVessel): string => CRAFT[v.kind];

/** An agency's record of a vessel. */
export const vesselRecord = (o: ObserveCtx, a: Agency, v: WVessel, date: string, extra?: Extra): string => {
  const known = o.em.recordOf(a.id, v.id);
  if (known) return known;
  const props: PropsIn = {
    name: v.name,
    imoNumber: v.imo,
    mmsi: v.mmsi,
    flag: v.flag,
    type: craftName(v),
    description: v.stolen && a.kind === 'international' ? `Reported stolen ${v.stolen}` : undefined,
  };
  return o.em.emit(a, 'Vessel', 's', v.id, props, mark(o, a, date), extra);
};

/** An agency's record of a messaging or social-media account. */
export const userAccountRecord = (
  o: ObserveCtx,
  a: Agency,
  u: WUserAccount,
  owner: string | undefined,
  date: string,
): string => {
  const known = o.em.recordOf(a.id, u.id);
  if (known) return known;
  const props: PropsIn = {
    service: u.service,
    username: u.username,
    number: u.number ? formatPhone(o.nz, u.number) : undefined,
    owner,
  };
  return o.em.emit(a, 'UserAccount', 'u', u.id, props, mark(o, a, date));
};

/** An agency's record of a bank account (and, for the holder, an Ownership). */
export const bankRecord = (
  o: ObserveCtx,
  a: Agency,
  b: WBankAccount,
  holder: string | undefined,
  date: string,
): string => {
  const known = o.em.recordOf(a.id, b.id);
  if (known) return known;
  const iban = o.nz.rng.chance(o.nz.level * 0.5) ? (friendlyFormatIBAN(b.iban) ?? b.iban) : b.iban;
  const id = o.em.emit(
    a,
    'BankAccount',
    'b',
    b.id,
    { iban, bankName: b.bankName, bic: b.bic, country: b.country },
    mark(o, a, date),
  );
  if (holder)
    o.em.emit(
      a,
      'Ownership',
      'l',
      `${b.id}~${b.holder}`,
      { owner: holder, asset: id, role: 'account holder' },
      mark(o, a, date),
    );
  return id;
};
