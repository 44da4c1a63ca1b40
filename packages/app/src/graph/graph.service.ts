import {
  type Actor,
  betweenness,
  ClewError,
  EDGE_TYPE_NAMES,
  invalid,
  NODE_TYPE_NAMES,
  degreeCentrality,
  edgeTypeName,
  edgeTypeOf,
  type EdgeType,
  findPatterns,
  inducedEdges,
  louvain,
  type LouvainResult,
  NodeType,
  type NodeTypeName,
  neighbourhood as khop,
  nodeTypeName,
  pageRank,
  type PatternIndicator,
  recordOf,
  shortestPaths,
  traceMoney,
} from '@clew/core';
import type { Store } from '@clew/store';
import type { Access } from '../access/access.js';
import type { AuditService } from '../audit/audit.service.js';
import { type EdgeFilterQuery, edgeFilterOf } from './graph-filters.js';
import { type EntityGraph, type IdentityResolver, loadEntityGraph } from './graph-loader.js';

/** A node of an answer: what it is and why it is there. */
export interface GraphNodeView {
  id: string;
  type: NodeTypeName;
  schema: string;
  caption: string;
  reason: string;
  score?: number;
  /** The record entity ids a resolved identity holds (only when it holds several, or another id). */
  members?: string[];
}

/** An edge of an answer, with its provenance. */
export interface GraphEdgeView {
  source: string;
  target: string;
  type: string;
  directed: boolean;
  amount?: number;
  /** ISO date (YYYY-MM-DD). */
  date?: string;
  /** The relationship entity, or the entity whose property made the edge. */
  via: string;
  dataset: string;
}

/** A subgraph the UI can draw. */
export interface SubgraphView {
  nodes: GraphNodeView[];
  edges: GraphEdgeView[];
  truncated: boolean;
}

/** Options of `neighbourhood`. */
export interface NeighbourhoodQuery extends EdgeFilterQuery {
  id: string;
  hops: number;
  maxNodes: number;
  edgeTypes?: readonly string[] | undefined;
  nodeTypes?: readonly string[] | undefined;
}

/** Options of `paths`. */
export interface PathsQuery extends EdgeFilterQuery {
  from: string;
  to: string;
  maxLength: number;
  maxPaths: number;
}

/** Options of `flows`. */
export interface FlowsQuery extends EdgeFilterQuery {
  id: string;
  direction: 'forward' | 'backward';
  maxDepth: number;
}

/** Where a graph service gets resolved identities from: one resolver per set of datasets. */
export type IdentitySource = (datasets: readonly string[]) => Promise<IdentityResolver> | IdentityResolver;

/** Communities found by Louvain: sizes and the best-connected members of each. */
export interface CommunitiesView extends SubgraphView {
  modularity: number;
  count: number;
  communities: { community: number; size: number; people: number; top: string[] }[];
}

/** A ranking of nodes by a centrality measure. */
export interface CentralityView extends SubgraphView {
  measure: 'degree' | 'pagerank' | 'betweenness';
  ranking: { id: string; score: number }[];
}

/** Paths found, each as the node ids along it. */
export interface PathsView extends SubgraphView {
  length: number;
  paths: string[][];
}

/** A money flow: totals and the payments used. */
export interface FlowsView extends SubgraphView {
  total: number;
}

/** Pattern matches, each naming its indicator. */
export interface PatternsView extends SubgraphView {
  matches: { indicator: PatternIndicator; id: string; count: number; score: number; related: string[] }[];
}

const notFound = (): ClewError => new ClewError('NotFound', 'entity not found', { field: 'id' });

/** The number of an edge kind name, or Invalid naming the known ones. */
const edgeTypeNumber = (name: string): EdgeType => {
  const t = edgeTypeOf(name);
  if (t === undefined)
    throw invalid(`unknown edge type "${name}"; one of ${EDGE_TYPE_NAMES.join(', ')}`, {
      field: 'edgeTypes',
    });
  return t;
};

/** The number of a node kind name, or Invalid naming the known ones. */
const nodeTypeNumber = (name: string): NodeType => {
  const i = (NODE_TYPE_NAMES as readonly string[]).indexOf(name);
  if (i < 0)
    throw invalid(`unknown node type "${name}"; one of ${NODE_TYPE_NAMES.join(', ')}`, {
      field: 'nodeTypes',
    });
  return i as NodeType;
};

