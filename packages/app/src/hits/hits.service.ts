import {
  actorLabel,
  ClewError,
  invalid,
  may,
  parseHandling,
  tlpMayLeaveAgency,
  type Actor,
  type HandlingCode,
  type Statement,
} from '@clew/core';
import { SYSTEM_AGENCY, type CrossAgencyCandidate, type HitRow, type Store } from '@clew/store';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AuditService } from '../audit/audit.service.js';

/** Candidates from this score raise hit notices between agencies. */
export const HIT_THRESHOLD = 0.5;

/** A released statement as the asker receives it: the owner's value under the owner's chosen handling. */
export interface ReleasedStatement {
  prop: string;
  value: string;
  handling: HandlingCode;
  handlingConditions: string | null;
  source: string;
  grading: string;
}

/** Where a notice stands. */
export type HitStatus = 'open' | 'released' | 'declined';

const statusOf = (s: string): HitStatus => (s === 'released' || s === 'declined' ? s : 'open');

/** A hit notice as one side sees it. */
export interface HitView {
  id: string;
  reference: string;
  /** `asker`: your record matched another agency's you may not see; `owner`: another agency's record matched yours. */
  side: 'asker' | 'owner';
  status: HitStatus;
  score: number;
  createdAt: string;
  ageHours: number;
  dueAt: string | null;
  overdue: boolean;
  /** Your own record in the match. */
  yourEntity: string;
  /** The other agency: its id, never more. */
  otherAgency: string;
  /** Owner side: the asker's record, only its statements that may leave the asker's agency. */
  theirRecord: { prop: string; value: string }[] | null;
  /** Asker side, once released: what the owner released. */
  released: ReleasedStatement[] | null;
  declineReason: string | null;
  respondedAt: string | null;
}

const reference = (): string => {
  const s = randomBytes(5).readUIntBE(0, 5).toString(36).toUpperCase().padStart(8, '0');
  return `HIT-${s.slice(0, 4)}-${s.slice(4, 8)}`;
};

/** Which side of a notice a reader is on (the operator reads as the owner). */
const sideOf = (row: HitRow, agency: string | undefined): 'asker' | 'owner' =>
  agency === undefined || row.owner_agency === agency ? 'owner' : 'asker';

const recordKey = (dataset: string, entity: string): string => `${dataset}\u0000${entity}`;

const notFound = (): ClewError => new ClewError('NotFound', 'hit not found', { field: 'id' });

const hoursBetween = (from: string, to: Date): number =>
  Math.max(0, Math.floor((to.getTime() - Date.parse(from)) / 3_600_000));

/**
 * Hit/no-hit between agencies. After each import (and on `sync`), every candidate match joining the
 * imported dataset's record to another agency's record that the importer may not see becomes a
 * notice: the importing agency asks, the other owns. The asker
 * learns that there is a match, its strength and the owner — nothing of the owner's data — until the
 * owner releases chosen statements under its own handling code, or declines with a reason. Each
 * notice, release and decline is kept and audited; open notices show their age and the owner's deadline.
 */
