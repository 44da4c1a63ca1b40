export * from './config.js';
export * from './hub.js';
export * from './access/access.js';
export * from './agencies/agencies.service.js';
export * from './datasets/datasets.service.js';
export * from './entities/entities.service.js';
export * from './ingest/ftm-import.service.js';
export * from './slug.js';