const isoDay = (days: number): string => new Date(days * 86_400_000).toISOString().slice(0, 10);

/** A built graph with its lazily computed communities and edge masks per agency set. */
interface CachedGraph {
  graph: EntityGraph;
  communities?: LouvainResult;
  agencyMasks?: Map<string, Uint8Array>;
}

/** Network analysis over the entity graph of the datasets each actor may read. */
export class GraphService {
  private readonly cache = new Map<string, Promise<CachedGraph>>();

  /** `identities`: resolved identities, so that a cluster of matched records is one node (default: none). */
  constructor(
    private readonly store: Store,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly identities?: IdentitySource,
    /** Changes when resolved identities do (judgements), so the cached graph is rebuilt. */
    private readonly identitiesVersion?: () => Promise<string>,
  ) {}

  /** Forget every built graph (call when an import finishes; reads also notice new data themselves). */
  invalidate(): void {
    this.cache.clear();
  }

  /** The entity graph the actor may see: built once per set of readable datasets and their contents. */
  async graphFor(actor: Actor): Promise<EntityGraph> {
    return (await this.cached(actor)).graph;
  }

  /** The k-hop neighbourhood of an entity or thing. */
  async neighbourhood(actor: Actor, q: NeighbourhoodQuery): Promise<SubgraphView> {
    const cached = await this.cached(actor);
    const g = cached.graph;
    const start = this.nodeOf(g, q.id);
    await this.audit.record(actor, {
      action: 'read',
      targets: [q.id],
      details: { graph: 'neighbourhood', hops: q.hops },
    });
    const { from, to, allowedEdges } = edgeFilterOf(cached, q);
    const filter = {
      ...(q.edgeTypes ? { edgeTypes: q.edgeTypes.map(edgeTypeNumber) } : {}),
      ...(q.nodeTypes ? { nodeTypes: q.nodeTypes.map(nodeTypeNumber) } : {}),
      ...(from === undefined && to === undefined ? {} : { timeWindow: { from, to } }),
      ...(allowedEdges ? { allowedEdges } : {}),
    };
    const hood = khop(g.csr, [start], { hops: Math.min(q.hops, 3), maxNodes: q.maxNodes, ...filter });
    const reasons = new Map<number, string>();
    hood.nodes.forEach((node, i) => {
      const via = hood.via[i] ?? -1;
      const from = hood.from[i] ?? -1;
      reasons.set(
        node,
        via < 0
          ? 'start'
          : `hop ${hood.hop[i]}: ${edgeTypeName(g.csr.edgeType[via] ?? 0)} with ${g.caption[from] ?? ''}`,
      );
    });
    const edges = inducedEdges(g.csr, hood.nodes, filter);
    return { ...this.view(g, reasons, edges), truncated: hood.truncated };
  }

  /** Shortest paths between two entities or things. */
  async paths(actor: Actor, q: PathsQuery): Promise<PathsView> {
    const cached = await this.cached(actor);
    const g = cached.graph;
    const from = this.nodeOf(g, q.from);
    const to = this.nodeOf(g, q.to);
    await this.audit.record(actor, { action: 'read', targets: [q.from, q.to], details: { graph: 'paths' } });
    const window = edgeFilterOf(cached, q);
    const result = shortestPaths(g.csr, from, to, {
      maxLength: q.maxLength,
      maxPaths: q.maxPaths,
      ...(window.from === undefined && window.to === undefined
        ? {}
        : { timeWindow: { from: window.from, to: window.to } }),
      ...(window.allowedEdges ? { allowedEdges: window.allowedEdges } : {}),
    });
    const reasons = new Map<number, string>([
      [from, 'start'],
      [to, 'end'],
    ]);
    const edges = new Set<number>();
    for (const p of result.paths) {
      for (const n of p.nodes) if (!reasons.has(n)) reasons.set(n, `on a path of length ${result.length}`);
      for (const e of p.edges) edges.add(e);
    }
    return {
      ...this.view(g, reasons, [...edges]),
      truncated: false,
      length: result.length,
      paths: result.paths.map((p) => p.nodes.map((n) => g.key[n] ?? '')),
    };
  }

