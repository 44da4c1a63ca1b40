import { type CsrGraph, EdgeType, NodeType } from './csr.js';

/**
 * The FollowTheMoney `keywords` value that marks a Person record as a (presumed) victim of
 * trafficking or exploitation. FtM's topic list has no victim role (`role.*` covers PEPs, lawyers,
 * spies…, and `crime.traffick.human` marks involvement, i.e. suspects), and topics outside the list
 * are rejected on import, so Clew reads this keyword instead; matched case-insensitively.
 */
export const VICTIM_KEYWORD = 'victim';

/** The trafficking indicators the pattern queries name in their matches. */
export type PatternIndicator =
  | 'phone-linked-to-many-victims'
  | 'account-linked-to-many-victims'
  | 'many-victims-at-address'
  | 'vehicle-on-many-trips'
  | 'vessel-on-many-trips'
  | 'broker-between-communities';

/** One match of an indicator: the node it is about and the evidence. */
export interface PatternMatch {
  indicator: PatternIndicator;
  node: number;
  /** Victims linked, trips made, or communities bridged. */
  count: number;
  /** Ranking within the indicator: the count, or for brokers the participation coefficient. */
  score: number;
  /** The victims, or the trips' far ends, or the community ids — per indicator. */
  related: Int32Array;
  /** Edges that show it (one per victim or community; every trip), by id. */
  edges: Int32Array;
}

const byCount = (a: PatternMatch, b: PatternMatch): number =>
  b.count - a.count || b.score - a.score || a.node - b.node;

/** The indicator a hub of each kind raises when linked to many victims. */
const HUB_INDICATOR = new Map<number, PatternIndicator>([
  [NodeType.phone, 'phone-linked-to-many-victims'],
  [NodeType.account, 'account-linked-to-many-victims'],
  [NodeType.address, 'many-victims-at-address'],
]);

/** Options of `victimHubs`. */
export interface VictimHubOptions {
  /** Fewest distinct victims for a match (default 3). */
  minVictims?: number;
  /** Hub kinds to look at, among phone, account and address (default: all three). */
  nodeTypes?: readonly NodeType[];
  /** Edge kinds that count as a link (default: all). */
  edgeTypes?: readonly EdgeType[];
}

/**
 * Phones, accounts and addresses linked directly to at least `minVictims` distinct victims
 * (`isVictim[v] === 1`), named per kind: one phone or account linked to many victims, many victims at
 * one address. O(n + m).
 */
export const victimHubs = (
  g: CsrGraph,
  isVictim: Uint8Array,
  options: VictimHubOptions = {},
): PatternMatch[] => {
  const min = options.minVictims ?? 3;
  const kinds = new Set<number>(options.nodeTypes ?? [NodeType.phone, NodeType.account, NodeType.address]);
  const edgeOk = options.edgeTypes ? new Set<number>(options.edgeTypes) : null;
  const seen = new Int32Array(g.nodeCount).fill(-1);
  const matches: PatternMatch[] = [];
  for (let hub = 0; hub < g.nodeCount; hub++) {
    const indicator = HUB_INDICATOR.get(g.nodeType[hub] ?? 0);
    if (indicator === undefined || !kinds.has(g.nodeType[hub] ?? 0)) continue;
    const victims: number[] = [];
    const edges: number[] = [];
    const scan = (offsets: Int32Array, neighbours: Int32Array, edgeIds: Int32Array): void => {
      for (let j = offsets[hub] ?? 0, end = offsets[hub + 1] ?? 0; j < end; j++) {
        const v = neighbours[j] ?? 0;
        const e = edgeIds[j] ?? 0;
        if (isVictim[v] !== 1 || seen[v] === hub || (edgeOk !== null && !edgeOk.has(g.edgeType[e] ?? 0)))
          continue;
        seen[v] = hub;
        victims.push(v);
        edges.push(e);
      }
    };
    scan(g.outOffsets, g.outNeighbours, g.outEdges);
    if (g.hasDirected) scan(g.inOffsets, g.inNeighbours, g.inEdges);
    if (victims.length >= min) {
      matches.push({
        indicator,
        node: hub,
        count: victims.length,
        score: victims.length,
        related: Int32Array.from(victims),
        edges: Int32Array.from(edges),
      });
    }
  }
  return matches.sort(byCount);
};

/** Options of `vehiclesOnManyTrips`. */
export interface TripOptions {
  /** Fewest trips for a match (default 5). */
  minTrips?: number;
  /** Only trips dated within [from, to] count (undated trips count when no bound is given). */
  from?: number;
  to?: number;
}

