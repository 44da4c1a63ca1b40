import { ClewError, mergeStatements, type Actor, type MergedEntity, type Statement } from '@clew/core';
import type { Fragment, Store } from '@clew/store';
import type { Access } from '../access/access.js';

/** An entity as the reader may see it: the merge of visible statements, and where each record came from. */
export interface EntityView extends MergedEntity {
  /** One per dataset that states something about the entity: the id that dataset's file used. */
  records: { dataset: string; originalId: string }[];
}

/** A page of entities. */
export interface EntityPage {
  total: number;
  limit: number;
  offset: number;
  results: EntityView[];
}

/** Filters for listing entities. */
export interface EntityListFilter {
  dataset?: string | undefined;
  schema?: string | undefined;
  limit: number;
  offset: number;
}

const notFound = (): ClewError => new ClewError('NotFound', 'entity not found', { field: 'id' });

/** Reading entities and their statements, filtered by what the actor may see. */
export class EntitiesService {
  constructor(
    private readonly store: Store,
    private readonly access: Access,
  ) {}

  /** One entity; hidden and missing entities give the same NotFound. */
  async get(actor: Actor, id: string): Promise<EntityView> {
    const datasets = await this.access.readableDatasets(actor);
    const [view] = await this.views([id], datasets);
    if (!view) throw notFound();
    return view;
  }

  /** The statements about an entity that the actor may see, with their provenance. */
  async statements(actor: Actor, id: string): Promise<Statement[]> {
    const datasets = await this.access.readableDatasets(actor);
    const statements = (await this.store.entities.fragments([id], datasets)).flatMap((f) => f.statements);
    if (statements.length === 0) throw notFound();
    return statements;
  }

  /** A page of entities of the readable datasets (or one of them), optionally of one schema. */
  async list(actor: Actor, filter: EntityListFilter): Promise<EntityPage> {
    const readable = await this.access.readableDatasets(actor);
    let datasets = readable;
    if (filter.dataset !== undefined) {
      datasets = readable.filter((d) => d === filter.dataset);
      if (datasets.length === 0)
        throw new ClewError('NotFound', `no dataset "${filter.dataset}"`, { field: 'dataset' });
    }
    const page = await this.store.entities.list({
      datasets,
      schema: filter.schema,
      limit: filter.limit,
      offset: filter.offset,
    });
    const views = await this.views(page.entityIds, readable);
    const byId = new Map(views.map((v) => [v.id, v]));
    const results = page.entityIds.map((id) => byId.get(id)).filter((v): v is EntityView => v !== undefined);
    return { total: page.total, limit: filter.limit, offset: filter.offset, results };
  }

  private async views(ids: readonly string[], datasets: readonly string[]): Promise<EntityView[]> {
    const fragments = await this.store.entities.fragments(ids, datasets);
    const byEntity = new Map<string, Fragment[]>();
    for (const f of fragments) {
      const list = byEntity.get(f.entityId);
      if (list) list.push(f);
      else byEntity.set(f.entityId, [f]);
    }
    const out: EntityView[] = [];
    for (const id of new Set(ids)) {
      const list = byEntity.get(id);
      if (!list) continue;
      out.push({
        ...mergeStatements(list.flatMap((f) => f.statements)),
        records: list.map((f) => ({ dataset: f.dataset, originalId: f.originalId })),
      });
    }
    return out;
  }
}