  /** Louvain communities: modularity, sizes, and each community's best-connected members. */
  async communities(actor: Actor, opts: { resolution?: number; limit: number }): Promise<CommunitiesView> {
    const cached = await this.cached(actor);
    await this.audit.record(actor, { action: 'read', details: { graph: 'communities' } });
    const g = cached.graph;
    const result =
      opts.resolution === undefined
        ? this.louvainOf(cached)
        : louvain(g.csr, { resolution: opts.resolution });
    const degree = degreeCentrality(g.csr, { normalised: false });
    const members = new Map<number, number[]>();
    for (let v = 0; v < g.csr.nodeCount; v++) {
      const c = result.community[v] ?? 0;
      const list = members.get(c);
      if (list) list.push(v);
      else members.set(c, [v]);
    }
    const ranked = [...members.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, opts.limit);
    const reasons = new Map<number, string>();
    const communities = ranked.map(([community, nodes]) => {
      const top = nodes
        .filter((v) => g.csr.nodeType[v] === NodeType.person || g.csr.nodeType[v] === NodeType.organisation)
        .sort((a, b) => (degree[b] ?? 0) - (degree[a] ?? 0))
        .slice(0, 5);
      for (const v of top) reasons.set(v, `top member of community ${community}`);
      return {
        community,
        size: nodes.length,
        people: nodes.filter((v) => g.csr.nodeType[v] === NodeType.person).length,
        top: top.map((v) => g.key[v] ?? ''),
      };
    });
    const edges = inducedEdges(g.csr, [...reasons.keys()]);
    return {
      ...this.view(g, reasons, edges),
      truncated: ranked.length < members.size,
      modularity: result.modularity,
      count: result.count,
      communities,
    };
  }

  /** The top nodes by degree, PageRank or (sampled) betweenness. */
  async centrality(
    actor: Actor,
    opts: { measure: 'degree' | 'pagerank' | 'betweenness'; limit: number },
  ): Promise<CentralityView> {
    const { graph: g } = await this.cached(actor);
    await this.audit.record(actor, {
      action: 'read',
      details: { graph: 'centrality', measure: opts.measure },
    });
    const scores =
      opts.measure === 'degree'
        ? degreeCentrality(g.csr)
        : opts.measure === 'pagerank'
          ? pageRank(g.csr, { direction: 'both' }).rank
          : betweenness(g.csr);
    const order = Array.from({ length: g.csr.nodeCount }, (_, i) => i)
      .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
      .slice(0, opts.limit);
    const reasons = new Map(order.map((v, i) => [v, `#${i + 1} by ${opts.measure}`]));
    const view = this.view(g, reasons, inducedEdges(g.csr, order));
    for (const n of view.nodes) n.score = scores[g.index.get(n.id) ?? 0] ?? 0;
    return {
      ...view,
      truncated: order.length < g.csr.nodeCount,
      measure: opts.measure,
      ranking: order.map((v) => ({ id: g.key[v] ?? '', score: scores[v] ?? 0 })),
    };
  }

  /** Payments from (forward) or to (backward) an entity, in time order, with totals. */
  async flows(actor: Actor, q: FlowsQuery): Promise<FlowsView> {
    const cached = await this.cached(actor);
    const g = cached.graph;
    const start = this.nodeOf(g, q.id);
    await this.audit.record(actor, {
      action: 'read',
      targets: [q.id],
      details: { graph: 'flows', direction: q.direction },
    });
    const flow = traceMoney(g.csr, [start], {
      direction: q.direction,
      maxDepth: q.maxDepth,
      ...edgeFilterOf(cached, q),
    });
    const reasons = new Map<number, string>();
    flow.nodes.forEach((node, i) => {
      const verb = q.direction === 'forward' ? 'received' : 'sent';
      const amount = q.direction === 'forward' ? flow.received[i] : flow.sent[i];
      reasons.set(node, i === 0 ? 'start' : `${verb} ${amount ?? 0} within ${flow.hop[i] ?? 0} payments`);
    });
    return { ...this.view(g, reasons, flow.edges), truncated: false, total: flow.total };
  }

