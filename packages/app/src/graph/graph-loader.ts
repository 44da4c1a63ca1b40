import type { View } from '@clew/core';
import { visibleFragments } from '../access/access.js';
import {
  buildCsr,
  captionOf,
  localityOrder,
  relabelNodes,
  type CsrGraph,
  EdgeType,
  getSchema,
  NodeType,
  normaliseEmail,
  normaliseIban,
  normalisePhone,
  type StatementDraft,
  VICTIM_KEYWORD,
} from '@clew/core';
import type { Fragment, Store } from '@clew/store';

/**
 * Maps an entity id to the id of the identity it belongs to (a cluster of matched records, named
 * by one canonical id); records mapped to the same id become one node. Must be a pure function for
 * the duration of one graph build. The default maps every id to itself (nodes are records).
 */
export type IdentityResolver = (entityId: string) => string;

/** Options of `loadEntityGraph`. */
export interface LoadGraphOptions {
  /** Resolved identities: records mapped to one canonical id count once (default: every record alone). */
  resolve?: IdentityResolver;
  /** The reader's view: fragments keep only the statements it may see (default: everything). */
  view?: View;
}

/**
 * The entity graph of some datasets: the CSR engine graph plus what each node and edge stands for.
 * Nodes are identities (by default records: one person known to two agencies is two nodes, joined
 * only through what they share; with an `IdentityResolver`, one node per cluster of matched records)
 * and synthetic things for shared property values (`phone:+39…`, `email:…`, `iban:…`).
 */
export interface EntityGraph {
  csr: CsrGraph;
  /** Per node: entity id (the canonical id of a resolved identity), or thing key. */
  key: string[];
  /** Per node merged from several records, or named by another id: the record entity ids it holds. */
  members: Map<number, string[]>;
  caption: string[];
  /** FtM schema, or `Phone` / `Email` / `Iban` for things. */
  schema: string[];
  /** Datasets stating the node (empty for things). */
  datasets: string[][];
  /** 1 for a person some record marks as a victim (FtM `keywords`: `VICTIM_KEYWORD`), else 0. */
  isVictim: Uint8Array;
  /** Node id by key, and by each member record's entity id. */
  index: Map<string, number>;
  /** The agency owning each dataset of the graph. */
  agencyOf: Map<string, string>;
  /** Per edge record (`csr.edgeRecord`): the relationship or owning entity id and its dataset. */
  via: string[];
  viaDataset: string[];
}

/** An edge waiting for both ends to be known. */
interface PendingEdge {
  source: string;
  target: string;
  /** Fixed type, or null: decided from the end kinds (has-address, has-document…). */
  type: EdgeType | null;
  directed: boolean;
  amount: number;
  time: number;
  via: string;
  dataset: string;
}

const RELATION_TYPES: Record<string, EdgeType> = {
  Associate: EdgeType.associate,
  Family: EdgeType.family,
  Membership: EdgeType.membership,
  Employment: EdgeType.employment,
  Directorship: EdgeType.employment,
  Representation: EdgeType.associate,
  Ownership: EdgeType.ownership,
  UnknownLink: EdgeType.unknownLink,
  Payment: EdgeType.payment,
};

/** The node kind of an FtM schema, or null when the schema does not make a node. */
export const nodeTypeOfSchema = (name: string): NodeType | null => {
  const s = getSchema(name);
  if (s.edge) return null;
  if (s.isA('Person')) return NodeType.person;
  if (s.isA('LegalEntity')) return NodeType.organisation;
  if (s.isA('Address')) return NodeType.address;
  if (s.isA('Vessel')) return NodeType.vessel;
  if (s.isA('Vehicle')) return NodeType.vehicle;
  if (s.isA('BankAccount') || s.isA('UserAccount')) return NodeType.account;
  if (s.isA('Identification')) return NodeType.document;
  if (s.isA('Trip') || s.isA('Event')) return NodeType.other;
  return null;
};

