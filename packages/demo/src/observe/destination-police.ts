import type { Agency, AgencyId } from '../agencies/agencies.js';
import { formatPhone } from '../noise/noise.js';
import { addDays, dateBetween } from '../world/dates.js';
import type { WEvent, WMember } from '../world/types.js';
import {
  ag,
  addressRecord,
  documentRecord,
  mark,
  personRecord,
  placeRecord,
  userAccountRecord,
  vehicleRecord,
  type ObserveCtx,
} from './common.js';
import { memberRole, messageLanguage, roleLabel } from './labels.js';

const DESTINATION_POLICE: Readonly<Record<string, AgencyId>> = { it: 'it-ps', de: 'de-bka', gb: 'uk-nca' };

const OPERATIONS = [
  'Scirocco',
  'Deserto',
  'Kestrel',
  'Lampara',
  'Nordwind',
  'Adriatico',
  'Harbour',
  'Tethys',
  'Meltemi',
  'Aurora',
  'Ghibli',
  'Sahel',
];

const ARREST_WORD: Readonly<Record<string, string>> = {
  'it-ps': 'Arresto',
  'de-bka': 'Festnahme',
  'uk-nca': 'Arrest',
  'gr-hp': 'Σύλληψη',
  'al-asp': 'Arrestim',
  'ng-npf': 'Arrest',
};
const SEARCH_WORD: Readonly<Record<string, string>> = {
  'it-ps': 'Perquisizione',
  'de-bka': 'Durchsuchung',
  'uk-nca': 'Search warrant',
  'gr-hp': 'Έρευνα',
};

/** The members an investigation identifies, recorded with their group, documents, accounts, links and calls. */
const investigateMembers = (
  o: ObserveCtx,
  a: Agency,
  seen: readonly WMember[],
  date: string,
): Map<string, string> => {
  const { em, rng, group: g } = o;
  const ids = new Map<string, string>();
  const org = em.emit(
    a,
    'Organization',
    'o',
    g.id,
    {
      name: `Op. ${rng.pick(OPERATIONS)} ${g.index + 1} – ${g.corridor.name.split(' → ')[0] ?? ''} network`,
      topics: 'crime.traffick.human',
      country: g.corridor.destination,
    },
    mark(o, a, date),
  );
  for (const m of seen) {
    const id = personRecord(o, a, m.person, {
      date,
      role: roleLabel(a.id, m.role),
      topics: ['crime.traffick.human'],
      phones: m.person.phones,
      docs: rng.chance(0.6),
      birthPlace: true,
      notes: m.bridge ? 'Also active for another network' : undefined,
    });
    ids.set(m.person.id, id);
    em.emit(
      a,
      'Membership',
      'l',
      `${m.person.id}~${g.id}`,
      { member: id, organization: org, role: memberRole(a.id, m.role), startDate: m.since },
      mark(o, a, date),
    );
    for (const d of m.person.documents) if (rng.chance(0.4)) documentRecord(o, a, d, id, date);
    for (const u of m.person.accounts) if (rng.chance(0.6)) userAccountRecord(o, a, u, id, date);
  }
  for (const l of g.links) {
    const x = ids.get(l.a.id);
    const y = ids.get(l.b.id);
    if (!x || !y || !rng.chance(0.8)) continue;
    if (l.schema === 'Associate')
      em.emit(
        a,
        'Associate',
        'l',
        l.id,
        { person: x, associate: y, relationship: l.relationship },
        mark(o, a, date),
      );
    else if (l.schema === 'Family')
      em.emit(
        a,
        'Family',
        'l',
        l.id,
        { person: x, relative: y, relationship: l.relationship },
        mark(o, a, date),
      );
    else
      em.emit(a, 'UnknownLink', 'l', l.id, { subject: x, object: y, role: l.relationship }, mark(o, a, date));
  }
  if (g.front.country === a.country || a.kind !== 'police') {
    const employees = g.front.employees.filter((m) => ids.has(m.person.id));
    if (employees.length > 0) {
      const front = em.emit(
        a,
        'Organization',
        'o',
        g.front.id,
        { name: g.front.name, country: g.front.country, addressEntity: addressRecord(o, a, g.front.address) },
        mark(o, a, date),
      );
      for (const m of employees) {
        em.emit(
          a,
          'Employment',
          'l',
          `${m.person.id}~${g.front.id}`,
          {
            employee: ids.get(m.person.id),
            employer: front,
            role: m.role === 'driver' ? 'driver' : 'manager',
          },
          mark(o, a, date),
        );
      }
    }
  }
  // Phone analysis: call records between the members' phones.
  const phones = seen.flatMap((m) => m.person.phones.map((p) => ({ m, p })));
  for (const { m, p } of phones) {
    for (let i = rng.int(5, 20); i > 0 && phones.length > 1; i--) {
      const to = rng.pick(phones);
      if (to.p === p) continue;
      const day = dateBetween(rng, g.start, g.end);
      em.emit(
        a,
        'Call',
        'k',
        '',
        {
          caller: ids.get(m.person.id),
          callerNumber: formatPhone(o.nz, p),
          receiver: ids.get(to.m.person.id),
          receiverNumber: formatPhone(o.nz, to.p),
          date: day,
          duration: String(rng.int(5, 900)),
        },
        mark(o, a, day),
      );
    }
  }
  return ids;
};

