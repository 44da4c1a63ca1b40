import { unavailable } from '@clew/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Facts about the hub: its id (a random value fixed at creation; it keys entity namespaces). */
export class HubRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** The hub's id, created on first call with the generator (without one, a missing id is an error). */
  async hubId(generate?: () => string): Promise<string> {
    const row = await this.db
      .selectFrom('clew_meta')
      .select('value')
      .where('key', '=', 'hub_id')
      .executeTakeFirst();
    if (row) return row.value;
    if (!generate) throw unavailable('this database has no hub id yet: start the hub once to initialise it');
    const id = generate();
    await this.db.insertInto('clew_meta').values({ key: 'hub_id', value: id }).execute();
    return id;
  }
}
