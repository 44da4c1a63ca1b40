export * from './features.js';
export * from './similarity.js';
export * from './model.js';
export * from './compare.js';
export * from './em.js';
export * from './blocking.js';
