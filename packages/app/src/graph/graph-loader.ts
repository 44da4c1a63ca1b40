import {
  buildCsr,
  captionOf,
  type CsrGraph,
  EdgeType,
  getSchema,
  NodeType,
  normaliseEmail,
  normaliseIban,
  normalisePhone,
  type StatementDraft,
} from '@clew/core';
import type { Fragment, Store } from '@clew/store';

/**
 * The entity graph of some datasets: the CSR engine graph plus what each node and edge stands for.
 * Nodes are entities (records: resolved identities do not exist yet, so one person known to two
 * agencies is two nodes, joined only through what they share) and synthetic things for shared
 * property values (`phone:+39…`, `email:…`, `iban:…`).
 */
export interface EntityGraph {
  csr: CsrGraph;
  /** Per node: entity id, or thing key. */
  key: string[];
  caption: string[];
  /** FtM schema, or `Phone` / `Email` / `Iban` for things. */
  schema: string[];
  /** Datasets stating the node (empty for things). */
  datasets: string[][];
  /** Node id by key. */
  index: Map<string, number>;
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
  /** `dataset NUL original id` → entity id, for references written unsigned. */
  private readonly local = new Map<string, string>();
  readonly pending: PendingEdge[] = [];
  /** Normalised thing key per raw value (phones repeat across records; normalising is the slow part). */
  private readonly things = new Map<string, string | null>();

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
    this.node(
      fragment.entityId,
      type,
      captionOf(schema, Object.fromEntries(props)),
      schema.name,
      fragment.dataset,
    );
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

  /** Resolve a reference: an entity id, or an id as the dataset's file wrote it. */
  resolve(ref: string, dataset: string): number | undefined {
    return this.index.get(ref) ?? this.index.get(this.local.get(`${dataset}\u0000${ref}`) ?? '');
  }
}

/** Breadth-first order over the graph, component by component, starting from each unvisited node in id order. */
const bfsOrder = (g: CsrGraph): Int32Array => {
  const n = g.nodeCount;
  const order = new Int32Array(n);
  const seen = new Uint8Array(n);
  let head = 0;
  let tail = 0;
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    seen[s] = 1;
    order[tail++] = s;
    while (head < tail) {
      const u = order[head++] ?? 0;
      for (const [offsets, neighbours] of [
        [g.outOffsets, g.outNeighbours],
        [g.inOffsets, g.inNeighbours],
      ] as const) {
        for (let j = offsets[u] ?? 0, end = offsets[u + 1] ?? 0; j < end; j++) {
          const v = neighbours[j] ?? 0;
          if (!seen[v]) {
            seen[v] = 1;
            order[tail++] = v;
          }
        }
      }
    }
  }
  return order;
};

const permute = <T>(values: readonly T[], order: Int32Array): T[] =>
  Array.from(order, (old) => values[old] as T);

/** Turn collected nodes and pending edges into an EntityGraph, relabelling nodes in BFS order. */
const finish = (c: Collector): EntityGraph => {
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
  const first = buildCsr({ nodeCount: n, source, target, edgeCount: m, directed });
  // Locality: ids in BFS order make neighbours close in memory (2–3× on PageRank and BFS).
  const order = bfsOrder(first);
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[order[i] ?? 0] = i;
  for (let e = 0; e < m; e++) {
    source[e] = rank[source[e] ?? 0] ?? 0;
    target[e] = rank[target[e] ?? 0] ?? 0;
  }
  const csr = buildCsr({
    nodeCount: n,
    nodeType: Uint8Array.from(permute(c.types, order)),
    source,
    target,
    edgeCount: m,
    type,
    directed,
    amount,
    time,
    record: Int32Array.from({ length: m }, (_, i) => i),
  });
  const key = permute(c.key, order);
  return {
    csr,
    key,
    caption: permute(c.caption, order),
    schema: permute(c.schema, order),
    datasets: permute(c.datasets, order),
    index: new Map(key.map((k, i) => [k, i])),
    via,
    viaDataset,
  };
};

/**
 * Build the entity graph of `datasets` from the store: every fragment of each dataset in import
 * order, phones read in the region of the dataset's agency. O(statements) plus two CSR builds.
 */
export const loadEntityGraph = async (store: Store, datasets: readonly string[]): Promise<EntityGraph> => {
  const rows = await store.datasets.getMany(datasets);
  const agencies = await store.agencies.getMany([...new Set(rows.map((r) => r.agency_id))]);
  const country = new Map(agencies.map((a) => [a.id, a.country?.toUpperCase()]));
  const c = new Collector();
  for (const row of rows) {
    const region = country.get(row.agency_id);
    const valid = region !== undefined && /^[A-Z]{2}$/.test(region) ? region : undefined;
    for await (const f of store.entities.datasetFragments(row.id)) c.add(f, valid);
  }
  return finish(c);
};
