import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../schema.js';
import type { HitsTable } from '../schema/hits.js';
import type { MatchCandidateRow } from './matches.repo.js';

export type HitRow = Selectable<HitsTable>;

/** A candidate between two agencies' records, as the hit exchange reads it. */
export type CrossAgencyCandidate = Pick<
  MatchCandidateRow,
  | 'entity_a'
  | 'dataset_a'
  | 'agency_a'
  | 'open_a'
  | 'entity_b'
  | 'dataset_b'
  | 'agency_b'
  | 'open_b'
  | 'score'
>;

/** Hit notices and agencies' answer deadlines. */
export class HitsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Candidates joining a record of this dataset to another agency's, from `minScore`. */
  async crossAgencyCandidates(dataset: string, minScore: number): Promise<CrossAgencyCandidate[]> {
    return this.db
      .selectFrom('match_candidates')
      .select([
        'entity_a',
        'dataset_a',
        'agency_a',
        'open_a',
        'entity_b',
        'dataset_b',
        'agency_b',
        'open_b',
        'score',
      ])
      .where((eb) => eb.or([eb('dataset_a', '=', dataset), eb('dataset_b', '=', dataset)]))
      .whereRef('agency_a', '<>', 'agency_b')
      .where('score', '>=', minScore)
      .where('status', '<>', 'not-same')
      .execute();
  }

  /** Insert notices; one already recorded for the same pair and direction is kept. Returns how many are new. */
  async insert(rows: readonly Insertable<HitsTable>[]): Promise<number> {
    let n = 0;
    for (const row of rows) {
      const res = await this.db
        .insertInto('hits')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['asker_dataset', 'asker_entity', 'owner_dataset', 'owner_entity']).doNothing(),
        )
        .executeTakeFirst();
      n += Number(res.numInsertedOrUpdatedRows ?? 0);
    }
    return n;
  }

  async byId(id: string): Promise<HitRow | undefined> {
    return this.db.selectFrom('hits').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Notices where the agency asks or owns (every notice for `undefined`), newest first. */
  async list(q: {
    agency?: string | undefined;
    status?: string | undefined;
    limit: number;
  }): Promise<HitRow[]> {
    let base = this.db.selectFrom('hits').selectAll();
    const agency = q.agency;
    if (agency !== undefined)
      base = base.where((eb) => eb.or([eb('asker_agency', '=', agency), eb('owner_agency', '=', agency)]));
    if (q.status !== undefined) base = base.where('status', '=', q.status);
    return base.orderBy('created_at', 'desc').orderBy('id').limit(q.limit).execute();
  }

  /** Answer an open notice; false when it was answered already. */
  async answer(id: string, set: Updateable<HitsTable>): Promise<boolean> {
    const res = await this.db
      .updateTable('hits')
      .set(set)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async responseHours(agency: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('agency_settings')
      .select('hit_response_hours')
      .where('agency_id', '=', agency)
      .executeTakeFirst();
    return row?.hit_response_hours ?? null;
  }

  async setResponseHours(agency: string, hours: number | null): Promise<void> {
    await this.db
      .insertInto('agency_settings')
      .values({ agency_id: agency, hit_response_hours: hours })
      .onConflict((oc) => oc.column('agency_id').doUpdateSet({ hit_response_hours: hours }))
      .execute();
  }
}