/** Days since the epoch of an FtM date (any prefix of YYYY-MM-DD), NaN when absent or unreadable. */
const dayOf = (value: string | undefined): number => {
  if (value === undefined) return NaN;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) / 86_400_000;
};

/** The has-* kind joining a holder to a thing of `kind`. */
const HAS_TYPE = new Map<number, EdgeType>([
  [NodeType.address, EdgeType.hasAddress],
  [NodeType.document, EdgeType.hasDocument],
  [NodeType.vehicle, EdgeType.hasVehicle],
  [NodeType.vessel, EdgeType.hasVehicle],
  [NodeType.account, EdgeType.hasAccount],
  [NodeType.phone, EdgeType.hasPhone],
]);

/** The thing key of a phone, e-mail or IBAN value, or null when it does not normalise. */
const thingKey = (
  kind: 'phone' | 'email' | 'iban',
  raw: string,
  region: string | undefined,
): string | null => {
  if (kind === 'phone') {
    const r = normalisePhone(raw, region ? { defaultRegion: region } : {});
    return r.ok ? `phone:${r.value.e164}` : null;
  }
  if (kind === 'email') {
    const r = normaliseEmail(raw);
    return r.ok ? `email:${r.value.key}` : null;
  }
  const r = normaliseIban(raw);
  return r.ok ? `iban:${r.value.iban}` : null;
};

/** Collects nodes and pending edges fragment by fragment, then builds the CSR graph. */
class Collector {
  readonly key: string[] = [];
  readonly caption: string[] = [];
  readonly schema: string[] = [];
  readonly datasets: string[][] = [];
  readonly types: number[] = [];
  readonly index = new Map<string, number>();
  readonly members = new Map<number, string[]>();
  /** Nodes a record marks as a victim. */
  readonly victims: number[] = [];
  /** `dataset NUL original id` → entity id, for references written unsigned. */
  private readonly local = new Map<string, string>();
  readonly pending: PendingEdge[] = [];
  /** Normalised thing key per raw value (phones repeat across records; normalising is the slow part). */
  private readonly things = new Map<string, string | null>();

  constructor(private readonly resolveIdentity: IdentityResolver | null) {}

  /** The node of an entity record: its identity's node, created on first sight, the record a member. */
  entity(entityId: string, type: NodeType, caption: string, schema: string, dataset: string): number {
    if (this.resolveIdentity === null) return this.node(entityId, type, caption, schema, dataset);
    const canonical = this.resolveIdentity(entityId);
    const id = this.node(canonical, type, caption, schema, dataset);
    this.index.set(entityId, id);
    const list = this.members.get(id);
    if (list === undefined) this.members.set(id, [entityId]);
    else if (!list.includes(entityId)) list.push(entityId);
    return id;
  }

