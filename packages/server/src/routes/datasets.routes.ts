import { z } from 'zod';
import { defineRoute, type Route } from '../http/route.js';
import {
  datasetDetailSchema,
  datasetListSchema,
  datasetSchema,
  hubStatsSchema,
  presentDataset,
  presentDatasetDetail,
  presentHubStats,
} from './datasets.presenter.js';
import { markingInputSchema } from './markings.schemas.js';
import type { RouteDeps } from './route-deps.js';

const tags = ['datasets'];

/** The `:name` of a dataset in a URL. */
export const datasetParams = z.object({ name: z.string().min(1).max(64) });

const newDatasetSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(64)
    .meta({ description: 'A slug: 2-64 lower-case letters, digits, "-" or "_"' }),
  agency: z.string().min(1).max(64),
  label: z.string().max(200).optional(),
  defaults: markingInputSchema.optional(),
});

/** Datasets: collections of entities owned by one agency, and their counts. */
export const datasetsRoutes = ({ hub }: RouteDeps): Route[] => [
  defineRoute({
    method: 'GET',
    url: '/api/datasets',
    operationId: 'listDatasets',
    auth: 'data:read',
    summary: 'List the datasets you may read',
    tags,
    query: z.strictObject({ agency: z.string().min(1).max(64).optional() }),
    response: datasetListSchema,
    handler: async ({ query }, actor) => ({
      results: (await hub.datasets.list(actor, query.agency)).map(presentDataset),
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/datasets',
    operationId: 'createDataset',
    auth: 'datasets:manage',
    summary: 'Create a dataset owned by an agency',
    tags,
    body: newDatasetSchema,
    response: datasetSchema,
    status: 201,
    handler: async ({ body }, actor) => presentDataset(await hub.datasets.create(actor, body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/datasets/:name',
    operationId: 'getDataset',
    auth: 'data:read',
    summary: 'One dataset, with its entity counts by schema',
    tags,
    params: datasetParams,
    response: datasetDetailSchema,
    // Two reads until DatasetsService offers one that returns both; each checks access itself.
    handler: async ({ params }, actor) =>
      presentDatasetDetail(
        await hub.datasets.get(actor, params.name),
        await hub.datasets.stats(actor, params.name),
      ),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/stats',
    operationId: 'getStats',
    auth: 'data:read',
    summary: 'Entity counts by schema of every dataset you may read',
    tags,
    response: hubStatsSchema,
    handler: async (_input, actor) => presentHubStats(await hub.datasets.stats(actor)),
  }),
];
