export * from './table-csv.js';
export * from './table-decode.js';
export * from './table-xlsx.js';
export * from './table-open.js';
export * from './table-import.service.js';
export * from './table-jobs.js';
export * from '../jobs/jobs.service.js';
export * from './import-events.js';
