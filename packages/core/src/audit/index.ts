export * from './audit-entry.js';
export * from './audit-ports.js';
export * from './audit-chain.js';
export * from './audit-verify.js';