export class HitsService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
  ) {}

  /**
   * Raise notices for the candidates of a dataset that has just been loaded (or re-matched): its
   * agency is the asker, the other record's agency the owner. Returns how many notices are new.
   */
  async sync(dataset: string, now = new Date()): Promise<number> {
    const sharings = new Map(
      (await this.store.sharing.datasetSharings()).map((d) => [d.dataset, d.sharedWith]),
    );
    const sees = (agency: string, dataset: string, open: number): boolean =>
      open === 1 && (sharings.get(dataset) ?? []).includes(agency);
    const rows = [];
    const hours = new Map<string, number | null>();
    const dueFor = async (owner: string): Promise<string | null> => {
      if (!hours.has(owner)) hours.set(owner, await this.store.hits.responseHours(owner));
      const h = hours.get(owner) ?? null;
      return h === null ? null : new Date(now.getTime() + h * 3_600_000).toISOString();
    };
    const notice = async (c: CrossAgencyCandidate, askerIsA: boolean) => ({
      id: randomUUID(),
      reference: reference(),
      asker_agency: askerIsA ? c.agency_a : c.agency_b,
      asker_dataset: askerIsA ? c.dataset_a : c.dataset_b,
      asker_entity: askerIsA ? c.entity_a : c.entity_b,
      owner_agency: askerIsA ? c.agency_b : c.agency_a,
      owner_dataset: askerIsA ? c.dataset_b : c.dataset_a,
      owner_entity: askerIsA ? c.entity_b : c.entity_a,
      score: c.score,
      status: 'open',
      created_at: now.toISOString(),
      due_at: await dueFor(askerIsA ? c.agency_b : c.agency_a),
      responded_at: null,
      responded_by: null,
      decline_reason: null,
      released_statements: null,
      released_handling: null,
      released_conditions: null,
    });
    for (const c of await this.store.hits.crossAgencyCandidates(dataset, HIT_THRESHOLD)) {
      if (c.dataset_a === dataset && !sees(c.agency_a, c.dataset_b, c.open_b))
        rows.push(await notice(c, true));
      if (c.dataset_b === dataset && !sees(c.agency_b, c.dataset_a, c.open_a))
        rows.push(await notice(c, false));
    }
    return this.store.hits.insert(rows);
  }

  /** The notices of the actor's agency (every notice for the operator), newest first. */
  async list(actor: Actor, filter: { status?: string | undefined; limit: number }): Promise<HitView[]> {
    const agency = this.agencyOf(actor);
    const rows = await this.store.hits.list({ agency, status: filter.status, limit: filter.limit });
    await this.audit.record(actor, {
      action: 'read',
      targets: rows.map((r) => r.reference),
      details: { hits: 'list' },
    });
    const records = await this.recordsFor(rows, agency);
    return rows.map((r) => this.view(r, agency, records));
  }

  /** One notice of the actor's agency; any other does not exist for the actor. */
  async get(actor: Actor, id: string): Promise<HitView> {
    const row = await this.visible(actor, id);
    await this.audit.record(actor, { action: 'read', targets: [row.reference], details: { hits: 'get' } });
    const agency = this.agencyOf(actor);
    return this.view(row, agency, await this.recordsFor([row], agency));
  }

  /** The owner releases its record to the asker: all statements, or the chosen ids, under its handling code. */
  async release(
    actor: Actor,
    id: string,
    input: { statements?: readonly string[] | undefined; handling: string; conditions?: string | undefined },
  ): Promise<HitView> {
    const row = await this.answerable(actor, id);
    const handling = parseHandling(input.handling);
    if (handling === 'H3' && !input.conditions?.trim())
      throw invalid('handling code H3 needs its conditions', { field: 'conditions' });
    const own = await this.ownerStatements(row);
    const unknown = (input.statements ?? []).filter((s) => !own.some((st) => st.id === s));
    if (unknown.length > 0)
      throw invalid(`not a statement of the record: ${unknown.join(', ')}`, { field: 'statements' });
    const ok = await this.store.hits.answer(row.id, {
      status: 'released',
      responded_at: new Date().toISOString(),
      responded_by: actorLabel(actor),
      released_statements: input.statements === undefined ? null : JSON.stringify(input.statements),
      released_handling: handling,
      released_conditions: handling === 'H3' ? (input.conditions ?? null) : null,
    });
    if (!ok) throw new ClewError('Conflict', `hit ${row.reference} was answered already`);
    await this.audit.record(actor, {
      action: 'release',
      targets: [row.reference, row.owner_entity],
      details: { to: row.asker_agency, statements: input.statements?.length ?? 'all', handling },
    });
    return this.get(actor, id);
  }

  /** The owner declines, with a reason the asker reads. */
  async decline(actor: Actor, id: string, reason: string): Promise<HitView> {
    const row = await this.answerable(actor, id);
    if (!reason.trim()) throw invalid('say why the hit is declined', { field: 'reason' });
    const ok = await this.store.hits.answer(row.id, {
      status: 'declined',
      responded_at: new Date().toISOString(),
      responded_by: actorLabel(actor),
      decline_reason: reason.trim(),
    });
    if (!ok) throw new ClewError('Conflict', `hit ${row.reference} was answered already`);
    await this.audit.record(actor, {
      action: 'decline',
      targets: [row.reference],
      details: { to: row.asker_agency },
    });
    return this.get(actor, id);
  }

  /** Set how many hours the actor's agency gives itself to answer notices (null: no deadline). */
  async setDeadline(actor: Actor, agency: string, hours: number | null): Promise<void> {
    const own = actor.kind === 'user' && actor.agencyId === agency && may(actor, 'datasets:manage');
    if (!own && !may(actor, 'hub:manage'))
      throw new ClewError('Forbidden', 'only the agency’s managers set its deadline');
    if (hours !== null && !(Number.isInteger(hours) && hours >= 1 && hours <= 24 * 90))
      throw invalid('a deadline is 1 to 2160 hours', { field: 'hours' });
    if ((await this.store.agencies.getMany([agency])).length === 0)
      throw new ClewError('NotFound', `no agency "${agency}"`, { field: 'agency' });
    await this.store.hits.setResponseHours(agency, hours);
    await this.audit.record(actor, {
      action: 'admin',
      targets: [agency],
      details: { operation: 'hit-deadline', hours },
    });
  }

  private agencyOf(actor: Actor): string | undefined {
    if (actor.kind === 'user') {
      if (!may(actor, 'data:read') && !may(actor, 'hits:respond'))
        throw new ClewError('Forbidden', 'your roles do not allow hits');
      return actor.agencyId;
    }
    if (actor.kind === 'anonymous') throw new ClewError('Unauthenticated', 'sign in first');
    return undefined;
  }

  private async visible(actor: Actor, id: string): Promise<HitRow> {
    const agency = this.agencyOf(actor);
    const row = await this.store.hits.byId(id);
    if (!row || (agency !== undefined && row.asker_agency !== agency && row.owner_agency !== agency))
      throw notFound();
    return row;
  }

  private async answerable(actor: Actor, id: string): Promise<HitRow> {
    const row = await this.visible(actor, id);
    if (actor.kind === 'user' && (row.owner_agency !== actor.agencyId || !may(actor, 'hits:respond')))
      throw new ClewError('Forbidden', 'only the owning agency’s investigators answer a hit');
    return row;
  }

  private async ownerStatements(row: HitRow): Promise<Statement[]> {
    return (
      (await this.records([{ dataset: row.owner_dataset, entity: row.owner_entity }])).get(
        recordKey(row.owner_dataset, row.owner_entity),
      ) ?? []
    );
  }

  /** The statements of these records, read as the hub in one query, by `recordKey`. */
  private async records(
    wanted: readonly { dataset: string; entity: string }[],
  ): Promise<Map<string, Statement[]>> {
    const scope = {
      agency: SYSTEM_AGENCY,
      datasets: [...new Set(wanted.map((w) => w.dataset))],
      partial: [],
    };
    const ids = [...new Set(wanted.map((w) => w.entity))];
    const out = new Map<string, Statement[]>();
    for (const f of await this.store.entities.fragments(ids, scope)) {
      const key = recordKey(f.dataset, f.entityId);
      out.set(key, [...(out.get(key) ?? []), ...f.statements]);
    }
    return out;
  }

  /** The record each notice shows its reader: the asker's to the owner, the owner's to the asker once released. */
  private recordsFor(rows: readonly HitRow[], agency: string | undefined): Promise<Map<string, Statement[]>> {
    const wanted = rows.flatMap((r) =>
      sideOf(r, agency) === 'owner'
        ? [{ dataset: r.asker_dataset, entity: r.asker_entity }]
        : r.status === 'released'
          ? [{ dataset: r.owner_dataset, entity: r.owner_entity }]
          : [],
    );
    return this.records(wanted);
  }

  private view(row: HitRow, agency: string | undefined, records: ReadonlyMap<string, Statement[]>): HitView {
    const side = sideOf(row, agency);
    const now = new Date();
    let theirRecord: HitView['theirRecord'] = null;
    let released: HitView['released'] = null;
    if (side === 'owner') {
      theirRecord = (records.get(recordKey(row.asker_dataset, row.asker_entity)) ?? [])
        .filter((s) => tlpMayLeaveAgency(s.tlp))
        .map((s) => ({ prop: s.prop, value: s.value }));
    } else if (row.status === 'released') {
      const chosen =
        row.released_statements === null ? null : new Set(JSON.parse(row.released_statements) as string[]);
      const handling = parseHandling(row.released_handling ?? 'H0');
      released = (records.get(recordKey(row.owner_dataset, row.owner_entity)) ?? [])
        .filter((s) => chosen === null || chosen.has(s.id))
        .map((s) => ({
          prop: s.prop,
          value: s.value,
          handling,
          handlingConditions: row.released_conditions,
          source: s.source,
          grading: `${s.sourceReliability}${s.infoAssessment}`,
        }));
    }
    return {
      id: row.id,
      reference: row.reference,
      side,
      status: statusOf(row.status),
      score: row.score,
      createdAt: row.created_at,
      ageHours: hoursBetween(row.created_at, now),
      dueAt: row.due_at,
      overdue: row.status === 'open' && row.due_at !== null && row.due_at < now.toISOString(),
      yourEntity: side === 'asker' ? row.asker_entity : row.owner_entity,
      otherAgency: side === 'asker' ? row.owner_agency : row.asker_agency,
      theirRecord,
      released,
      declineReason: row.decline_reason,
      respondedAt: row.responded_at,
    };
  }
}
