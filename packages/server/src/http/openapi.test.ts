import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../routes/api.routes.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { openApiPath, type OpenApiDocument } from './openapi.js';

describe('GET /api/openapi.json', () => {
  let s: TestServer;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    s = await startTestServer();
    const res = await s.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json<OpenApiDocument>();
  });
  afterAll(() => s.close());

  it('is an OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Clew hub API', version: '0.1.0' });
  });

  it('documents every registered route, by method, path and operationId', () => {
    const routes = apiRoutes({ hub: s.hub, uploadsDir: '', maxUploadBytes: 0, version: '' }).all();
    expect(routes.length).toBeGreaterThanOrEqual(14);
    for (const route of routes) {
      const op = doc.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.url}`).toMatchObject({ operationId: route.operationId });
    }
    const documented = Object.values(doc.paths).flatMap((p) => Object.keys(p));
    expect(documented).toHaveLength(routes.length);
  });

  it('documents path and query parameters, bodies and the error envelope', () => {
    const list = doc.paths['/api/entities']?.get as {
      parameters: { name: string; in: string; required: boolean }[];
    };
    expect(list.parameters).toContainEqual(
      expect.objectContaining({ name: 'limit', in: 'query', required: false }),
    );
    expect(list.parameters.find((p) => p.name === 'limit')).toMatchObject({
      schema: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
    });
    const get = doc.paths['/api/entities/{id}']?.get as {
      parameters: unknown[];
      responses: Record<string, unknown>;
    };
    expect(get.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(get.responses['4XX']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    });
    expect(doc.components.schemas.Error).toMatchObject({ type: 'object', required: ['error'] });

    const create = doc.paths['/api/datasets']?.post as { requestBody: { content: Record<string, unknown> } };
    expect(create.requestBody.content['application/json']).toMatchObject({
      schema: { type: 'object', required: ['name', 'agency'] },
    });
    const upload = doc.paths['/api/datasets/{name}/imports/ftm']?.post as {
      requestBody: { content: object };
    };
    expect(Object.keys(upload.requestBody.content)).toEqual([
      'application/x-ndjson',
      'application/jsonl',
      'text/plain',
    ]);
    const exported = doc.paths['/api/datasets/{name}/export.ftm.jsonl']?.get as {
      responses: Record<string, object>;
    };
    expect(Object.keys(exported.responses['200'] ?? {})).toContain('content');
  });

  it('writes no JSON Schema dialect line inside the document', () => {
    expect(JSON.stringify(doc)).not.toContain('$schema');
  });
});