  /** The node of `key`, created on first sight; `dataset` joins the datasets stating it. */
  node(key: string, type: NodeType, caption: string, schema: string, dataset: string | null): number {
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.key.length;
      this.index.set(key, id);
      this.key.push(key);
      this.caption.push(caption);
      this.schema.push(schema);
      this.datasets.push([]);
      this.types.push(type);
    }
    const ds = this.datasets[id];
    if (dataset !== null && ds && !ds.includes(dataset)) ds.push(dataset);
    return id;
  }

  add(fragment: Fragment<StatementDraft>, region: string | undefined): void {
    const props = new Map<string, string[]>();
    const propTypes = new Map<string, string>();
    for (const s of fragment.statements) {
      const list = props.get(s.prop);
      if (list) list.push(s.value);
      else props.set(s.prop, [s.value]);
      propTypes.set(s.prop, s.propType);
    }
    this.local.set(`${fragment.dataset}\u0000${fragment.originalId}`, fragment.entityId);
    const schema = getSchema(fragment.schema);
    const edge = (source: string, target: string, e: Partial<PendingEdge>): void => {
      this.pending.push({
        source,
        target,
        type: e.type ?? null,
        directed: e.directed ?? false,
        amount: e.amount ?? NaN,
        time: e.time ?? NaN,
        via: fragment.entityId,
        dataset: fragment.dataset,
      });
    };
    const first = (p: string): string | undefined => props.get(p)?.[0];
    const all = (p: string): string[] => props.get(p) ?? [];
    if (schema.edge) {
      const type = RELATION_TYPES[schema.name] ?? EdgeType.other;
      const time = dayOf(first('date') ?? first('startDate'));
      const amount = Number(first('amount') ?? NaN);
      // Payments fall back to the accounts when a party is not named.
      const sources = all(schema.edge.source).length ? all(schema.edge.source) : all('payerAccount');
      const targets = all(schema.edge.target).length ? all(schema.edge.target) : all('beneficiaryAccount');
      for (const s of sources)
        for (const t of targets) edge(s, t, { type, directed: schema.edge.directed, amount, time });
      for (const [party, account] of [
        ['payer', 'payerAccount'],
        ['beneficiary', 'beneficiaryAccount'],
      ] as const) {
        for (const p of all(party)) for (const a of all(account)) edge(p, a, {});
      }
      return;
    }
    if (schema.name === 'Call' || schema.name === 'Message') {
      const time = dayOf(first('date'));
      const type = schema.name === 'Call' ? EdgeType.call : EdgeType.message;
      const from = [...all('caller'), ...all('sender'), ...all('senderAccount')];
      const to = [...all('receiver'), ...all('recipients'), ...all('recipientAccount')];
      for (const s of from) for (const t of to) edge(s, t, { type, directed: true, time });
      for (const [party, number] of [
        ['caller', 'callerNumber'],
        ['receiver', 'receiverNumber'],
      ] as const) {
        for (const p of all(party)) for (const n of all(number)) this.thingEdge(p, 'phone', n, region, edge);
      }
      return;
    }
    const type = nodeTypeOfSchema(fragment.schema);
    if (type === null) return;
    const node = this.entity(
      fragment.entityId,
      type,
      captionOf(schema, Object.fromEntries(props)),
      schema.name,
      fragment.dataset,
    );
    if (type === NodeType.person && all('keywords').some((k) => k.toLowerCase() === VICTIM_KEYWORD))
      this.victims.push(node);
    const isTrip = schema.isA('Trip');
    const time = dayOf(first('startDate') ?? first('date'));
    for (const [prop, values] of props) {
      const pt = propTypes.get(prop);
      for (const v of values) {
        if (pt === 'entity') edge(fragment.entityId, v, isTrip ? { type: EdgeType.trip, time } : {});
        else if (pt === 'phone' || pt === 'email' || pt === 'iban')
          this.thingEdge(fragment.entityId, pt, v, region, edge);
      }
    }
  }

  /** Link `holder` to the thing node of a phone, e-mail or IBAN value (when it normalises). */
  private thingEdge(
    holder: string,
    kind: 'phone' | 'email' | 'iban',
    raw: string,
    region: string | undefined,
    edge: (s: string, t: string, e: Partial<PendingEdge>) => void,
  ): void {
    const memo = `${kind}\u0000${region ?? ''}\u0000${raw}`;
    let key = this.things.get(memo);
    if (key === undefined) {
      key = thingKey(kind, raw, region);
      this.things.set(memo, key);
    }
    if (key === null) return;
    const label = key.slice(key.indexOf(':') + 1);
    const type = kind === 'phone' ? NodeType.phone : NodeType.account;
    this.node(key, type, label, kind === 'phone' ? 'Phone' : kind === 'email' ? 'Email' : 'Iban', null);
    edge(holder, key, { type: kind === 'phone' ? EdgeType.hasPhone : EdgeType.hasAccount });
  }

  /** Resolve a reference: an entity id, or an id as the dataset's file wrote it; then its identity. */
  resolve(ref: string, dataset: string): number | undefined {
    const entityId = this.index.has(ref) ? ref : (this.local.get(`${dataset}\u0000${ref}`) ?? ref);
    return this.index.get(entityId) ?? this.index.get(this.resolveIdentity?.(entityId) ?? entityId);
  }
}

