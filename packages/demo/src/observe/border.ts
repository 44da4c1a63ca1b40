import { place } from '../data/routes.js';
import { formatPhone } from '../noise/noise.js';
import type { WDocument, WEvent, WPerson } from '../world/types.js';
import {
  ag,
  craftName,
  documentRecord,
  mark,
  personRecord,
  placeRecord,
  vehicleRecord,
  vesselRecord,
  type ObserveCtx,
} from './common.js';
import { roleLabel } from './labels.js';

const EXTERNAL_BORDER = new Set(['hu', 'pl', 'gb', 'fr', 'at', 'it', 'gr']);

const docNote = (d: WDocument): string | undefined =>
  d.status === 'forged'
    ? 'FORGED – substituted biodata page'
    : d.status === 'lost'
      ? 'Hit: reported lost'
      : d.status === 'stolen'
        ? 'Hit: reported stolen'
        : undefined;

/** The border agency's screening of one person: claimed identity, documents presented. */
const screen = (o: ObserveCtx, p: WPerson, date: string, incident: string, role: string): string => {
  const a = ag('eu-bcg');
  const { rng, nz, group: g } = o;
  const origins = g.corridor.origins.map((x) => x.country);
  const claimed = p.kind === 'migrant' && nz.rng.chance(nz.level * 0.15) ? nz.rng.pick(origins) : undefined;
  const id = personRecord(o, a, p, {
    date,
    role,
    docs: true,
    claimed,
    phones: p.kind === 'member' ? p.phones : p.phones.slice(0, 1),
    extra: { incident },
  });
  for (const d of p.documents) {
    const detected = d.status !== 'forged' || rng.chance(0.7);
    if (rng.chance(0.8)) documentRecord(o, a, d, id, date, detected ? docNote(d) : undefined);
  }
  return id;
};

/** A recruiter as migrants describe them in debriefing: a nickname and a phone number. */
const debriefed = (o: ObserveCtx, e: WEvent): void => {
  const a = ag('eu-bcg');
  const passenger = o.rng.pick(e.involved);
  const mig = o.group.migrants.find((m) => m.person === passenger);
  if (!mig) return;
  const r = mig.recruiter.person;
  const name = r.name.nick ?? r.name.given.forms[0] ?? 'unknown';
  o.em.emit(
    a,
    'Person',
    'p',
    r.id,
    {
      name,
      alias: r.name.nick ? r.name.given.forms[0] : undefined,
      phone: formatPhone(o.nz, mig.recruitPhone),
      notes: 'Described by migrants in debriefing as the person who organised the journey',
    },
    mark(o, a, e.date),
    { role: roleLabel(a.id, 'recruiter'), incident: e.id },
  );
};

/** The border agency: sea interceptions and rescues, land detections at the external border, air arrivals. */
export const observeBorder = (o: ObserveCtx): void => {
  const a = ag('eu-bcg');
  const { rng, em, group: g } = o;
  for (const e of g.events) {
    const t = e.trip;
    if (!t) continue;
    const atSea = e.kind === 'rescue' || e.kind === 'interception';
    if (!atSea && !(e.kind === 'detection' && EXTERNAL_BORDER.has(e.place.country))) continue;
    const incident = `${a.abbr.toUpperCase()}-${e.id.slice(1)}`;
    const craft = t.vessel
      ? vesselRecord(o, a, t.vessel, e.date)
      : t.vehicle
        ? vehicleRecord(o, a, t.vehicle, e.date)
        : undefined;
    const who: string[] = [];
    for (const c of t.crew)
      if (rng.chance(0.8)) who.push(screen(o, c.person, e.date, incident, roleLabel(a.id, c.role)));
    for (const p of t.passengers)
      if (rng.chance(0.85)) who.push(screen(o, p, e.date, incident, roleLabel(a.id, 'migrant')));
    const from = place(t.leg.from);
    em.emit(
      a,
      'Trip',
      't',
      t.id,
      {
        name: `${from.cityForms[0] ?? ''} → ${e.place.cityForms[0] ?? ''}`,
        startDate: t.date,
        startLocation: placeRecord(o, a, from),
        endLocation: placeRecord(o, a, e.place),
        vehicle: craft,
        involved: who.slice(0, 60),
        description: t.leg.crossing ? `Border crossing: ${t.leg.crossing}` : undefined,
      },
      mark(o, a, e.date),
    );
    const kind = e.kind === 'rescue' ? 'SAR' : e.kind === 'interception' ? 'INTERCEPTION' : 'DETECTION';
    em.emit(
      a,
      'Event',
      'e',
      e.id,
      {
        name: `${kind} ${e.place.cityForms[0] ?? ''} – ${String(t.passengers.length)} persons`,
        date: e.date,
        country: e.place.country,
        location: atSea ? e.place.cityForms[0] : (t.leg.crossing ?? e.place.cityForms[0]),
        addressEntity: placeRecord(o, a, e.place),
        involved: who.slice(0, 60),
      },
      mark(o, a, e.date),
      {
        type: kind,
        craft: t.vessel ? craftName(t.vessel) : (t.vehicle?.model ?? ''),
        persons: String(t.passengers.length),
      },
    );
    if (rng.chance(0.3)) debriefed(o, e);
  }
  if (g.corridor.id === 'albania-uk') {
    // Air arrivals at the Schengen border: every Albanian traveller's passport is scanned.
    for (const m of g.migrants) {
      if (!m.person.documents.some((d) => d.kind === 'passport') || !rng.chance(0.9)) continue;
      screen(o, m.person, m.recruited, 'BRU-AIR', roleLabel(a.id, 'migrant'));
    }
  }
};
