import { openApiRoute } from '../http/openapi.js';
import { RouteRegistry } from '../http/route.js';
import { agenciesRoutes } from './agencies.routes.js';
import { datasetsRoutes } from './datasets.routes.js';
import { entitiesRoutes } from './entities.routes.js';
import { ftmRoutes } from './ftm.routes.js';
import { graphRoutes } from './graph.routes.js';
import { healthRoutes } from './health.routes.js';
import type { RouteDeps } from './route-deps.js';

/** Every route of the API, in one registry: the list Fastify mounts and OpenAPI documents. */
export const apiRoutes = (deps: RouteDeps): RouteRegistry => {
  const registry = new RouteRegistry()
    .add(...healthRoutes(deps))
    .add(...agenciesRoutes(deps))
    .add(...datasetsRoutes(deps))
    .add(...entitiesRoutes(deps))
    .add(...ftmRoutes(deps))
    .add(...graphRoutes(deps));
  return registry.add(openApiRoute(() => registry.all(), deps.version));
};
