import { openApiRoute } from '../http/openapi.js';
import { RouteRegistry } from '../http/route.js';
import { agenciesRoutes } from './agencies.routes.js';
import { auditRoutes } from './audit.routes.js';
import { authRoutes } from './auth.routes.js';
import { datasetsRoutes } from './datasets.routes.js';
import { entitiesRoutes } from './entities.routes.js';
import { ftmRoutes } from './ftm.routes.js';
import { graphRoutes } from './graph.routes.js';
import { healthRoutes } from './health.routes.js';
import { hitsRoutes } from './hits.routes.js';
import { matchingRoutes } from './matching.routes.js';
import type { RouteDeps } from './route-deps.js';
import { sharingRoutes } from './sharing.routes.js';
import { tablesRoutes } from './tables.routes.js';
import { usersRoutes } from './users.routes.js';

/** Every route of the API, in one registry: the list Fastify mounts and OpenAPI documents. */
export const apiRoutes = (deps: RouteDeps): RouteRegistry => {
  const registry = new RouteRegistry()
    .add(...healthRoutes(deps))
    .add(...authRoutes(deps))
    .add(...usersRoutes(deps))
    .add(...sharingRoutes(deps))
    .add(...hitsRoutes(deps))
    .add(...agenciesRoutes(deps))
    .add(...auditRoutes(deps))
    .add(...datasetsRoutes(deps))
    .add(...entitiesRoutes(deps))
    .add(...ftmRoutes(deps))
    .add(...tablesRoutes(deps))
    .add(...graphRoutes(deps))
    .add(...matchingRoutes(deps));
  return registry.add(openApiRoute(() => registry.all(), deps.version));
};