const permute = <T>(values: readonly T[], order: Int32Array): T[] =>
  Array.from(order, (old) => values[old] as T);

/** Turn collected nodes and pending edges into an EntityGraph, relabelling nodes in BFS order. */
const finish = (c: Collector, agencyOf: Map<string, string>): EntityGraph => {
  const m0 = c.pending.length;
  const source = new Int32Array(m0);
  const target = new Int32Array(m0);
  const type = new Uint8Array(m0);
  const directed = new Uint8Array(m0);
  const amount = new Float64Array(m0);
  const time = new Float64Array(m0);
  const via: string[] = [];
  const viaDataset: string[] = [];
  let m = 0;
  for (const p of c.pending) {
    const s = c.resolve(p.source, p.dataset);
    const t = c.resolve(p.target, p.dataset);
    if (s === undefined || t === undefined || s === t) continue;
    source[m] = s;
    target[m] = t;
    const ts = c.types[s] ?? NodeType.other;
    const tt = c.types[t] ?? NodeType.other;
    type[m] = p.type ?? HAS_TYPE.get(tt) ?? HAS_TYPE.get(ts) ?? EdgeType.other;
    directed[m] = p.directed ? 1 : 0;
    amount[m] = p.amount;
    time[m] = p.time;
    via.push(p.via);
    viaDataset.push(p.dataset);
    m++;
  }
  const n = c.key.length;
  const first = buildCsr({
    nodeCount: n,
    nodeType: Uint8Array.from(c.types),
    source,
    target,
    edgeCount: m,
    type,
    directed,
    amount,
    time,
  });
  // Locality: ids in BFS order make neighbours close in memory (2–3× on PageRank and BFS).
  const { graph: csr, order, rank } = relabelNodes(first, localityOrder(first, 'bfs'));
  const index = new Map<string, number>();
  for (const [k, old] of c.index) index.set(k, rank[old] ?? 0);
  const isVictim = new Uint8Array(n);
  for (const old of c.victims) isVictim[rank[old] ?? 0] = 1;
  const members = new Map<number, string[]>();
  // A record alone under its own id is just a node; keep the lists that say something.
  for (const [old, list] of c.members)
    if (list.length > 1 || list[0] !== c.key[old]) members.set(rank[old] ?? 0, list);
  return {
    csr,
    key: permute(c.key, order),
    members,
    caption: permute(c.caption, order),
    schema: permute(c.schema, order),
    datasets: permute(c.datasets, order),
    isVictim,
    index,
    agencyOf,
    via,
    viaDataset,
  };
};

/**
 * Build the entity graph of `datasets` from the store: every fragment of each dataset in import
 * order, phones read in the region of the dataset's agency, records merged by `options.resolve`.
 * O(statements) plus two CSR builds.
 */
export const loadEntityGraph = async (
  store: Store,
  datasets: readonly string[],
  options: LoadGraphOptions = {},
): Promise<EntityGraph> => {
  const rows = await store.datasets.getMany(datasets);
  const agencies = await store.agencies.getMany([...new Set(rows.map((r) => r.agency_id))]);
  const country = new Map(agencies.map((a) => [a.id, a.country?.toUpperCase()]));
  const c = new Collector(options.resolve ?? null);
  for (const row of rows) {
    const region = country.get(row.agency_id);
    const valid = region !== undefined && /^[A-Z]{2}$/.test(region) ? region : undefined;
    const view = options.view;
    for await (const f of store.entities.datasetFragments(row.id)) {
      if (view === undefined || view.whole.has(row.id)) c.add(f, valid);
      else for (const seen of visibleFragments(view, [f])) c.add(seen, valid);
    }
  }
  return finish(c, new Map(rows.map((r) => [r.id, r.agency_id])));
};
