import { randomUUID } from 'node:crypto';
import { invalid, notFound, type Actor, type ClewError } from '@clew/core';
import { orderedPair, type Store } from '@clew/store';
import type { Access } from '../access/access.js';
import type { AuditService } from '../audit/audit.service.js';
import { actorName } from '../ingest/import-runs.js';
import { components, recluster, sameComponentOf } from './identities.js';
import type { IdentityView, JudgementView, Verdict } from './matching.types.js';
import { visibleEntities } from './visibility.js';

const hidden = (): ClewError => notFound('entity not found', { field: 'id' });

/** Judgements and the resolved identities they form, read and written through the sharing policy. */
export class Judging {
  constructor(
    private readonly store: Store,
    private readonly access: Access,
    private readonly audit: AuditService,
  ) {}

  /**
   * Judge a pair of entities the reader may both see: same, not same or unsure, with a reason. The
   * pair's candidates take the verdict as status (never proposed as new again) and the resolved
   * identities around the two entities are recomputed.
   */
  judge(actor: Actor, a: string, b: string, verdict: Verdict, reason: string): Promise<JudgementView> {
    // The reason is the analyst's free text (it may name people): it stays in the judgement, not the log.
    return this.audit.around(actor, { action: 'judgement', targets: [a, b], details: { verdict } }, () =>
      this.record(actor, a, b, verdict, reason),
    );
  }

  private async record(
    actor: Actor,
    a: string,
    b: string,
    verdict: Verdict,
    reason: string,
  ): Promise<JudgementView> {
    this.access.require(actor, 'matches:judge');
    if (a === b) throw invalid('an entity cannot be judged against itself', { field: 'b' });
    if (reason.trim() === '') throw invalid('a judgement needs a reason', { field: 'reason' });
    const view = await this.access.view(actor);
    const seen = await visibleEntities(this.store, view, [a, b]);
    if (!seen.has(a) || !seen.has(b)) throw hidden();
    const [x, y] = orderedPair(a, b);
    const row = {
      id: randomUUID(),
      entity_a: x,
      entity_b: y,
      verdict,
      actor: actorName(actor),
      agency_id: actor.kind === 'user' ? actor.agencyId : null,
      reason,
      created_at: new Date().toISOString(),
    };
    await this.store.matches.judge(row);
    await recluster(this.store.matches, [x, y]);
    return judgementView(row);
  }

  /** The judgements of a pair the reader may both see, oldest first. */
  judgements(actor: Actor, a: string, b: string): Promise<JudgementView[]> {
    const event = { action: 'read', targets: [a, b], details: { matching: 'judgements' } } as const;
    return this.audit.around(actor, event, async () => {
      const view = await this.access.view(actor);
      const seen = await visibleEntities(this.store, view, [a, b]);
      if (!seen.has(a) || !seen.has(b)) throw hidden();
      return (await this.store.matches.judgementsOf(a, b)).map(judgementView);
    });
  }

  /**
   * The resolved identity of an entity, as the reader may see it: only members the reader may see,
   * joined only through `same` links between such members — a hidden entity never joins two
   * visible ones, exactly as if it did not exist.
   */
  identity(actor: Actor, entityId: string): Promise<IdentityView> {
    const event = { action: 'read', targets: [entityId], details: { matching: 'identity' } } as const;
    return this.audit.around(actor, event, () => this.visibleIdentity(actor, entityId));
  }

  private async visibleIdentity(actor: Actor, entityId: string): Promise<IdentityView> {
    const view = await this.access.view(actor);
    const { ids, edges } = await sameComponentOf(this.store.matches, [entityId]);
    const entities = await visibleEntities(this.store, view, ids);
    if (!entities.has(entityId)) throw hidden();
    const visibleEdges = edges.filter((e) => entities.has(e.entity_a) && entities.has(e.entity_b));
    const group = components(
      [...entities.keys()],
      visibleEdges.map((e) => [e.entity_a, e.entity_b] as const),
    ).find((g) => g.includes(entityId)) ?? [entityId];
    const members = new Set(group);
    const links: JudgementView[] = [];
    for (const e of visibleEdges.filter((v) => members.has(v.entity_a))) {
      const current = (await this.store.matches.judgementsOf(e.entity_a, e.entity_b)).find(
        (j) => j.id === e.judgement_id,
      );
      if (current) links.push(judgementView(current));
    }
    return {
      entity: entityId,
      members: group.flatMap((id) => {
        const e = entities.get(id);
        return e ? [{ id, schema: e.schema, caption: e.caption, datasets: e.datasets }] : [];
      }),
      links,
    };
  }
}

const judgementView = (j: {
  id: string;
  entity_a: string;
  entity_b: string;
  verdict: string;
  actor: string;
  agency_id: string | null;
  reason: string;
  created_at: string;
}): JudgementView => ({
  id: j.id,
  a: j.entity_a,
  b: j.entity_b,
  verdict: j.verdict as Verdict,
  actor: j.actor,
  agency: j.agency_id,
  reason: j.reason,
  at: j.created_at,
});
