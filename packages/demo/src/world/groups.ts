import {
  IBAN_COUNTRIES,
  PLATE_COUNTRIES,
  VEHICLE_MODELS,
  VESSEL_NAMES,
  makeImo,
  makeMmsi,
  makeMobile,
  makePlate,
} from '../data/identifiers.js';
import { CORRIDORS, place, type Corridor } from '../data/routes.js';
import { addDays, dateBetween, minDate } from './dates.js';
import { makeAddress, makeBankAccount, makePerson, makeUserAccount, type WorldCtx } from './people.js';
import type { Role, WGroup, WLink, WMember, WPerson, WVehicle, WVessel } from './types.js';

const NICKS: Readonly<Record<string, readonly string[]>> = {
  ng: ['Mama', 'Madam', 'Baba', 'Oga'],
  vn: ['Anh Hai', 'Anh Ba', 'Anh Tu', 'Chi Nam', 'Bac'],
  al: ['Lali', 'Zogu', 'Toni', 'Bimbo', 'Cuni'],
  ru: ['Sasha', 'Dima', 'Borodach'],
  any: ['the Doctor', 'Chef', 'Boss', 'Il Generale', 'Kapitan'],
};

const nickFor = (ctx: WorldCtx, p: WPerson): string => {
  const { rng } = ctx;
  const given = p.name.given.forms[0] ?? '';
  if (p.name.script === 'ethiopic' || p.origin === 'so') return `Wedi ${p.name.middle?.forms[0] ?? given}`;
  if (p.name.script === 'arabic') return `Abu ${rng.pick(['Ahmed', 'Khalil', 'Omar', 'Yusuf', 'Hamza'])}`;
  if (p.origin === 'ng') return `${rng.pick(NICKS.ng ?? [])} ${given}`;
  return rng.pick(NICKS[p.origin] ?? NICKS.any ?? []);
};

const rolesFor = (corridor: Corridor, m: number, hasSea: boolean): Role[] => {
  const exploiting = corridor.exploitedShare > 0.3;
  const hawala = corridor.id === 'horn-central-med' || corridor.id === 'eastern-med-balkans';
  const head: Role[] = [
    'organiser',
    'recruiter',
    exploiting ? 'controller' : 'enforcer',
    'money-handler',
    'driver',
  ];
  if (hasSea) head.push('boat-pilot');
  head.push('forger', 'transporter', hawala ? 'hawala-broker' : 'money-handler');
  if (m >= 25) head.push('organiser');
  const cycle: Role[] = [
    'recruiter',
    'driver',
    exploiting ? 'controller' : 'transporter',
    'transporter',
    'enforcer',
  ];
  const roles = head.slice(0, m);
  for (let i = 0; roles.length < m; i++) roles.push(cycle[i % cycle.length] ?? 'driver');
  return roles;
};

/** Where a member of a role operates, which sets their phone numbers and accounts. */
const basePlace = (ctx: WorldCtx, corridor: Corridor, role: Role): string => {
  const { rng } = ctx;
  const houses = corridor.safeHouses;
  const dest = houses.slice(-2);
  switch (role) {
    case 'recruiter':
      return rng.pick(corridor.origins).start;
    case 'driver':
    case 'transporter':
      return rng.pick(corridor.legs.filter((l) => l.mode === 'road')).from;
    case 'boat-pilot':
      return corridor.legs.find((l) => l.mode === 'sea')?.from ?? rng.pick(houses);
    case 'forger':
      return rng.pick(houses.slice(0, -2));
    case 'organiser':
      return rng.pick(houses);
    case 'money-handler':
    case 'hawala-broker':
    case 'controller':
    case 'enforcer':
      return rng.pick(dest);
  }
};

const FRONTS: Readonly<Record<string, readonly string[]>> = {
  it: [
    'Trasporti Meridionali S.r.l.',
    'Edil Casilina S.r.l.',
    'Cooperativa Agricola San Marco',
    'Pulizie Stella S.r.l.s.',
  ],
  de: ['Bau & Logistik Schmidt GmbH', 'Kurierdienst Express UG', 'Gastro Service Berlin GmbH'],
  gb: [
    'Lucky Nails Ltd',
    'Golden Hand Car Wash Ltd',
    'Premier Building Services Ltd',
    'Star Nails & Beauty Ltd',
  ],
};

