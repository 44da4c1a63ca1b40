import { canonicalName } from '../noise/noise.js';
import type { Emitter } from '../observe/emitter.js';
import type { WAddress, WDocument, WGroup, WPerson } from '../world/types.js';

const originalName = (p: WPerson): string => {
  const n = p.name;
  if (n.script === 'latin' || n.given.original === undefined) return '';
  const parts = n.system === 'vietnamese' ? [n.family, n.middle, n.given] : [n.given, n.middle, n.family];
  return parts
    .map((t) => t?.original ?? t?.forms[0])
    .filter(Boolean)
    .join(' ');
};

const count = <T>(items: readonly T[]): Map<T, number> => {
  const m = new Map<T, number>();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
};

/** Write one group's truth: its people, memberships, victims, documents, things and planted indicators. */
export const writeGroupTruth = (em: Emitter, g: WGroup, documents: readonly WDocument[]): void => {
  const corridor = g.corridor.id;
  const people: WPerson[] = [
    ...g.members.filter((m) => !m.carriedIn).map((m) => m.person),
    ...g.migrants.map((m) => m.person),
    ...g.migrants.flatMap((m) => (m.relative ? [m.relative] : [])),
  ];
  for (const p of people) {
    em.truth('people', [
      p.id,
      p.kind,
      canonicalName(p.name),
      originalName(p),
      p.gender,
      p.birthDate,
      p.nationality,
      g.id,
      corridor,
    ]);
  }
  for (const m of g.members)
    em.truth('memberships', [m.person.id, g.id, m.role, m.since, m.bridge ? 'yes' : 'no']);
  em.truth('groups', [g.id, corridor, g.start, g.end, g.members.length, g.migrants.length, g.front.id]);
  for (const m of g.migrants) {
    em.truth('victims', [
      m.person.id,
      g.id,
      m.exploitation ?? 'none',
      m.recruiter.person.id,
      m.recruitPhone,
      m.controller?.person.id ?? '',
      m.workplace?.id ?? '',
      m.docsHeldBy?.person.id ?? '',
      m.debt,
      m.recruited,
    ]);
  }
  for (const d of documents)
    em.truth('documents', [
      d.id,
      d.kind,
      d.country,
      d.number,
      d.status,
      d.holder ?? '',
      d.basedOn ?? '',
      d.reported ?? '',
    ]);

  const addresses = new Map<string, WAddress>();
  for (const a of [...g.safeHouses, g.front.address, ...people.flatMap((p) => (p.home ? [p.home] : []))])
    addresses.set(a.id, a);
  for (const a of addresses.values()) {
    em.truth('things', [
      a.id,
      a.kind === 'home' ? 'address' : a.kind,
      `${a.street.split('/')[0] ?? ''} ${a.number}, ${a.place.cityForms[0] ?? ''} (${a.place.country})`,
      '',
      g.id,
    ]);
  }
  em.truth('things', [g.front.id, 'company', g.front.name, '', g.id]);
  for (const v of g.vehicles)
    em.truth('things', [v.id, 'vehicle', `${v.plate} (${v.country})`, v.owner ?? '', g.id]);
  const vessels = new Map(g.trips.flatMap((t) => (t.vessel ? [[t.vessel.id, t.vessel] as const] : [])));
  for (const v of g.vessels) vessels.set(v.id, v);
  for (const v of vessels.values()) {
    em.truth('things', [
      v.id,
      'vessel',
      [v.kind, v.name, v.imo && `IMO ${v.imo}`, v.mmsi && `MMSI ${v.mmsi}`].filter(Boolean).join(' '),
      '',
      g.id,
    ]);
  }
  for (const p of people) {
    for (const b of p.bankAccounts) em.truth('things', [b.id, 'bank-account', b.iban, p.id, g.id]);
    for (const u of p.accounts)
      em.truth('things', [u.id, 'user-account', `${u.service}:${u.username}`, p.id, g.id]);
    for (const phone of p.phones) em.truth('things', [`N${phone}`, 'phone', phone, p.id, g.id]);
  }

  for (const [phone, n] of count(g.migrants.map((m) => m.recruitPhone))) {
    if (n >= 3)
      em.truth('indicators', [
        'shared-recruit-phone',
        g.id,
        `N${phone}`,
        n,
        'one phone used to recruit many',
      ]);
  }
  for (const [address, n] of count(g.migrants.flatMap((m) => (m.workplace ? [m.workplace.id] : [])))) {
    if (n >= 3) em.truth('indicators', ['crowded-address', g.id, address, n, 'many victims at one address']);
  }
  for (const [account, n] of count(
    g.payments.flatMap((p) => (p.beneficiaryAccount ? [p.beneficiaryAccount.id] : [])),
  )) {
    em.truth('indicators', ['collector-account', g.id, account, n, 'debts paid into the same few accounts']);
  }
  for (const [vehicle, n] of count(g.trips.flatMap((t) => (t.vehicle ? [t.vehicle.id] : [])))) {
    if (n >= 2) em.truth('indicators', ['repeat-vehicle', g.id, vehicle, n, 'same vehicle on many trips']);
  }
  for (const [vessel, n] of count(
    g.trips.flatMap((t) => (t.vessel?.imo || t.vessel?.mmsi ? [t.vessel.id] : [])),
  )) {
    if (n >= 2) em.truth('indicators', ['repeat-vessel', g.id, vessel, n, 'same vessel on many trips']);
  }
  for (const [holder, n] of count(
    g.migrants.flatMap((m) => (m.docsHeldBy ? [m.docsHeldBy.person.id] : [])),
  )) {
    em.truth('indicators', ['documents-held', g.id, holder, n, 'documents held by someone else']);
  }
};
