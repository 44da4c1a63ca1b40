/**
 * Where an interrupted table import stopped: one row per import key (dataset, file identity, mapping
 * hash), written in the same transaction as each batch, deleted when the run finishes.
 */
export interface ImportCheckpointsTable {
  dataset_id: string;
  /** The file's identity: name, size and a hash of its first and last MiB. */
  file_key: string;
  /** SHA-256 of the mapping, canonical JSON. */
  mapping_hash: string;
  /** The run that is resumed (its fragments carry this id). */
  import_id: string;
  /** Rows per batch: a resumed run cuts its batches where the first run did, so seq comes out the same. */
  batch_size: number;
  /** Data rows (accepted or rejected) whose batches are committed. */
  rows_done: number;
  /** The seq the next batch starts at. */
  next_seq: number;
  accepted: number;
  rejected: number;
  entities: number;
  statements: number;
  updated_at: string;
}

/** Tables of migration 0002-import-checkpoints (checkpoints that let an interrupted table import resume). */
export interface ImportCheckpointTables {
  import_checkpoints: ImportCheckpointsTable;
}
