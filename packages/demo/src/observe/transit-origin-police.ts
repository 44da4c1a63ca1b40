import { place } from '../data/routes.js';
import { dateBetween } from '../world/dates.js';
import type { AgencyId } from '../agencies/agencies.js';
import type { WMigrant } from '../world/types.js';
import { ag, addressRecord, caseOf, mark, personRecord, vehicleRecord, type ObserveCtx } from './common.js';
import { roleLabel } from './labels.js';

/** Greek police: registration on arrival in the islands, detections on the roads north, drivers arrested. */
export const observeTransitPolice = (o: ObserveCtx): void => {
  const { rng, group: g } = o;
  if (g.corridor.id !== 'eastern-med-balkans') return;
  const a = ag('gr-hp');
  for (const t of g.trips) {
    const to = place(t.leg.to);
    if (to.country !== 'gr' || !rng.chance(t.leg.mode === 'sea' ? 0.5 : 0.15)) continue;
    const who = t.passengers
      .filter(() => rng.chance(0.8))
      .map((p) =>
        personRecord(o, a, p, { date: t.date, role: roleLabel(a.id, 'migrant'), docs: rng.chance(0.5) }),
      );
    for (const c of t.crew)
      who.push(
        personRecord(o, a, c.person, {
          date: t.date,
          role: roleLabel(a.id, c.role),
          phones: c.person.phones,
          docs: true,
        }),
      );
    if (t.vehicle) vehicleRecord(o, a, t.vehicle, t.date);
    o.em.emit(
      a,
      'Event',
      'e',
      `E-${t.id}`,
      {
        name:
          t.leg.mode === 'sea'
            ? `Καταγραφή αφίξεων ${to.cityForms[0] ?? ''}`
            : `Έλεγχος οχήματος ${to.cityForms[0] ?? ''}`,
        date: t.date,
        country: 'gr',
        location: t.leg.crossing ?? to.cityForms[2] ?? to.cityForms[0],
        involved: who.slice(0, 60),
      },
      mark(o, a, t.date),
    );
  }
  for (const w of g.safeHouses) if (w.place.country === 'gr' && rng.chance(0.4)) addressRecord(o, a, w);
  caseOf(o, a);
};

/** Origin-country police (Nigeria, Albania): recruiters, missing-person reports filed by families. */
export const observeOriginPolice = (o: ObserveCtx): void => {
  const { rng, group: g } = o;
  const id: AgencyId | undefined =
    g.corridor.id === 'nigeria-central-med'
      ? 'ng-npf'
      : g.corridor.id === 'albania-uk'
        ? 'al-asp'
        : undefined;
  if (!id) return;
  const a = ag(id);
  if (rng.chance(0.5)) {
    for (const m of g.members) {
      if (
        (m.role === 'recruiter' || m.role === 'organiser') &&
        m.person.origin === a.country &&
        rng.chance(0.6)
      ) {
        personRecord(o, a, m.person, {
          date: dateBetween(rng, g.start, g.end),
          role: roleLabel(a.id, m.role),
          phones: m.person.phones,
          docs: true,
          birthPlace: true,
        });
      }
    }
  }
  for (const e of g.events) {
    if (e.kind !== 'missing-report') continue;
    const victim = e.involved[0];
    if (!victim) continue;
    const mig = g.migrants.find((m: WMigrant) => m.person === victim);
    const vid = personRecord(o, a, victim, {
      date: e.date,
      role: roleLabel(a.id, 'missing'),
      victim: true,
      docs: true,
      birthPlace: true,
      notes: `Reported missing by family; last contact ${mig?.recruited ?? e.date}`,
    });
    if (mig?.relative) {
      const rid = personRecord(o, a, mig.relative, {
        date: e.date,
        role: roleLabel(a.id, 'relative'),
        phones: mig.relative.phones,
      });
      o.em.emit(
        a,
        'Family',
        'l',
        `${mig.relative.id}~${victim.id}`,
        { person: rid, relative: vid, relationship: 'parent' },
        mark(o, a, e.date),
      );
    }
  }
};