/**
 * Build a group: members in roles, their links, safe houses, phones, vehicles, vessels and collector
 * accounts. `carryIn` are brokers of the previous group who work for this one too; when `carryOn`, a
 * few of this group's brokers are handed on to the next.
 */
export const buildGroup = (
  ctx: WorldCtx,
  index: number,
  memberCount: number,
  carryIn: readonly WMember[],
  carryOn: boolean,
): { group: WGroup; carryOut: WMember[] } => {
  const { rng, ids } = ctx;
  const corridor = CORRIDORS[index % CORRIDORS.length] ?? CORRIDORS[0];
  if (!corridor) throw new Error('no corridors');
  const id = ids.next('G');
  const start = dateBetween(rng, '2019-01-01', '2023-06-30');
  const end = minDate(addDays(start, rng.int(240, 900)), '2024-12-31');
  const hasSea = corridor.legs.some((l) => l.mode === 'sea');
  const members: WMember[] = [];
  for (const role of rolesFor(corridor, memberCount, hasSea)) {
    const base = place(basePlace(ctx, corridor, role));
    const origin =
      role === 'recruiter'
        ? base.country === 'so' || base.country === 'vn' || base.country === 'al' || base.country === 'ng'
          ? base.country
          : (corridor.origins[0]?.country ?? 'er')
        : role === 'controller'
          ? (corridor.memberOrigins[0]?.country ?? 'er')
          : rng.weighted(
              corridor.memberOrigins.map((o) => o.country),
              corridor.memberOrigins.map((o) => o.weight),
            );
    const femaleShare =
      (role === 'controller' || role === 'recruiter') && corridor.id === 'nigeria-central-med'
        ? 0.7
        : role === 'controller'
          ? 0.3
          : 0.1;
    const person = makePerson(ctx, {
      origin,
      kind: 'member',
      gender: rng.chance(femaleShare) ? 'female' : 'male',
      minAge: 24,
      maxAge: 62,
      livesIn: base.country,
    });
    if (rng.chance(0.5)) person.name.nick = nickFor(ctx, person);
    if (rng.chance(0.3)) person.phones.push(makeMobile(rng, origin));
    if (role === 'recruiter')
      person.accounts.push(makeUserAccount(ctx, person, rng.pick(['Facebook', 'TikTok', 'Instagram'])));
    if (rng.chance(0.5))
      person.accounts.push(
        makeUserAccount(ctx, person, rng.pick(['WhatsApp', 'Telegram', 'Viber']), person.phones[0]),
      );
    if (IBAN_COUNTRIES.includes(base.country) && rng.chance(0.4))
      person.bankAccounts.push(makeBankAccount(ctx, base.country, person.id));
    members.push({
      person,
      group: id,
      role,
      since: dateBetween(rng, addDays(start, -700), start),
      bridge: false,
      carriedIn: false,
    });
  }
  for (const c of carryIn) members.push({ ...c, group: id, since: start, bridge: true, carriedIn: true });

  const organiser = members[0];
  if (!organiser) throw new Error('a group needs members');
  const links: WLink[] = [];
  const kin = members.filter(
    (m) => m !== organiser && m.person.origin === organiser.person.origin && !m.bridge,
  );
  for (const k of rng.sample(kin, rng.int(1, 2))) {
    k.person.name.family = organiser.person.name.family;
    if (organiser.person.name.system === 'patronymic') k.person.name.middle = organiser.person.name.middle;
    const relationship = k.person.gender === 'female' ? 'sister' : rng.pick(['brother', 'cousin', 'nephew']);
    links.push({ id: ids.next('L'), schema: 'Family', a: organiser.person, b: k.person, relationship });
  }
  for (const m of members.slice(1)) {
    if (rng.chance(0.6)) {
      const other = rng.chance(0.5) ? organiser : rng.pick(members);
      if (other !== m) {
        const relationship = rng.pick(['associate', 'business partner', 'friend', 'works for']);
        links.push({ id: ids.next('L'), schema: 'Associate', a: m.person, b: other.person, relationship });
      }
    }
    if (rng.chance(0.3)) {
      const other = rng.pick(members);
      if (other !== m)
        links.push({
          id: ids.next('L'),
          schema: 'UnknownLink',
          a: m.person,
          b: other.person,
          relationship: 'phone contact',
        });
    }
  }

  const dest = place(corridor.safeHouses[corridor.safeHouses.length - 1] ?? 'rome');
  const safeHouses = corridor.safeHouses.map((p) => makeAddress(ctx, place(p), 'safe-house'));
  for (const p of corridor.safeHouses.slice(-2)) safeHouses.push(makeAddress(ctx, place(p), 'workplace'));
  const frontCountry = FRONTS[corridor.destination] ? corridor.destination : 'it';
  const front = {
    id: ids.next('C'),
    name: rng.pick(FRONTS[frontCountry] ?? []),
    country: frontCountry,
    address: makeAddress(ctx, dest, 'workplace'),
    employees: members.filter((m) => m.role === 'driver' || (m.role === 'controller' && rng.chance(0.5))),
  };

  const sharedPhones = [0, 1, 2].map(() => makeMobile(rng, place(rng.pick(corridor.safeHouses)).country));
  for (const m of members) {
    if (m.role === 'recruiter' && sharedPhones[0]) m.person.phones.push(sharedPhones[0]);
    if (m.role === 'controller' && sharedPhones[1]) m.person.phones.push(sharedPhones[1]);
    if (m.role === 'organiser' && sharedPhones[2]) m.person.phones.push(sharedPhones[2]);
  }

  const roadCountries = [
    ...new Set(corridor.legs.filter((l) => l.mode === 'road').map((l) => place(l.from).country)),
  ].filter((c) => PLATE_COUNTRIES.includes(c));
  const drivers = members.filter((m) => m.role === 'driver' || m.role === 'transporter');
  const vehicles: WVehicle[] = [];
  for (let i = 0; i < Math.min(8, 2 + Math.round(memberCount / 8)); i++) {
    const c = rng.pick(roadCountries.length > 0 ? roadCountries : ['it']);
    const kind =
      c === 'ly' || c === 'sd' || c === 'ne'
        ? 'pickup'
        : c === 'pl' || c === 'fr'
          ? 'lorry'
          : rng.pick(['van', 'van', 'car'] as const);
    const owner = rng.chance(0.3) ? front.id : drivers.length > 0 ? rng.pick(drivers).person.id : undefined;
    vehicles.push({
      id: ids.next('V'),
      kind,
      plate: makePlate(rng, c),
      country: c,
      model: rng.pick(VEHICLE_MODELS[kind]),
      owner,
    });
  }

  const vessels: WVessel[] = [];
  const large = corridor.seaCraft.filter((k) => k === 'fishing' || k === 'cargo' || k === 'yacht');
  if (large.length > 0 && rng.chance(0.75)) {
    const kind = rng.pick(large);
    const flag = rng.pick(
      kind === 'fishing'
        ? ['ly', 'tg', 'sl', 'tr']
        : kind === 'cargo'
          ? ['sl', 'tg', 'mt']
          : ['tr', 'gr', 'it', 'mt'],
    );
    vessels.push({
      id: ids.next('S'),
      kind,
      name: rng.pick(VESSEL_NAMES[kind]),
      imo: kind === 'yacht' ? undefined : makeImo(rng),
      mmsi: makeMmsi(rng, flag),
      flag,
      stolen: rng.chance(0.25) ? dateBetween(rng, addDays(start, -400), start) : undefined,
    });
  }

  const handlers = members.filter(
    (m) => m.role === 'money-handler' || m.role === 'hawala-broker' || m.role === 'organiser',
  );
  const collectorCountries = corridor.collectorCountries.filter((c) => IBAN_COUNTRIES.includes(c));
  const collectors = [0, 1, 2].slice(0, rng.int(2, 3)).map(() => {
    const holder = rng.pick(handlers).person;
    const account = makeBankAccount(ctx, rng.pick(collectorCountries), holder.id);
    holder.bankAccounts.push(account);
    return account;
  });

  const brokerRoles: readonly Role[] = ['forger', 'hawala-broker', 'money-handler', 'transporter'];
  const carryOut = members
    .filter((m) => carryOn && !m.bridge && brokerRoles.includes(m.role) && rng.chance(0.2))
    .slice(0, 2);
  for (const m of carryOut) m.bridge = true;

  const group: WGroup = {
    id,
    index,
    corridor,
    start,
    end,
    members,
    links,
    front,
    safeHouses,
    sharedPhones,
    vehicles,
    vessels,
    collectors,
    migrants: [],
    trips: [],
    payments: [],
    events: [],
    strayDocuments: [],
  };
  return { group, carryOut };
};
