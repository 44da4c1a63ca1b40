export * from './server.js';
export * from './http/actor.js';
export * from './http/errors.js';
export * from './http/openapi.js';
export * from './http/route.js';
export { apiRoutes } from './routes/api.routes.js';
export type { RouteDeps } from './routes/route-deps.js';