/** Vehicles and vessels on at least `minTrips` trip edges, with those trips as evidence. O(n + m). */
export const vehiclesOnManyTrips = (g: CsrGraph, options: TripOptions = {}): PatternMatch[] => {
  const min = options.minTrips ?? 5;
  const bounded = options.from !== undefined || options.to !== undefined;
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  const matches: PatternMatch[] = [];
  for (let v = 0; v < g.nodeCount; v++) {
    const type = g.nodeType[v] ?? 0;
    if (type !== NodeType.vehicle && type !== NodeType.vessel) continue;
    const trips = new Set<number>();
    const ends: number[] = [];
    const scan = (offsets: Int32Array, neighbours: Int32Array, edgeIds: Int32Array): void => {
      for (let j = offsets[v] ?? 0, end = offsets[v + 1] ?? 0; j < end; j++) {
        const e = edgeIds[j] ?? 0;
        if (g.edgeType[e] !== EdgeType.trip || trips.has(e)) continue;
        const t = g.edgeTime?.[e] ?? NaN;
        if (bounded && !(t >= from && t <= to)) continue;
        trips.add(e);
        ends.push(neighbours[j] ?? 0);
      }
    };
    scan(g.outOffsets, g.outNeighbours, g.outEdges);
    if (g.hasDirected) scan(g.inOffsets, g.inNeighbours, g.inEdges);
    if (trips.size >= min) {
      matches.push({
        indicator: type === NodeType.vessel ? 'vessel-on-many-trips' : 'vehicle-on-many-trips',
        node: v,
        count: trips.size,
        score: trips.size,
        related: Int32Array.from(ends),
        edges: Int32Array.from(trips),
      });
    }
  }
  return matches.sort(byCount);
};

/** Options of `brokers`. */
export interface BrokerOptions {
  /** Fewest distinct communities linked (default 2). */
  minCommunities?: number;
  /** Fewest edges into a community for it to count (default 1). */
  minLinks?: number;
  /** Communities smaller than this are ignored (default 3), so isolated pairs do not make brokers. */
  minCommunitySize?: number;
  /** Kinds of node that can be brokers (default: person). */
  nodeTypes?: readonly NodeType[];
}

/**
 * People linked to at least two communities (e.g. from `louvain`): brokers between groups. A
 * community counts when the person has `minLinks` edges into it (their own community included).
 * Ranked by communities linked, then by participation coefficient 1 − Σ_c (k_c / k)², which is
 * highest when the person's links are spread evenly rather than mostly inside one group. Matches
 * list the communities and one edge into each. O(n + m).
 */
export const brokers = (g: CsrGraph, community: Int32Array, options: BrokerOptions = {}): PatternMatch[] => {
  const minCommunities = options.minCommunities ?? 2;
  const minLinks = options.minLinks ?? 1;
  const minSize = options.minCommunitySize ?? 3;
  const kinds = new Set<number>(options.nodeTypes ?? [NodeType.person]);
  let max = -1;
  for (let v = 0; v < g.nodeCount; v++) max = Math.max(max, community[v] ?? -1);
  const size = new Int32Array(max + 1);
  for (let v = 0; v < g.nodeCount; v++) {
    const c = community[v] ?? -1;
    if (c >= 0) size[c] = (size[c] ?? 0) + 1;
  }
  const stamp = new Int32Array(max + 1).fill(-1);
  const links = new Int32Array(max + 1);
  const firstEdge = new Int32Array(max + 1);
  const matches: PatternMatch[] = [];
  for (let p = 0; p < g.nodeCount; p++) {
    if (!kinds.has(g.nodeType[p] ?? 0)) continue;
    const touched: number[] = [];
    const scan = (
      offsets: Int32Array,
      neighbours: Int32Array,
      edgeIds: Int32Array,
      skipUndirected: boolean,
    ): void => {
      for (let j = offsets[p] ?? 0, end = offsets[p + 1] ?? 0; j < end; j++) {
        const e = edgeIds[j] ?? 0;
        if (skipUndirected && g.edgeDirected[e] === 0) continue;
        const c = community[neighbours[j] ?? 0] ?? -1;
        if (c < 0 || (size[c] ?? 0) < minSize) continue;
        if (stamp[c] !== p) {
          stamp[c] = p;
          links[c] = 0;
          firstEdge[c] = e;
          touched.push(c);
        }
        links[c] = (links[c] ?? 0) + 1;
      }
    };
    scan(g.outOffsets, g.outNeighbours, g.outEdges, false);
    if (g.hasDirected) scan(g.inOffsets, g.inNeighbours, g.inEdges, true);
    const linked = touched.filter((c) => (links[c] ?? 0) >= minLinks);
    if (linked.length >= minCommunities) {
      let degree = 0;
      let concentration = 0;
      for (const c of touched) degree += links[c] ?? 0;
      for (const c of touched) concentration += ((links[c] ?? 0) / degree) ** 2;
      matches.push({
        indicator: 'broker-between-communities',
        node: p,
        count: linked.length,
        score: 1 - concentration,
        related: Int32Array.from(linked),
        edges: Int32Array.from(linked, (c) => firstEdge[c] ?? -1),
      });
    }
  }
  return matches.sort(byCount);
};

/** Inputs and thresholds of `findPatterns`; an indicator runs only when its input is given. */
export interface PatternOptions {
  /** 1 per victim node: enables the victim indicators. */
  isVictim?: Uint8Array;
  /** Community per node (from `louvain`): enables the broker indicator. */
  communities?: Int32Array;
  victims?: VictimHubOptions;
  trips?: TripOptions;
  brokers?: BrokerOptions;
}

/** Every trafficking indicator the inputs allow, each match naming its indicator. O(n + m) each. */
export const findPatterns = (g: CsrGraph, options: PatternOptions = {}): PatternMatch[] => [
  ...(options.isVictim ? victimHubs(g, options.isVictim, options.victims) : []),
  ...vehiclesOnManyTrips(g, options.trips),
  ...(options.communities ? brokers(g, options.communities, options.brokers) : []),
];
