import type { WDocument } from '../world/types.js';
import { ag, documentRecord, personRecord, vesselRecord, type ObserveCtx } from './common.js';

/** Documents created with this group's people (carried-in brokers' were listed with their first group). */
export const groupDocuments = (o: ObserveCtx): WDocument[] => {
  const g = o.group;
  const people = [
    ...g.members.filter((m) => !m.carriedIn).map((m) => m.person),
    ...g.migrants.map((m) => m.person),
    ...g.migrants.flatMap((m) => (m.relative ? [m.relative] : [])),
  ];
  return [...people.flatMap((p) => p.documents), ...g.strayDocuments];
};

/** The international body: stolen and lost travel documents, wanted persons, stolen vessels. */
export const observeReferenceLists = (o: ObserveCtx): void => {
  const a = ag('intl-ref');
  const { rng, group: g } = o;
  for (const d of groupDocuments(o)) {
    if ((d.status !== 'stolen' && d.status !== 'lost') || d.reported === undefined) continue;
    const status = d.status === 'stolen' ? (d.holder ? 'STOLEN' : 'STOLEN BLANK') : 'LOST';
    documentRecord(o, a, d, undefined, d.reported, status, { status, date: d.reported });
  }
  for (const m of g.members) {
    if (m.carriedIn || !rng.chance(m.role === 'organiser' ? 0.35 : 0.05)) continue;
    const requester = rng.chance(0.5) ? g.corridor.destination : m.person.nationality;
    personRecord(o, a, m.person, {
      date: g.end,
      role: 'WANTED',
      topics: ['wanted', 'crime.traffick.human'],
      docs: true,
      notes: 'Wanted for prosecution: trafficking in human beings, migrant smuggling',
      extra: { requester },
    });
  }
  for (const v of g.vessels) if (v.stolen) vesselRecord(o, a, v, v.stolen, { date: v.stolen });
};
