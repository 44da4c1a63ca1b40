import { AUDIT_ACTIONS } from '@clew/core';
import { z } from 'zod';
import { defineRoute, jsonLines, type Route } from '../http/route.js';
import { auditExportLineSchema, auditPageSchema, presentAuditPage } from './audit.presenter.js';
import type { RouteDeps } from './route-deps.js';

const tags = ['audit'];

const listQuery = z.strictObject({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actor: z.string().min(1).max(200).optional().meta({ description: 'A user id (or operator name)' }),
  agency: z.string().min(1).max(64).optional().meta({ description: "The acting user's agency" }),
  target: z.string().min(1).max(512).optional().meta({ description: 'Entries that touched this id' }),
  from: z.iso.datetime().optional().meta({ description: 'At or after this time (ISO 8601, UTC)' }),
  to: z.iso.datetime().optional().meta({ description: 'Before this time (ISO 8601, UTC)' }),
  before: z.coerce.number().int().min(1).optional().meta({ description: 'Entries before this seq (paging)' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** The audit log: for auditors, hub administrators and the operator only. */
export const auditRoutes = ({ hub }: RouteDeps): Route[] => [
  defineRoute({
    method: 'GET',
    url: '/api/audit',
    operationId: 'listAudit',
    auth: 'audit:read',
    summary: 'Audit entries, newest first, with filters',
    tags,
    query: listQuery,
    response: auditPageSchema,
    handler: async ({ query }, actor) => {
      const { actor: actorId, ...rest } = query;
      return presentAuditPage(await hub.audit.list(actor, { ...rest, actorId }));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/audit/export',
    operationId: 'exportAudit',
    auth: 'audit:read',
    summary: 'The whole log with its signed checkpoints, as JSON lines verifiable offline',
    tags,
    response: jsonLines(
      auditExportLineSchema,
      'A header line, then the checkpoints, then every entry in seq order',
    ),
    handler: (_input, actor) => Promise.resolve(hub.audit.export(actor)),
  }),
];
