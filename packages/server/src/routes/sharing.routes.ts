import { z } from 'zod';
import { defineRoute, type Route } from '../http/route.js';
import type { RouteDeps } from './route-deps.js';

const tags = ['sharing'];

const sharingSchema = z
  .object({
    dataset: z.string(),
    owner: z.string(),
    grants: z.array(z.object({ kind: z.enum(['agency', 'group']), id: z.string() })),
  })
  .meta({ id: 'DatasetSharing', description: 'Who may read a dataset besides its own agency' });

const datasetParams = z.object({ dataset: z.string().min(1).max(64) });
const grantParams = datasetParams.extend({
  kind: z.enum(['agency', 'group']),
  id: z.string().min(1).max(64),
});

/** Sharing of datasets with other agencies and groups; groups of agencies. */
export const sharingRoutes = ({ hub }: RouteDeps): Route[] => [
  defineRoute({
    method: 'GET',
    url: '/api/datasets/:dataset/sharing',
    operationId: 'getSharing',
    summary: 'Who a dataset is shared with',
    tags,
    auth: 'datasets:manage',
    params: datasetParams,
    response: sharingSchema,
    handler: ({ params }, actor) => hub.sharing.get(actor, params.dataset),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/datasets/:dataset/sharing/:kind/:id',
    operationId: 'shareDataset',
    summary: 'Share a dataset with an agency or a group (RED and AMBER+STRICT statements never leave)',
    tags,
    auth: 'datasets:manage',
    params: grantParams,
    response: sharingSchema,
    handler: ({ params }, actor) =>
      hub.sharing.share(actor, { dataset: params.dataset, granteeKind: params.kind, granteeId: params.id }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/datasets/:dataset/sharing/:kind/:id',
    operationId: 'withdrawSharing',
    summary: 'Withdraw a share (applies to the next request)',
    tags,
    auth: 'datasets:manage',
    params: grantParams,
    response: sharingSchema,
    handler: ({ params }, actor) =>
      hub.sharing.withdraw(actor, {
        dataset: params.dataset,
        granteeKind: params.kind,
        granteeId: params.id,
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/groups',
    operationId: 'listGroups',
    summary: 'Groups of agencies',
    tags,
    response: z.object({ results: z.array(z.object({ group: z.string(), agencies: z.array(z.string()) })) }),
    handler: async (_input, actor) => ({ results: await hub.sharing.groups(actor) }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/groups/:group/agencies/:agency',
    operationId: 'addToGroup',
    summary: 'Add an agency to a group (creating it)',
    tags,
    auth: 'hub:manage',
    params: z.object({ group: z.string().min(1).max(64), agency: z.string().min(1).max(64) }),
    response: z.object({ ok: z.literal(true) }),
    handler: async ({ params }, actor) => {
      await hub.sharing.setMembership(actor, params.group, params.agency, true);
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/groups/:group/agencies/:agency',
    operationId: 'removeFromGroup',
    summary: 'Remove an agency from a group',
    tags,
    auth: 'hub:manage',
    params: z.object({ group: z.string().min(1).max(64), agency: z.string().min(1).max(64) }),
    response: z.object({ ok: z.literal(true) }),
    handler: async ({ params }, actor) => {
      await hub.sharing.setMembership(actor, params.group, params.agency, false);
      return { ok: true as const };
    },
  }),
];
