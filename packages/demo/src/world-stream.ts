import { PLACES } from './data/routes.js';
import { observeBorder } from './observe/border.js';
import type { ObserveCtx } from './observe/common.js';
import { Emitter, type WorldRecord } from './observe/emitter.js';
import { observeFiu, observeNgo } from './observe/money-and-casework.js';
import { observeDestinationPolice } from './observe/destination-police.js';
import { observeOriginPolice, observeTransitPolice } from './observe/transit-origin-police.js';
import { groupDocuments, observeReferenceLists } from './observe/reference-lists.js';
import { resolveWorldOptions, type WorldOptions } from './options.js';
import { Rng, seedFrom } from './prng.js';
import { writeGroupTruth } from './truth/truth-rows.js';
import { buildGroup } from './world/groups.js';
import { populateGroup } from './world/migrants.js';
import { ClusterIds } from './world/people.js';
import type { WMember } from './world/types.js';

/** Share of a group's people who are members (the rest are migrants). */
const MEMBER_SHARE = 0.14;

/**
 * The world as a stream of records, group by group, with no I/O: FtM entities per agency, native rows,
 * truth rows, and a progress record after each group. Each group draws from its own seeded streams
 * (structure, observation, noise), so memory stays flat and the noise level never changes who exists.
 */
export function* worldRecords(options: WorldOptions): Generator<WorldRecord, void, undefined> {
  const o = resolveWorldOptions(options);
  const ids = new ClusterIds();
  const em = new Emitter();
  for (const p of PLACES.values())
    em.truth('things', [`PL-${p.id}`, 'place', `${p.cityForms[0] ?? ''} (${p.country})`, '', '']);
  yield* em.out;
  em.out = [];
  let carry: WMember[] = [];
  let people = 0;
  const base = Math.floor(o.people / o.groups);
  for (let gi = 0; gi < o.groups; gi++) {
    const size = base + (gi < o.people % o.groups ? 1 : 0);
    const members = Math.max(5, Math.min(80, Math.round(size * MEMBER_SHARE)));
    const ctx = { rng: new Rng(seedFrom(o.seed, 'world', gi)), ids };
    const { group, carryOut } = buildGroup(ctx, gi, members, carry, gi + 1 < o.groups);
    populateGroup(ctx, group, size - members);
    carry = carryOut;
    em.newGroup();
    const oc: ObserveCtx = {
      em,
      rng: new Rng(seedFrom(o.seed, 'observe', gi)),
      nz: { rng: new Rng(seedFrom(o.seed, 'noise', gi)), level: o.noise },
      group,
      cases: new Map(),
    };
    observeDestinationPolice(oc);
    observeTransitPolice(oc);
    observeOriginPolice(oc);
    observeBorder(oc);
    observeFiu(oc);
    observeNgo(oc);
    observeReferenceLists(oc);
    writeGroupTruth(em, group, groupDocuments(oc));
    people += size;
    yield* em.out;
    em.out = [];
    yield { type: 'progress', groupsDone: gi + 1, groupsTotal: o.groups, people };
  }
}
