import { z } from 'zod';
import { defineRoute, streamBody, type Route } from '../http/route.js';
import { spoolToFile } from '../http/upload-spool.js';
import { datasetParams } from './datasets.routes.js';
import type { RouteDeps } from './route-deps.js';
import { presentTableJob, tableJobSchema } from './tables.presenter.js';

const tags = ['tables'];

/** The content types a table upload may be sent as: CSV, XLSX, or plain bytes. */
export const TABLE_CONTENT_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
] as const;

const tableQuery = z.strictObject({
  mapping: z
    .string()
    .min(1)
    .max(100)
    .meta({ description: "A mapping's name: `NAME.yaml` (or .yml, .json) in `$CLEW_DATA_DIR/mappings`" }),
  fileName: z.string().min(1).max(200).default('upload').meta({
    description:
      "The file's name: recorded with the run; the same name, file and mapping resume an interrupted run",
  }),
  maxErrors: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: 'Stop once more rows than this are rejected' }),
});

/** Tables (CSV, XLSX) imported through mappings, as background jobs. */
export const tablesRoutes = ({ hub, uploadsDir, maxUploadBytes }: RouteDeps): Route[] => [
  defineRoute({
    method: 'POST',
    url: '/api/datasets/:name/imports/table',
    operationId: 'importTable',
    auth: 'data:write',
    summary: 'Upload a CSV or XLSX table to import through a named mapping; returns a job to poll',
    tags,
    status: 202,
    params: datasetParams,
    query: tableQuery,
    body: streamBody(TABLE_CONTENT_TYPES, 'The table file, as is'),
    response: tableJobSchema,
    handler: async ({ params, query, body }, actor) =>
      presentTableJob(
        await hub.tables.jobs.submit(actor, {
          dataset: params.name,
          mapping: query.mapping,
          fileName: query.fileName,
          maxErrors: query.maxErrors,
          spool: () => spoolToFile(body, uploadsDir, maxUploadBytes),
        }),
      ),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/jobs/:id',
    operationId: 'getJob',
    summary: 'A background job you started: status, rows, rate, rejections',
    tags,
    params: z.object({ id: z.string().min(1).max(64) }),
    response: tableJobSchema,
    handler: ({ params }, actor) => Promise.resolve(presentTableJob(hub.tables.jobs.get(actor, params.id))),
  }),
];
