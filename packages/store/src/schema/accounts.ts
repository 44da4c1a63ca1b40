/** Tables of migration 0004-accounts (Users, sessions, API tokens, dataset sharing.). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the accounts-and-sharing work
export interface AccountTables {}
