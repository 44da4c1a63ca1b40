export * from './mapping.schema.js';
export * from './transforms.js';
export * from './map-row.js';
export * from './suggest.js';
