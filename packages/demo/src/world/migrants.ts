import type { Exploitation } from '../data/routes.js';
import { place } from '../data/routes.js';
import { addDays, dateBetween } from './dates.js';
import { makeBankAccount, makeDocument, makePerson, makeUserAccount, type WorldCtx } from './people.js';
import type { WDocument, WGroup, WMember, WMigrant, WPerson, WTrip, WVessel } from './types.js';

const DEBT: Readonly<Record<string, [number, number]>> = {
  'horn-central-med': [3000, 8000],
  'nigeria-central-med': [20000, 50000],
  'eastern-med-balkans': [3000, 12000],
  'vietnam-uk': [10000, 40000],
  'albania-uk': [15000, 30000],
};
const CURRENCY: Readonly<Record<string, string>> = { gb: 'GBP', tr: 'TRY', al: 'ALL', ly: 'LYD' };
const EXPLOITATIONS: readonly Exploitation[] = ['labour', 'sexual', 'criminality'];
const FORGED_SHARE: Readonly<Record<string, number>> = {
  'eastern-med-balkans': 0.2,
  'vietnam-uk': 0.25,
  'albania-uk': 0.1,
};

const byRole = (g: WGroup, ...roles: WMember['role'][]): WMember[] =>
  g.members.filter((m) => roles.includes(m.role));

const makeMigrant = (
  ctx: WorldCtx,
  g: WGroup,
  batchDate: string,
  recruiters: WMember[],
): { m: WMigrant; start: string } => {
  const { rng } = ctx;
  const c = g.corridor;
  const origin = rng.weighted(
    c.origins,
    c.origins.map((o) => o.weight),
  );
  const exploitation = rng.chance(c.exploitedShare)
    ? rng.weighted(
        EXPLOITATIONS,
        EXPLOITATIONS.map((e) => c.exploitation[e]),
      )
    : undefined;
  const femaleShare =
    exploitation === 'sexual' ? 0.95 : exploitation === 'labour' ? 0.3 : exploitation ? 0.2 : 0.25;
  const person = makePerson(ctx, {
    origin: origin.country,
    kind: 'migrant',
    gender: rng.chance(femaleShare) ? 'female' : 'male',
    minAge: 15,
    maxAge: 42,
  });
  if (rng.chance(0.4))
    person.accounts.push(
      makeUserAccount(ctx, person, rng.pick(['WhatsApp', 'Facebook', 'Viber']), person.phones[0]),
    );
  const recruiter = rng.chance(0.5) ? (recruiters[0] ?? rng.pick(recruiters)) : rng.pick(recruiters);
  const phones = recruiter.person.phones;
  const recruitPhone = rng.chance(0.75) ? (phones[phones.length - 1] ?? '') : (phones[0] ?? '');
  const social = recruiter.person.accounts.find(
    (a) => a.service !== 'WhatsApp' && a.service !== 'Telegram' && a.service !== 'Viber',
  );
  const controllers = byRole(g, 'controller', 'enforcer');
  const workplaces = g.safeHouses.filter((a) => a.kind === 'workplace');
  const controller = exploitation && controllers.length > 0 ? rng.pick(controllers) : undefined;
  const [lo, hi] = DEBT[c.id] ?? [3000, 9000];
  const m: WMigrant = {
    person,
    recruiter,
    recruitPhone,
    recruitAccount: social && rng.chance(0.5) ? social : undefined,
    recruited: addDays(batchDate, -rng.int(20, 200)),
    exploitation,
    controller,
    workplace: exploitation ? rng.pick(workplaces) : undefined,
    docsHeldBy: controller && person.documents.length > 0 && rng.chance(0.6) ? controller : undefined,
    debt: Math.round(rng.int(lo, hi) / 100) * 100,
    relative: undefined,
  };
  if (rng.chance(exploitation ? 0.3 : 0.12)) {
    const livesIn = rng.chance(0.5) ? c.destination : origin.country;
    m.relative = makePerson(ctx, {
      origin: origin.country,
      kind: 'relative',
      gender: rng.chance(0.5) ? 'male' : 'female',
      minAge: 35,
      maxAge: 65,
      livesIn,
    });
    if (rng.chance(0.4))
      m.relative.bankAccounts.push(makeBankAccount(ctx, livesIn, m.relative.id, c.destination));
  }
  return { m, start: origin.start };
};

