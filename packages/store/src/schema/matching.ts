/** Tables of migration 0003-matching (Match candidates, explanations, judgements and resolved identities.). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the cross-matching work
export interface MatchingTables {}
