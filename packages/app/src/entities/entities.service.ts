import { ClewError, mergeStatements, type Actor, type MergedEntity, type Statement } from '@clew/core';
import type { Fragment, Store } from '@clew/store';
import { visibleFragments, type Access, type AccessView } from '../access/access.js';
import type { AuditService } from '../audit/audit.service.js';

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
    private readonly audit: AuditService,
  ) {}

  /** One entity; hidden and missing entities give the same NotFound. */
  async get(actor: Actor, id: string): Promise<EntityView> {
    const access = await this.access.view(actor);
    const [view] = await this.views([id], access);
    if (!view) throw await this.audit.refused(actor, { action: 'read', targets: [id] }, notFound());
    await this.audit.record(actor, { action: 'read', targets: [id] });
    return view;
  }

  /** The statements about an entity that the actor may see, with their provenance. */
  async statements(actor: Actor, id: string): Promise<Statement[]> {
    const access = await this.access.view(actor);
    const fragments = await this.store.entities.fragments([id], access.scope);
    const statements = visibleFragments(access, fragments).flatMap((f) => f.statements);
    if (statements.length === 0)
      throw await this.audit.refused(
        actor,
        { action: 'read', targets: [id], details: { statements: true } },
        notFound(),
      );
    await this.audit.record(actor, {
      action: 'read',
      targets: [id],
      details: { statements: statements.length },
    });
    return statements;
  }

  /** A page of entities of the readable datasets (or one of them), optionally of one schema. */
  async list(actor: Actor, filter: EntityListFilter): Promise<EntityPage> {
    const access = await this.access.view(actor);
    let scope = access.scope;
    if (filter.dataset !== undefined) {
      const only = filter.dataset;
      if (!scope.datasets.includes(only))
        throw new ClewError('NotFound', `no dataset "${only}"`, { field: 'dataset' });
      scope = { ...scope, datasets: [only], partial: scope.partial.filter((d) => d === only) };
    }
    const page = await this.store.entities.list({
      scope,
      schema: filter.schema,
      limit: filter.limit,
      offset: filter.offset,
    });
    const views = await this.views(page.entityIds, access);
    const byId = new Map(views.map((v) => [v.id, v]));
    const results = page.entityIds.map((id) => byId.get(id)).filter((v): v is EntityView => v !== undefined);
    await this.audit.record(actor, {
      action: 'read',
      targets: results.map((r) => r.id),
      details: { list: filter.dataset ?? '*', schema: filter.schema ?? '*', offset: filter.offset },
    });
    return { total: page.total, limit: filter.limit, offset: filter.offset, results };
  }

  private async views(ids: readonly string[], access: AccessView): Promise<EntityView[]> {
    const fragments = visibleFragments(access, await this.store.entities.fragments(ids, access.scope));
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