  /** Trafficking indicators: vehicles or vessels on many trips, brokers between communities. */
  async patterns(actor: Actor, opts: { limit: number } = { limit: 50 }): Promise<PatternsView> {
    const cached = await this.cached(actor);
    await this.audit.record(actor, { action: 'read', details: { graph: 'patterns' } });
    const g = cached.graph;
    const matches = findPatterns(g.csr, {
      isVictim: g.isVictim,
      communities: this.louvainOf(cached).community,
    }).slice(0, opts.limit);
    const reasons = new Map<number, string>();
    const edges = new Set<number>();
    for (const m of matches) reasons.set(m.node, m.indicator);
    for (const m of matches) {
      for (const e of m.edges) {
        edges.add(e);
        for (const end of [g.csr.edgeSource[e] ?? 0, g.csr.edgeTarget[e] ?? 0])
          if (!reasons.has(end))
            reasons.set(end, `${g.isVictim[end] === 1 ? 'victim, ' : ''}evidence of ${m.indicator}`);
      }
    }
    return {
      ...this.view(g, reasons, [...edges]),
      truncated: false,
      matches: matches.map((m) => ({
        indicator: m.indicator,
        id: g.key[m.node] ?? '',
        count: m.count,
        score: m.score,
        related:
          m.indicator === 'broker-between-communities'
            ? Array.from(m.related, (c) => `community ${c}`)
            : Array.from(m.related, (v) => g.key[v] ?? ''),
      })),
    };
  }

  private async cached(actor: Actor): Promise<CachedGraph> {
    const view = await this.access.view(actor);
    const datasets = [...view.datasets].sort();
    // The key holds each dataset's next sequence number, so a finished import is noticed, and
    // whether the reader sees it whole or only what may leave its agency (`~`).
    const seqs = await Promise.all(datasets.map((d) => this.store.writes.nextSeq(d)));
    const identities = (await this.identitiesVersion?.()) ?? '';
    const key = `${identities}|${datasets.map((d, i) => `${d}@${seqs[i]}${view.whole.has(d) ? '' : '~'}`).join(',')}`;
    let entry = this.cache.get(key);
    if (!entry) {
      if (this.cache.size >= 8) this.cache.clear();
      const source = this.identities;
      entry = (async (): Promise<CachedGraph> => {
        const resolve = source ? await source(datasets) : undefined;
        return {
          graph: await loadEntityGraph(this.store, datasets, { view, ...(resolve ? { resolve } : {}) }),
        };
      })();
      this.cache.set(key, entry);
      entry.catch(() => this.cache.delete(key));
    }
    return entry;
  }

  private louvainOf(cached: CachedGraph): LouvainResult {
    cached.communities ??= louvain(cached.graph.csr);
    return cached.communities;
  }

  /** The node of an id the actor may see; hidden and missing ids are the same NotFound. */
  private nodeOf(g: EntityGraph, id: string): number {
    const node = g.index.get(id);
    if (node === undefined) throw notFound();
    return node;
  }

  private view(
    g: EntityGraph,
    reasons: Map<number, string>,
    edges: ArrayLike<number>,
  ): Omit<SubgraphView, 'truncated'> {
    const nodes = [...reasons].map(([v, reason]): GraphNodeView => {
      const members = g.members.get(v);
      return {
        id: g.key[v] ?? '',
        type: nodeTypeName(g.csr.nodeType[v] ?? NodeType.other),
        schema: g.schema[v] ?? '',
        caption: g.caption[v] ?? '',
        reason: members ? `${reason} (one identity: ${members.length} records)` : reason,
        ...(members ? { members: [...members] } : {}),
      };
    });
    const out: GraphEdgeView[] = [];
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i] ?? 0;
      const s = g.csr.edgeSource[e] ?? 0;
      const t = g.csr.edgeTarget[e] ?? 0;
      if (!reasons.has(s) || !reasons.has(t)) continue;
      const amount = g.csr.edgeAmount?.[e] ?? NaN;
      const time = g.csr.edgeTime?.[e] ?? NaN;
      const r = recordOf(g.csr, e);
      out.push({
        source: g.key[s] ?? '',
        target: g.key[t] ?? '',
        type: edgeTypeName(g.csr.edgeType[e] ?? 0),
        directed: g.csr.edgeDirected[e] === 1,
        ...(Number.isNaN(amount) ? {} : { amount }),
        ...(Number.isNaN(time) ? {} : { date: isoDay(time) }),
        via: g.via[r] ?? '',
        dataset: g.viaDataset[r] ?? '',
      });
    }
    return { nodes, edges: out };
  }
}
