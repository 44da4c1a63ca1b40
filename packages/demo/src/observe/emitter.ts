import type { FtmJson } from '@clew/core';
import { AGENCIES, type Agency, type AgencyId, type FullMarking } from '../agencies/agencies.js';
import { NATIVE_TABLES, type Cell, type Extra, type NativeTable } from '../agencies/native-tables.js';
import type { TruthTable } from '../truth/truth.js';

/** One FtM entity of one agency, with the truth cluster it belongs to (its row of truth/records.csv). */
export interface EntityRecord {
  type: 'entity';
  agency: AgencyId;
  cluster: string;
  entity: FtmJson;
}

/** One row of an agency's native export. */
export interface RowRecord {
  type: 'row';
  table: NativeTable;
  cells: Cell[];
}

/** One row of a truth table. */
export interface TruthRecord {
  type: 'truth';
  table: TruthTable;
  cells: (string | number)[];
}

/** Emitted after each group: how far the world is. */
export interface ProgressRecord {
  type: 'progress';
  groupsDone: number;
  groupsTotal: number;
  people: number;
}

/** What the world stream yields. */
export type WorldRecord = EntityRecord | RowRecord | TruthRecord | ProgressRecord;

/** Property values as the observers give them: undefined and empty values are dropped. */
export type PropsIn = Readonly<Record<string, string | readonly (string | undefined)[] | undefined>>;

const tablesBy = new Map<AgencyId, Map<string, NativeTable[]>>();
for (const t of NATIVE_TABLES) {
  const bySchema = tablesBy.get(t.agency) ?? new Map<string, NativeTable[]>();
  bySchema.set(t.schema, [...(bySchema.get(t.schema) ?? []), t]);
  tablesBy.set(t.agency, bySchema);
}

/** The FtM file of an agency, relative to the output directory. */
export const ftmPath = (a: AgencyId): string => `${a}/entities.ftm.jsonl`;

/**
 * Collects the records of one group: gives agency record ids, builds FtM entities with their
 * markings and derives native rows. Ids count on across groups.
 */
export class Emitter {
  /** Records waiting to be yielded (the current group's). */
  out: WorldRecord[] = [];
  private readonly seq = new Map<string, number>();
  private seen = new Map<string, string>();

  /** Forget which people and things were recorded: called at the start of each group. */
  newGroup(): void {
    this.seen = new Map();
  }

  /** The id this agency's record of a cluster got in this group, if any. */
  recordOf(agency: AgencyId, cluster: string): string | undefined {
    return this.seen.get(`${agency}|${cluster}`);
  }

  /** Remember an agency's record of a cluster (first one wins). */
  remember(agency: AgencyId, cluster: string, id: string): void {
    const key = `${agency}|${cluster}`;
    if (!this.seen.has(key)) this.seen.set(key, id);
  }

  /** A new record id for an agency: its prefix, a schema code, a counter. */
  nextId(a: Agency, code: string): string {
    const key = `${a.id}:${code}`;
    const n = (this.seq.get(key) ?? 0) + 1;
    this.seq.set(key, n);
    return `${a.abbr}-${code}${String(n).padStart(7, '0')}`;
  }

  /** Emit one entity (and its native rows and truth row); returns its id. An empty cluster means "its own". */
  emit(
    a: Agency,
    schema: string,
    code: string,
    cluster: string,
    props: PropsIn,
    marking: FullMarking,
    extra: Extra = {},
  ): string {
    const id = this.nextId(a, code);
    // A thing only one record can be about (a call, a message) is its own cluster.
    if (cluster === '') cluster = id;
    const properties: Record<string, string[]> = {};
    for (const k in props) {
      const raw = props[k];
      if (raw === undefined || raw === '') continue;
      if (typeof raw === 'string') {
        properties[k] = [raw];
        continue;
      }
      const clean: string[] = [];
      for (const value of raw)
        if (value !== undefined && value !== '' && !clean.includes(value)) clean.push(value);
      if (clean.length > 0) properties[k] = clean;
    }
    this.out.push({
      type: 'entity',
      agency: a.id,
      cluster,
      entity: { id, schema, properties, clew: { marking } },
    });
    const tables = tablesBy.get(a.id)?.get(schema);
    if (tables) {
      const x = { case: marking.source, ...extra, id };
      for (const table of tables) {
        const cells = table.row(properties, x);
        if (cells) this.out.push({ type: 'row', table, cells });
      }
    }
    this.remember(a.id, cluster, id);
    return id;
  }

  /** Add a truth row. */
  truth(table: TruthTable, cells: (string | number)[]): void {
    this.out.push({ type: 'truth', table, cells });
  }
}

/** Every agency, by id. */
export const AGENCY_BY_ID: ReadonlyMap<AgencyId, Agency> = new Map(AGENCIES.map((a) => [a.id, a]));