const forgeFor = (ctx: WorldCtx, g: WGroup, p: WPerson, date: string): void => {
  const { rng } = ctx;
  const country = rng.pick(['it', 'gr', 'de', 'gb', 'rs']);
  const stolen: WDocument = {
    ...makeDocument(ctx, 'passport', country, undefined, date),
    status: 'stolen',
    reported: addDays(date, -rng.int(30, 600)),
  };
  g.strayDocuments.push(stolen);
  p.documents.push({
    ...stolen,
    id: ctx.ids.next('D'),
    status: 'forged',
    holder: p.id,
    basedOn: stolen.id,
    reported: undefined,
  });
};

const sendTrips = (ctx: WorldCtx, g: WGroup, batch: WPerson[], date: string): WTrip[] => {
  const { rng, ids } = ctx;
  const c = g.corridor;
  const trips: WTrip[] = [];
  const drivers = byRole(g, 'driver', 'transporter');
  const pilots = byRole(g, 'boat-pilot');
  const roads = c.legs.filter((l) => l.mode === 'road');
  let day = date;
  for (const leg of c.legs) {
    day = addDays(day, rng.int(2, 20));
    if (leg.mode === 'sea') {
      const craft = rng.pick(c.seaCraft);
      const own = g.vessels.find((v) => v.kind === craft);
      let vessel: WVessel | undefined = own;
      let vehicle;
      if (craft === 'lorry-ferry')
        vehicle = g.vehicles.find((v) => v.kind === 'lorry') ?? rng.pick(g.vehicles);
      else if (!own)
        vessel = {
          id: ids.next('S'),
          kind: craft === 'small-boat' ? 'small-boat' : 'dinghy',
          name: undefined,
          imo: undefined,
          mmsi: undefined,
          flag: undefined,
          stolen: undefined,
        };
      const crew = craft === 'lorry-ferry' ? drivers : pilots.length > 0 ? pilots : drivers;
      trips.push({
        id: ids.next('T'),
        leg,
        date: day,
        vehicle,
        vessel,
        crew: crew.length > 0 ? [rng.pick(crew)] : [],
        passengers: batch,
      });
    } else if (leg.mode === 'road' && (roads.length < 3 || rng.chance(0.4))) {
      const local = g.vehicles.filter((v) => v.country === place(leg.from).country);
      const vehicle = rng.pick(local.length > 0 ? local : g.vehicles);
      trips.push({
        id: ids.next('T'),
        leg,
        date: day,
        vehicle,
        vessel: undefined,
        crew: drivers.length > 0 ? [rng.pick(drivers)] : [],
        passengers: batch,
      });
    }
  }
  return trips;
};