/** Recruitment traffic: calls and messages from recruiters' phones and accounts to the migrants they recruited. */
const recruitTraffic = (o: ObserveCtx, a: Agency, ids: Map<string, string>, date: string): void => {
  const { em, rng, group: g } = o;
  for (const mig of g.migrants) {
    const caller = ids.get(mig.recruiter.person.id);
    if (!caller || !rng.chance(0.7)) continue;
    const to = mig.person.phones[0];
    if (!to) continue;
    for (let i = rng.int(1, 3); i > 0; i--) {
      const day = addDays(mig.recruited, -rng.int(0, 40));
      em.emit(
        a,
        'Call',
        'k',
        '',
        {
          caller,
          callerNumber: formatPhone(o.nz, mig.recruitPhone),
          receiverNumber: formatPhone(o.nz, to),
          date: day,
          duration: String(rng.int(20, 600)),
        },
        mark(o, a, day),
      );
    }
    const victimAccount = mig.person.accounts[0];
    if (mig.recruitAccount && victimAccount && rng.chance(0.6)) {
      const from = userAccountRecord(o, a, mig.recruitAccount, caller, date);
      const toAcc = userAccountRecord(o, a, victimAccount, undefined, date);
      em.emit(
        a,
        'Message',
        'x',
        '',
        {
          sender: caller,
          senderAccount: from,
          recipientAccount: toAcc,
          date: mig.recruited,
          bodyText: rng.pick(messageLanguage(mig.recruiter.person.origin)),
        },
        mark(o, a, mig.recruited),
      );
    }
  }
};

const eventRecord = (
  o: ObserveCtx,
  a: Agency,
  e: WEvent,
  name: string,
  involved: string[],
  extra: Record<string, string>,
): string =>
  o.em.emit(
    a,
    'Event',
    'e',
    e.id,
    {
      name,
      date: e.date,
      country: e.place.country,
      location: e.place.cityForms[0],
      addressEntity: e.address ? addressRecord(o, a, e.address) : placeRecord(o, a, e.place),
      involved: involved.slice(0, 60),
    },
    mark(o, a, e.date),
    extra,
  );

/** The destination country's police: investigations of the group, arrests, searches of exploitation sites, identification on arrival. */
export const observeDestinationPolice = (o: ObserveCtx): void => {
  const { rng, group: g } = o;
  const id = DESTINATION_POLICE[g.corridor.destination];
  if (!id) return;
  const a = ag(id);
  const investigated = rng.chance(0.7);
  const date = dateBetween(rng, g.start, g.end);
  const seen = investigated ? g.members.filter((m) => rng.chance(m.role === 'organiser' ? 0.9 : 0.7)) : [];
  const ids = investigated ? investigateMembers(o, a, seen, date) : new Map<string, string>();
  if (investigated) {
    recruitTraffic(o, a, ids, date);
    for (const v of g.vehicles) if (rng.chance(0.5)) vehicleRecord(o, a, v, date);
  }
  for (const e of g.events) {
    if (e.place.country !== a.country) continue;
    if (e.kind === 'arrest' && (investigated || rng.chance(0.3))) {
      const who = e.involved.map((p) =>
        personRecord(o, a, p, {
          date: e.date,
          role: roleLabel(a.id, 'suspect'),
          topics: ['crime.traffick.human'],
          phones: p.phones,
          docs: true,
        }),
      );
      eventRecord(o, a, e, `${ARREST_WORD[id] ?? 'Arrest'} – ${e.place.cityForms[0] ?? ''}`, who, {
        type: 'ARRESTO',
      });
    } else if (e.kind === 'search' && (investigated || rng.chance(0.3))) {
      const bosses = new Set(g.migrants.flatMap((m) => (m.controller ? [m.controller.person.id] : [])));
      const who = e.involved.map((p) =>
        personRecord(
          o,
          a,
          p,
          bosses.has(p.id)
            ? { date: e.date, role: roleLabel(a.id, 'controller'), phones: p.phones, address: e.address }
            : {
                date: e.date,
                role: roleLabel(a.id, 'victim'),
                victim: true,
                address: e.address,
                docs: false,
              },
        ),
      );
      eventRecord(o, a, e, `${SEARCH_WORD[id] ?? 'Search'} – ${e.address?.street.split('/')[0] ?? ''}`, who, {
        type: 'PERQUISIZIONE',
      });
      for (const d of e.seized) {
        const holder = d.holder ? o.em.recordOf(a.id, d.holder) : undefined;
        const doc = documentRecord(o, a, d, holder, e.date, 'Seized at the address, held by a third person');
        const boss = g.migrants.find((m) => m.person.id === d.holder)?.docsHeldBy;
        const bossId = boss ? o.em.recordOf(a.id, boss.person.id) : undefined;
        if (bossId)
          o.em.emit(
            a,
            'UnknownLink',
            'l',
            `${boss?.person.id ?? ''}~${d.id}`,
            { subject: bossId, object: doc, role: 'found in possession of' },
            mark(o, a, e.date),
          );
      }
    } else if ((e.kind === 'rescue' || e.kind === 'interception') && id === 'it-ps') {
      // Identification on disembarkation: every person landed is photographed and fingerprinted.
      const who = e.involved
        .filter(() => rng.chance(0.85))
        .map((p) =>
          personRecord(o, a, p, {
            date: e.date,
            role: roleLabel(a.id, p.kind === 'member' ? 'boat-pilot' : 'migrant'),
            docs: rng.chance(0.3),
          }),
        );
      eventRecord(
        o,
        a,
        e,
        `Sbarco ${e.place.cityForms[0] ?? ''} – ${String(e.involved.length)} persone`,
        who,
        { type: 'SBARCO' },
      );
    }
  }
  for (const m of g.migrants) {
    if (
      m.exploitation &&
      m.workplace?.place.country === a.country &&
      !o.em.recordOf(a.id, m.person.id) &&
      rng.chance(0.25)
    ) {
      personRecord(o, a, m.person, {
        date: dateBetween(rng, g.start, g.end),
        role: roleLabel(a.id, 'victim'),
        victim: true,
        address: m.workplace,
      });
    }
  }
};
