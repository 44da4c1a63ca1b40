/**
 * Clew's graph analytics engine: a typed-array CSR graph and pure algorithms over it. No I/O; runs in
 * Node and in the browser. Local queries (neighbourhood, paths, flows) take the sharing policy as a
 * node bitmap; whole-graph analytics run on the `inducedSubgraph` the reader may see.
 */
export * from './csr.js';
export * from './builder.js';
export type { NodeAllowance, TimeWindow, TraversalFilter } from './filter.js';
export * from './scratch.js';
export * from './subgraph.js';
export * from './traverse.js';
export * from './paths.js';
export * from './components.js';
export * from './pagerank.js';
export * from './reorder.js';
export * from './centrality.js';
export * from './louvain.js';
export * from './flows.js';
export * from './patterns.js';
export * from './prng.js';
