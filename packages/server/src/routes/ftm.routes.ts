import { z } from 'zod';
import { withSpooledUpload } from '../http/upload-spool.js';
import { defineRoute, jsonLines, streamBody, type Route } from '../http/route.js';
import { datasetParams } from './datasets.routes.js';
import { ftmLineSchema, importReportSchema, presentImportReport } from './ftm.presenter.js';
import type { RouteDeps } from './route-deps.js';

const tags = ['ftm'];

/** The content types an FtM JSON lines upload may be sent as. */
export const FTM_CONTENT_TYPES = ['application/x-ndjson', 'application/jsonl', 'text/plain'] as const;

const importQuery = z.strictObject({
  strict: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .meta({ description: 'Refuse the whole file, importing nothing, if any line is bad' }),
  fileName: z
    .string()
    .min(1)
    .max(200)
    .default('upload')
    .meta({ description: 'Recorded with the import and named in messages' }),
});

/** FollowTheMoney JSON lines in and out of a dataset. */
export const ftmRoutes = ({ hub, uploadsDir, maxUploadBytes }: RouteDeps): Route[] => [
  defineRoute({
    method: 'POST',
    url: '/api/datasets/:name/imports/ftm',
    operationId: 'importFtm',
    auth: 'data:write',
    summary: 'Import FollowTheMoney JSON lines into a dataset',
    tags,
    params: datasetParams,
    query: importQuery,
    body: streamBody(
      FTM_CONTENT_TYPES,
      'One FollowTheMoney entity per line, optionally with `clew` markings',
    ),
    response: importReportSchema,
    // Spooled to a file on first read (after the dataset is checked), so strict mode can read it twice.
    handler: ({ params, query, body }, actor) =>
      withSpooledUpload(body, uploadsDir, maxUploadBytes, async (open) =>
        presentImportReport(
          await hub.ftm.importFtm(actor, {
            dataset: params.name,
            fileName: query.fileName,
            strict: query.strict,
            open,
            // Parse on a worker thread while the previous batch is written (inline where none is built).
            parallel: true,
          }),
        ),
      ),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/datasets/:name/export.ftm.jsonl',
    operationId: 'exportFtm',
    auth: 'data:export',
    summary: 'Export a dataset as FollowTheMoney JSON lines',
    tags,
    params: datasetParams,
    query: z.strictObject({
      purpose: z
        .string()
        .max(500)
        .optional()
        .meta({ description: 'Why (a case number…): users must give one' }),
    }),
    response: jsonLines(ftmLineSchema, 'One FollowTheMoney entity per line, in import order'),
    handler: ({ params, query }, actor) =>
      Promise.resolve(hub.ftm.exportFtm(actor, params.name, query.purpose)),
  }),
];
