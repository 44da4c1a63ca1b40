/** A person who signs in: one agency, some roles. */
export interface UsersTable {
  id: string;
  agency_id: string;
  /** Lower-cased; unique across the hub. */
  username: string;
  display_name: string;
  /** JSON array of role names. */
  roles: string;
  /** argon2id, PHC string form. */
  password_hash: string;
  must_change_password: number;
  /** Base32 TOTP secret once enrolled, else null. */
  totp_secret: string | null;
  disabled: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

/** A web session: the cookie holds a random token, the table its SHA-256. */
export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

/** An API token for integrations: scoped, expiring, revocable; the table holds its SHA-256. */
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  /** JSON array of permissions the token is limited to. */
  scopes: string;
  /** What the token is for: searches and exports through it are recorded with this purpose. */
  purpose: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** Named groups of agencies a dataset can be shared with (e.g. "Balkan route task force"). */
export interface AgencyGroupsTable {
  group_id: string;
  agency_id: string;
}

/** Who a dataset is shared with: an agency or a group of agencies. */
export interface DatasetSharesTable {
  dataset_id: string;
  grantee_kind: string;
  grantee_id: string;
  created_at: string;
  created_by: string;
}

/** Tables of migration 0004-accounts (users, sessions, API tokens, dataset sharing). */
export interface AccountTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  agency_groups: AgencyGroupsTable;
  dataset_shares: DatasetSharesTable;
}
