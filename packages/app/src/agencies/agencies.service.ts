import { conflict, ftmModel, invalid, type Actor, ClewError } from '@clew/core';
import type { Store } from '@clew/store';
import type { Access } from '../access/access.js';
import type { AuditService } from '../audit/audit.service.js';
import { SLUG_RE } from '../slug.js';

/** The kinds of agency a hub serves. */
export const AGENCY_KINDS = ['police', 'border', 'fiu', 'ngo', 'international', 'other'] as const;
/** One of AGENCY_KINDS. */
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** An agency as services present it. */
export interface Agency {
  id: string;
  name: string;
  kind: AgencyKind;
  /** ISO 3166 alpha-2 code, lower case (as FollowTheMoney writes countries), or null for international bodies. */
  country: string | null;
  createdAt: string;
}

/** What it takes to create an agency. */
export interface NewAgency {
  id: string;
  name: string;
  kind: AgencyKind;
  country?: string | null | undefined;
}

const COUNTRIES = new Set(ftmModel.getType('country').values.keys());

/** Agencies: the tenants of the hub. */
export class AgenciesService {
  constructor(
    private readonly store: Store,
    private readonly access: Access,
    private readonly audit: AuditService,
  ) {}

  /** Every agency (agency names are not secret: a hit notice names the owner). */
  async list(_actor: Actor): Promise<Agency[]> {
    return (await this.store.agencies.list()).map(present);
  }

  /** One agency, or NotFound. */
  async get(_actor: Actor, id: string): Promise<Agency> {
    const [row] = await this.store.agencies.getMany([id]);
    if (!row) throw new ClewError('NotFound', `no agency "${id}"`, { field: 'agency' });
    return present(row);
  }

  /** Delete agencies that own no dataset (administrators only); returns the ids deleted. */
  async purge(actor: Actor, ids: readonly string[]): Promise<string[]> {
    if (!this.access.canAdminister(actor))
      throw await this.audit.refused(
        actor,
        { action: 'admin', targets: ids, details: { operation: 'purge-agencies' } },
        new ClewError('Forbidden', 'only administrators delete agencies'),
      );
    await this.audit.record(actor, {
      action: 'admin',
      targets: ids,
      details: { operation: 'purge-agencies' },
    });
    return this.access.changing(() => this.store.agencies.purge(ids));
  }

  /** Create an agency; its id must be a new slug. */
  async create(actor: Actor, input: NewAgency): Promise<Agency> {
    if (!this.access.canAdminister(actor))
      throw await this.audit.refused(
        actor,
        { action: 'admin', targets: [input.id], details: { operation: 'create-agency' } },
        new ClewError('Forbidden', 'only administrators create agencies'),
      );
    if (!SLUG_RE.test(input.id)) {
      throw invalid(`agency id "${input.id}" must be 2-64 lower-case letters, digits, "-" or "_"`, {
        field: 'id',
      });
    }
    if (!input.name.trim()) throw invalid('agency name is empty', { field: 'name' });
    const country = input.country ? input.country.trim().toLowerCase() : null;
    if (country !== null && !COUNTRIES.has(country)) {
      throw invalid(`"${input.country ?? ''}" is not a country code`, { field: 'country' });
    }
    const row = {
      id: input.id,
      name: input.name.trim(),
      kind: input.kind,
      country,
      created_at: new Date().toISOString(),
    };
    if (!(await this.store.agencies.insert(row)))
      throw conflict(`agency "${input.id}" already exists`, { field: 'id' });
    await this.audit.record(actor, {
      action: 'admin',
      targets: [input.id],
      details: { operation: 'create-agency' },
    });
    return present(row);
  }
}

const present = (r: {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  created_at: string;
}): Agency => ({
  id: r.id,
  name: r.name,
  kind: r.kind as AgencyKind,
  country: r.country,
  createdAt: r.created_at,
});