/** Recruit and move a group's migrants; add trips, payments, events, and the documents behind them. */
export const populateGroup = (ctx: WorldCtx, g: WGroup, migrantCount: number): void => {
  const { rng, ids } = ctx;
  const c = g.corridor;
  const recruiters = byRole(g, 'recruiter');
  let remaining = migrantCount;
  while (remaining > 0) {
    const size = Math.min(remaining, rng.int(8, 45));
    remaining -= size;
    const date = dateBetween(rng, addDays(g.start, 30), addDays(g.end, -30));
    const batch: WMigrant[] = [];
    for (let i = 0; i < size; i++) {
      const { m } = makeMigrant(ctx, g, date, recruiters.length > 0 ? recruiters : g.members);
      if (rng.chance(FORGED_SHARE[c.id] ?? 0.04)) forgeFor(ctx, g, m.person, date);
      const own = m.person.documents.find((d) => d.status === 'genuine' && d.kind === 'passport');
      if (own && rng.chance(0.06)) {
        own.status = 'lost';
        own.reported = addDays(date, rng.int(-60, 30));
      }
      batch.push(m);
    }
    g.migrants.push(...batch);
    const trips = sendTrips(
      ctx,
      g,
      batch.map((m) => m.person),
      date,
    );
    g.trips.push(...trips);
    for (const t of trips) {
      const atSea = t.leg.mode === 'sea';
      if (rng.chance(atSea ? 0.7 : 0.1)) {
        const kind = atSea ? (t.vessel?.kind === 'dinghy' ? 'rescue' : 'interception') : 'detection';
        g.events.push({
          id: ids.next('E'),
          kind,
          date: t.date,
          place: place(t.leg.to),
          address: undefined,
          trip: t,
          involved: [...t.crew.map((m) => m.person), ...t.passengers],
          seized: [],
        });
      }
    }
  }
  for (const m of g.members) {
    if (rng.chance(0.2)) {
      const where = place(rng.pick(c.safeHouses.slice(-3)));
      g.events.push({
        id: ids.next('E'),
        kind: 'arrest',
        date: dateBetween(rng, g.start, g.end),
        place: where,
        address: undefined,
        trip: undefined,
        involved: [m.person],
        seized: [],
      });
    }
  }
  for (const w of g.safeHouses.filter((a) => a.kind === 'workplace')) {
    const victims = g.migrants.filter((m) => m.workplace === w);
    if (victims.length === 0 || !rng.chance(0.6)) continue;
    const held = victims.filter((v) => v.docsHeldBy).flatMap((v) => v.person.documents);
    const bosses = [...new Set(victims.flatMap((v) => (v.controller ? [v.controller.person] : [])))];
    g.events.push({
      id: ids.next('E'),
      kind: 'search',
      date: addDays(g.end, -rng.int(0, 20)),
      place: w.place,
      address: w,
      trip: undefined,
      involved: [...bosses, ...victims.map((v) => v.person)],
      seized: held,
    });
  }
  for (const m of g.migrants) {
    if (m.exploitation && (c.id === 'nigeria-central-med' || c.id === 'albania-uk') && rng.chance(0.3)) {
      const home = place(c.origins[0]?.start ?? 'benin');
      g.events.push({
        id: ids.next('E'),
        kind: 'missing-report',
        date: addDays(m.recruited, rng.int(60, 400)),
        place: home,
        address: m.person.home,
        trip: undefined,
        involved: [m.person],
        seized: [],
      });
    }
    const payments = m.exploitation ? rng.int(2, 8) : m.relative ? 1 : 0;
    for (let i = 0; i < payments; i++) {
      const account = rng.pick(g.collectors);
      const holder = g.members.find((x) => x.person.id === account.holder)?.person;
      if (!holder) continue;
      const payer = m.relative && (!m.exploitation || rng.chance(0.4)) ? m.relative : m.person;
      const payerAccount = payer.bankAccounts[0];
      const hawala = !m.exploitation && rng.chance(0.5) ? byRole(g, 'hawala-broker')[0] : undefined;
      g.payments.push({
        id: ids.next('M'),
        date: addDays(m.recruited, rng.int(120, 500)),
        amount: Math.round(m.debt / payments / 10) * 10 + rng.int(0, 9) * 10,
        currency: CURRENCY[account.country] ?? 'EUR',
        channel: hawala ? 'HAWALA' : payerAccount ? 'SEPA' : 'MTO',
        payer,
        payerAccount: hawala ? undefined : payerAccount,
        beneficiary: hawala ? hawala.person : holder,
        beneficiaryAccount: hawala ? undefined : account,
        purpose: rng.pick(
          m.exploitation
            ? ['family support', 'rent', 'loan repayment', 'gift']
            : ['travel', 'family support', 'gift'],
        ),
      });
    }
  }
  for (const broker of byRole(g, 'hawala-broker')) {
    for (let i = rng.int(1, 3); i > 0; i--) {
      const account = rng.pick(g.collectors);
      const from = broker.person.bankAccounts[0] ?? makeBankAccount(ctx, account.country, broker.person.id);
      if (!broker.person.bankAccounts.includes(from)) broker.person.bankAccounts.push(from);
      const holder = g.members.find((x) => x.person.id === account.holder)?.person ?? broker.person;
      g.payments.push({
        id: ids.next('M'),
        date: dateBetween(rng, g.start, g.end),
        amount: rng.int(20, 90) * 1000,
        currency: CURRENCY[account.country] ?? 'EUR',
        channel: 'SEPA',
        payer: broker.person,
        payerAccount: from,
        beneficiary: holder,
        beneficiaryAccount: account,
        purpose: 'trade settlement',
      });
    }
  }
  for (let i = rng.int(2, 6); i > 0; i--) {
    const d = makeDocument(
      ctx,
      rng.chance(0.7) ? 'passport' : 'idcard',
      rng.pick(['it', 'gr', 'de', 'gb', 'al', 'ng', 'tr', 'vn']),
      undefined,
      g.start,
    );
    g.strayDocuments.push({
      ...d,
      status: rng.chance(0.6) ? 'stolen' : 'lost',
      reported: dateBetween(rng, addDays(g.start, -700), g.end),
    });
  }
  for (const m of g.members) {
    if (m.carriedIn) continue;
    const own = m.person.documents.find((d) => d.status === 'genuine');
    if (own && rng.chance(0.04)) {
      own.status = 'stolen';
      own.reported = dateBetween(rng, g.start, g.end);
    }
  }
};
