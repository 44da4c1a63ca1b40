import type { Actor } from '../actor.js';
import { ClewError } from '../errors.js';
import type { HandlingCode, Marking, Tlp } from '../markings/markings.js';
import { permissionsOf, type Permission } from './roles.js';

/**
 * The sharing policy: pure functions from (who, what is shared with whom, markings) to what may be
 * seen and done. The app computes a `View` once per request and every read path filters through it.
 *
 * Rules:
 * - an agency sees its own datasets whole (RED and AMBER+STRICT included: they never leave it);
 * - another agency's dataset is visible only if the owner shares it with the reader's agency (directly
 *   or through a group), and then only its statements whose TLP may leave the owning agency;
 * - H2 statements may not be passed on by a receiver; H1 statements may not go to court without
 *   permission; H3 conditions travel with the data (see `handlingFlags`);
 * - the hub operator (CLI on the hub machine) and the system see everything; anonymous sees nothing.
 */

/** A dataset as the policy needs it: its owner and the agencies it is shared with. */
export interface DatasetSharing {
  dataset: string;
  owner: string;
  /** Agencies the owner shares the dataset with (groups already expanded). */
  sharedWith: readonly string[];
}

/** TLP levels that never leave the owning agency. */
export const TLP_KEPT_IN_AGENCY: readonly Tlp[] = ['RED', 'AMBER+STRICT'];

/** Whether a statement of this TLP may be seen outside the agency that owns it. */
export const tlpMayLeaveAgency = (tlp: string): boolean =>
  !(TLP_KEPT_IN_AGENCY as readonly string[]).includes(tlp);

/** The permissions of a user actor: its roles', narrowed to its token's scopes when it has any. */
const userPermissions = (actor: Extract<Actor, { kind: 'user' }>): Set<Permission> => {
  const granted = permissionsOf(actor.roles);
  if (actor.scopes === undefined) return granted;
  const scopes = new Set(actor.scopes);
  return new Set([...granted].filter((p) => scopes.has(p)));
};

/** What one actor may read: the datasets, and for each whether it is the actor's own. */
export interface View {
  /** Every dataset the actor may read something of, own first. */
  readonly datasets: readonly string[];
  /** Datasets the actor sees whole (its agency's own; every dataset for the operator and system). */
  readonly whole: ReadonlySet<string>;
  /** Whether a statement of `dataset` with this marking may be seen. */
  readonly sees: (dataset: string, marking: Pick<Marking, 'tlp'>) => boolean;
}

const NOTHING: View = { datasets: [], whole: new Set(), sees: () => false };

/** The view of an actor over the hub's datasets. */
export const viewOf = (actor: Actor, datasets: readonly DatasetSharing[]): View => {
  switch (actor.kind) {
    case 'system':
    case 'operator': {
      const all = datasets.map((d) => d.dataset);
      return { datasets: all, whole: new Set(all), sees: () => true };
    }
    case 'anonymous':
      return NOTHING;
    case 'user': {
      if (!userPermissions(actor).has('data:read')) return NOTHING;
      const own = datasets.filter((d) => d.owner === actor.agencyId).map((d) => d.dataset);
      const shared = datasets
        .filter((d) => d.owner !== actor.agencyId && d.sharedWith.includes(actor.agencyId))
        .map((d) => d.dataset);
      const whole = new Set(own);
      const readable = new Set([...own, ...shared]);
      return {
        datasets: [...own, ...shared],
        whole,
        sees: (dataset, marking) =>
          whole.has(dataset) || (readable.has(dataset) && tlpMayLeaveAgency(marking.tlp)),
      };
    }
  }
};

/** Keep the statements the view may see; null when none is left (the item does not exist for the reader). */
export const visibleStatements = <S extends { dataset: string } & Pick<Marking, 'tlp'>>(
  view: View,
  statements: readonly S[],
): S[] => statements.filter((s) => view.sees(s.dataset, s));

/** Whether the actor holds a permission. The operator and system hold every one; anonymous none. */
export const may = (actor: Actor, permission: Permission): boolean => {
  switch (actor.kind) {
    case 'system':
    case 'operator':
      return true;
    case 'anonymous':
      return false;
    case 'user':
      return userPermissions(actor).has(permission);
  }
};

/** Throw Forbidden (or Unauthenticated for anonymous) unless the actor holds the permission. */
export const requirePermission = (actor: Actor, permission: Permission): void => {
  if (may(actor, permission)) return;
  if (actor.kind === 'anonymous') throw new ClewError('Unauthenticated', 'sign in first');
  throw new ClewError('Forbidden', `your roles do not allow ${permission}`);
};

/** What the handling code of a statement means wherever it is shown or used. */
export interface HandlingFlags {
  /** H1: not for use in court without the owner's permission (blocks court exports). */
  notForCourt: boolean;
  /** H2: the receiver may not pass it on (no release, no onward export to another agency). */
  noOnwardSharing: boolean;
  /** H3: conditions that must be shown with the data. */
  conditions: string | null;
}

/** The flags a handling code raises. */
export const handlingFlags = (m: Pick<Marking, 'handling' | 'handlingConditions'>): HandlingFlags => ({
  notForCourt: m.handling === 'H1',
  noOnwardSharing: m.handling === 'H2',
  conditions: m.handling === 'H3' ? (m.handlingConditions ?? '') : null,
});

/** Whether a statement may be passed on by an agency that is not its owner (H2 never). */
export const mayPassOn = (handling: HandlingCode, holderIsOwner: boolean): boolean =>
  holderIsOwner || handling !== 'H2';

/** Whether a statement may go into a court export (H1 never without permission). */
export const mayGoToCourt = (handling: HandlingCode): boolean => handling !== 'H1';

/**
 * The purpose a search or an export is recorded with. A user must give one (or act through an API
 * token issued for one); the hub's operator and its own work are their own purpose.
 */
export const requirePurpose = (actor: Actor, given: string | undefined): string => {
  const purpose = given?.trim() || (actor.kind === 'user' ? actor.purpose?.trim() : undefined);
  if (purpose) return purpose.slice(0, 500);
  switch (actor.kind) {
    case 'operator':
      return `operator:${actor.name}`;
    case 'system':
      return `system:${actor.reason}`;
    case 'anonymous':
    case 'user':
      throw new ClewError(
        'Invalid',
        'searches and exports need a purpose: pass ?purpose=… (e.g. a case number), or use an API token issued for one',
        { field: 'purpose' },
      );
  }
};
