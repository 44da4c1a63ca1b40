import { type CsrGraph, EdgeType } from './csr.js';
import { compileFilter, edgePasses, type NodeAllowance, nodeVisible } from './filter.js';

/** Options of `traceMoney`. */
export interface MoneyFlowOptions {
  /** 'forward' (default): where the money went; 'backward': where it came from. */
  direction?: 'forward' | 'backward';
  /** Most payments on a path (default 4). */
  maxDepth?: number;
  /** Edge kinds that move money (default: payment). Only directed edges are followed. */
  edgeTypes?: readonly EdgeType[];
  /** Payments outside the window are ignored; forward, money is at the seeds from `from` on. */
  from?: number;
  to?: number;
  /** Payments without a date: 'skip' (default) or 'any-time' (followed without moving the clock). */
  undated?: 'skip' | 'any-time';
  /** Ignore payments below this amount, or of unknown amount (default: none ignored). */
  minAmount?: number;
  allowedNodes?: NodeAllowance;
  allowedEdges?: Uint8Array;
}

/** The payments reachable from (or leading to) the seeds along time-respecting paths. */
export interface MoneyFlow {
  /** Seeds first, then in order of discovery. */
  nodes: Int32Array;
  /** Fewest payments between the node and a seed. */
  hop: Int32Array;
  /** Forward: earliest time money can have arrived; backward: latest time it can have left. */
  time: Float64Array;
  /** Sum of the amounts of the used payments into the node. */
  received: Float64Array;
  /** Sum of the amounts of the used payments out of the node. */
  sent: Float64Array;
  /** Payments on at least one time-respecting path of at most maxDepth from/to a seed, by id. */
  edges: Int32Array;
  /** Forward: amount of used payments leaving the seeds; backward: arriving at them. */
  total: number;
}

/**
 * Follow the money from (forward) or to (backward) the seed accounts or people over directed payment
 * edges, respecting time order: along a path, payment times never decrease (forward) or never
 * increase (backward) — money cannot leave before it arrived. Computes, round by round, the earliest
 * arrival (latest departure) per node with at most d payments; a payment is used when it can extend
 * some such path. Amounts are the totals of the used payments, not an attribution of the seeds'
 * money. O(maxDepth · edges touched) time, memory proportional to what is touched.
 */
export const traceMoney = (
  g: CsrGraph,
  seeds: number | readonly number[],
  options: MoneyFlowOptions = {},
): MoneyFlow => {
  const forward = options.direction !== 'backward';
  const maxDepth = options.maxDepth ?? 4;
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  const anyTime = options.undated === 'any-time';
  const minAmount = options.minAmount ?? -Infinity;
  const f = compileFilter(g, {
    edgeTypes: options.edgeTypes ?? [EdgeType.payment],
    ...(options.allowedNodes ? { allowedNodes: options.allowedNodes } : {}),
    ...(options.allowedEdges ? { allowedEdges: options.allowedEdges } : {}),
  });
  const offsets = forward ? g.outOffsets : g.inOffsets;
  const neighbours = forward ? g.outNeighbours : g.inNeighbours;
  const edgeIds = forward ? g.outEdges : g.inEdges;
  const times = g.edgeTime;
  const amounts = g.edgeAmount;

  const clock = new Map<number, number>();
  const hop = new Map<number, number>();
  const order: number[] = [];
  const used = new Set<number>();
  let frontier: number[] = [];
  for (const s of typeof seeds === 'number' ? [seeds] : seeds) {
    if (!Number.isInteger(s) || s < 0 || s >= g.nodeCount || !nodeVisible(f, s) || clock.has(s)) continue;
    clock.set(s, forward ? from : to);
    hop.set(s, 0);
    order.push(s);
    frontier.push(s);
  }
  for (let d = 1; d <= maxDepth && frontier.length > 0; d++) {
    // Relax from the values of the previous round, so a path of d payments never uses d + 1.
    const snapshot = frontier.map((u) => [u, clock.get(u) ?? 0] as const);
    const improved = new Set<number>();
    for (const [u, at] of snapshot) {
      for (let j = offsets[u] ?? 0, end = offsets[u + 1] ?? 0; j < end; j++) {
        const e = edgeIds[j] ?? 0;
        if (g.edgeDirected[e] === 0 || !edgePasses(f, g, e)) continue;
        if (minAmount > -Infinity && !((amounts?.[e] ?? NaN) >= minAmount)) continue;
        const v = neighbours[j] ?? 0;
        if (!nodeVisible(f, v)) continue;
        const t = times?.[e] ?? NaN;
        let reached: number;
        if (Number.isNaN(t)) {
          if (!anyTime) continue;
          reached = at;
        } else {
          if (t < from || t > to) continue;
          if (forward ? t < at : t > at) continue;
          reached = t;
        }
        used.add(e);
        const before = clock.get(v);
        if (before === undefined || (forward ? reached < before : reached > before)) {
          clock.set(v, reached);
          if (!hop.has(v)) {
            hop.set(v, d);
            order.push(v);
          }
          improved.add(v);
        }
      }
    }
    frontier = [...improved];
  }

  const index = new Map<number, number>();
  order.forEach((v, i) => index.set(v, i));
  const received = new Float64Array(order.length);
  const sent = new Float64Array(order.length);
  const edges = Int32Array.from(used).sort();
  let total = 0;
  for (const e of edges) {
    const a = amounts?.[e] ?? NaN;
    const amount = Number.isNaN(a) ? 0 : a;
    const si = index.get(g.edgeSource[e] ?? 0);
    const ti = index.get(g.edgeTarget[e] ?? 0);
    if (si !== undefined) sent[si] = (sent[si] ?? 0) + amount;
    if (ti !== undefined) received[ti] = (received[ti] ?? 0) + amount;
    const seedEnd = forward ? g.edgeSource[e] : g.edgeTarget[e];
    if (hop.get(seedEnd ?? 0) === 0) total += amount;
  }
  return {
    nodes: Int32Array.from(order),
    hop: Int32Array.from(order, (v) => hop.get(v) ?? 0),
    time: Float64Array.from(order, (v) => clock.get(v) ?? NaN),
    received,
    sent,
    edges,
    total,
  };
};
