export {
  generateWorld,
  type AgencySummary,
  type GenerateOptions,
  type GenerateProgress,
  type GenerateSummary,
} from './generate-world.js';
export { worldRecords } from './world-stream.js';
export type { EntityRecord, ProgressRecord, RowRecord, TruthRecord, WorldRecord } from './observe/emitter.js';
export {
  MIN_PEOPLE,
  SCALE_PRESETS,
  resolveWorldOptions,
  type ResolvedWorldOptions,
  type ScaleName,
  type WorldOptions,
} from './options.js';
export {
  buildManifest,
  type ManifestAgency,
  type ManifestDataset,
  type ManifestFile,
  type WorldManifest,
} from './manifest.js';
export { TRUTH_ORDER, TRUTH_TABLES, type TruthTable, type TruthTableSpec } from './truth/truth.js';
export { AGENCIES, type Agency, type AgencyId, type AgencyKind } from './agencies/agencies.js';
export { NATIVE_TABLES, type Cell, type NativeTable } from './agencies/native-tables.js';
export { Rng, seedFrom } from './prng.js';
export {
  parseCsv,
  readTruthRecords,
  readTruthTable,
  type TruthRecord as TruthRecordRow,
} from './truth/read-truth.js';
export { XlsxWriter } from './write/xlsx-writer.js';
