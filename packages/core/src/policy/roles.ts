/**
 * Roles and what each may do. A role grants permissions; data visibility is decided separately, by
 * agency and sharing (see policy.ts): a role never widens what data a user sees, it only limits what
 * they may do with it.
 */
export const ROLES = [
  'analyst',
  'investigator',
  'supervisor',
  'agency-admin',
  'auditor',
  'hub-admin',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** Read the data the sharing policy lets the user's agency see: entities, statements, graph, counts. */
  'data:read',
  /** Search and screen (a purpose is required and audited). */
  'data:search',
  /** Export data (a purpose is required; H1 blocks court exports). */
  'data:export',
  /** Import into the agency's own datasets. */
  'data:write',
  /** Judge match candidates (same, not same, unsure). */
  'matches:judge',
  /** Answer hit notices: release details or decline. */
  'hits:respond',
  /** Create datasets and set what they share with whom, for the user's own agency. */
  'datasets:manage',
  /** Manage users of the user's own agency. */
  'users:manage-agency',
  /** Manage agencies, groups and every user of the hub. */
  'hub:manage',
  /** Read and verify the audit log. */
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READER: readonly Permission[] = ['data:read', 'data:search', 'data:export'];

/** The permissions of each role: data, not code, so the authorisation matrix test reads the same table. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  analyst: [...READER, 'matches:judge'],
  investigator: [...READER, 'data:write', 'matches:judge', 'hits:respond'],
  supervisor: [...READER, 'data:write', 'matches:judge', 'hits:respond', 'datasets:manage'],
  'agency-admin': ['datasets:manage', 'users:manage-agency'],
  auditor: ['audit:read'],
  'hub-admin': ['hub:manage', 'users:manage-agency', 'audit:read'],
};

/** Roles that must use a second factor (TOTP) to sign in. */
export const ROLES_REQUIRING_TOTP: readonly Role[] = ['agency-admin', 'hub-admin'];

/** True when `value` names a role. */
export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** The union of the permissions of these roles. */
export const permissionsOf = (roles: readonly string[]): Set<Permission> => {
  const out = new Set<Permission>();
  for (const r of roles) if (isRole(r)) for (const p of ROLE_PERMISSIONS[r]) out.add(p);
  return out;
};
