import {
  ClewError,
  DEFAULT_MARKING,
  conflict,
  invalid,
  namespaceKey,
  resolveMarking,
  type Actor,
  type Marking,
  type MarkingOverride,
} from '@clew/core';
import { defaultsFromRow, type DatasetRow, type Store } from '@clew/store';
import type { Access } from '../access/access.js';
import type { AuditService } from '../audit/audit.service.js';
import { SLUG_RE } from '../slug.js';

/** A dataset as services present it. */
export interface Dataset {
  name: string;
  agency: string;
  label: string;
  /** The marking statements get unless they say otherwise. */
  defaults: Marking;
  createdAt: string;
}

/** What it takes to create a dataset. */
export interface NewDataset {
  name: string;
  agency: string;
  label?: string | undefined;
  defaults?: MarkingOverride | undefined;
}

/** Entity counts of a dataset, by schema. */
export interface DatasetStats {
  dataset: string;
  total: number;
  bySchema: Record<string, number>;
}

/** A dataset with what writing into it needs. */
export interface WritableDataset extends Dataset {
  namespaceKey: string;
}

/** Datasets: collections of entities owned by one agency. */
export class DatasetsService {
  constructor(
    private readonly store: Store,
    private readonly access: Access,
    private readonly hubId: string,
    private readonly audit: AuditService,
  ) {}

  /** The datasets the actor may read, optionally of one agency. */
  async list(actor: Actor, agency?: string): Promise<Dataset[]> {
    const readable = new Set(await this.access.readableDatasets(actor));
    return (await this.store.datasets.list(agency)).filter((d) => readable.has(d.id)).map(present);
  }

  /** One dataset the actor may read; a hidden dataset is NotFound, exactly like a missing one. */
  async get(actor: Actor, name: string): Promise<Dataset> {
    const [visible] = await this.access.filterDatasets(actor, [name]);
    const [row] = visible ? await this.store.datasets.getMany([visible]) : [];
    if (!row) throw notFound(name);
    return present(row);
  }

  /** A dataset the actor may write into, with its namespace key. */
  async forWriting(actor: Actor, name: string): Promise<WritableDataset> {
    const dataset = await this.get(actor, name);
    if (!(await this.access.canWrite(actor, name))) throw notFound(name);
    return { ...dataset, namespaceKey: namespaceKey(this.hubId, name) };
  }

  /** Create a dataset owned by an existing agency (hub administrators, or the agency's dataset managers). */
  async create(actor: Actor, input: NewDataset): Promise<Dataset> {
    const ownAgency = actor.kind === 'user' && actor.agencyId === input.agency;
    if (!this.access.canAdminister(actor) && !(ownAgency && this.access.may(actor, 'datasets:manage')))
      throw await this.audit.refused(
        actor,
        { action: 'admin', targets: [input.name], details: { operation: 'create-dataset' } },
        new ClewError('Forbidden', 'only administrators and dataset managers of the agency create datasets'),
      );
    if (!SLUG_RE.test(input.name)) {
      throw invalid(`dataset name "${input.name}" must be 2-64 lower-case letters, digits, "-" or "_"`, {
        field: 'name',
      });
    }
    const [agency] = await this.store.agencies.getMany([input.agency]);
    if (!agency) throw new ClewError('NotFound', `no agency "${input.agency}"`, { field: 'agency' });
    const d = resolveMarking(DEFAULT_MARKING, input.defaults);
    const row: DatasetRow = {
      id: input.name,
      agency_id: input.agency,
      label: input.label?.trim() || input.name,
      default_source: d.source,
      default_collected: d.collected,
      default_source_reliability: d.sourceReliability,
      default_info_assessment: d.infoAssessment,
      default_handling: d.handling,
      default_handling_conditions: d.handlingConditions,
      default_tlp: d.tlp,
      created_at: new Date().toISOString(),
    };
    if (!(await this.access.changing(() => this.store.datasets.insert(row))))
      throw conflict(`dataset "${input.name}" already exists`, { field: 'name' });
    await this.audit.record(actor, {
      action: 'admin',
      targets: [input.name],
      details: { operation: 'create-dataset' },
    });
    return present(row);
  }

  /** Delete datasets and all their data (administrators only); unknown names are ignored. */
  async purge(actor: Actor, names: readonly string[]): Promise<void> {
    if (!this.access.canAdminister(actor))
      throw await this.audit.refused(
        actor,
        { action: 'admin', targets: names, details: { operation: 'purge-datasets' } },
        new ClewError('Forbidden', 'only administrators delete datasets'),
      );
    await this.audit.record(actor, {
      action: 'admin',
      targets: names,
      details: { operation: 'purge-datasets' },
    });
    await this.access.changing(() => this.store.datasets.purge(names));
  }

  /** Entity counts by schema for the datasets the actor may read (all of them, or the one named). */
  async stats(actor: Actor, name?: string): Promise<DatasetStats[]> {
    const { scope } = await this.access.view(actor);
    const datasets = name === undefined ? scope.datasets : [(await this.get(actor, name)).name];
    const out = new Map<string, DatasetStats>(
      datasets.map((d) => [d, { dataset: d, total: 0, bySchema: {} }]),
    );
    const partial = scope.partial.filter((d) => datasets.includes(d));
    for (const c of await this.store.entities.countsBySchema({ agency: scope.agency, datasets, partial })) {
      const s = out.get(c.dataset);
      if (!s) continue;
      s.bySchema[c.schema] = c.count;
      s.total += c.count;
    }
    await this.audit.record(actor, { action: 'read', targets: datasets, details: { stats: true } });
    return [...out.values()];
  }
}

const notFound = (name: string): ClewError =>
  new ClewError('NotFound', `no dataset "${name}"`, { field: 'dataset' });

const present = (r: DatasetRow): Dataset => ({
  name: r.id,
  agency: r.agency_id,
  label: r.label,
  defaults: defaultsFromRow(r),
  createdAt: r.created_at,
});
