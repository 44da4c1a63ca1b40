/** Tables of migration 0002-import-checkpoints (Checkpoints that let an interrupted table import resume.). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the table-import work
export interface ImportCheckpointTables {}
