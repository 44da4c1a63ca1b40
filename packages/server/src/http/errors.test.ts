import { ClewError, type ErrorCode } from '@clew/core';
import { fastify, type FastifyInstance } from 'fastify';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorOf, startTestServer } from '../testing/test-server.js';
import { installErrorHandling, toErrorResponse } from './errors.js';
import { loggerOptions } from './logging.js';

const appLoggingTo = (lines: string[]): FastifyInstance => {
  const app = fastify({
    logger: loggerOptions({ level: 'info', stream: { write: (l: string) => lines.push(l) } }),
  });
  installErrorHandling(app);
  return app;
};

describe('toErrorResponse', () => {
  it.each<[ErrorCode, number]>([
    ['NotFound', 404],
    ['Invalid', 400],
    ['Conflict', 409],
    ['Forbidden', 403],
    ['Unauthenticated', 401],
    ['Unavailable', 503],
  ])('maps %s to %i with the envelope', (code, status) => {
    const res = toErrorResponse(new ClewError(code, 'what happened', { field: 'x', line: undefined }));
    expect(res).toEqual({
      status,
      body: { error: { code, message: 'what happened', where: { field: 'x' } } },
    });
  });

  it('leaves out an empty location', () => {
    expect(toErrorResponse(new ClewError('Invalid', 'no where'))?.body).toEqual({
      error: { code: 'Invalid', message: 'no where' },
    });
  });

  it('gives no response for an unexpected error: the handler sends the generic 500', () => {
    expect(toErrorResponse(new TypeError('x is undefined'))).toBeUndefined();
    expect(toErrorResponse({ statusCode: 500, message: 'boom' })).toBeUndefined();
  });
});

describe('the error handler', () => {
  it('answers an unexpected error with a generic 500 and logs it without the request body', async () => {
    const lines: string[] = [];
    const app = appLoggingTo(lines);
    app.post('/boom', () => {
      const e = new Error('duplicate key for Jane Doe') as Error & { detail: string };
      e.detail = 'Key (name)=(Jane Doe) already exists';
      throw e;
    });
    const res = await app.inject({
      method: 'POST',
      url: '/boom?name=Jane',
      payload: { victim: 'Maria Ionescu', passport: 'RO1234567' },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'Internal', message: 'internal error' } });
    expect(res.body).not.toContain('Jane');
    const log = lines.join('\n');
    expect(log).toContain('unexpected error');
    expect(log).not.toContain('Maria');
    expect(log).not.toContain('RO1234567');
    expect(log).not.toContain('Key (name)');
    expect(log).not.toContain('name=Jane');
    await app.close();
  });

  it('answers a request to a closed hub with the generic 500', async () => {
    const s = await startTestServer({ logger: false });
    await s.hub.close();
    const res = await s.app.inject({ method: 'GET', url: '/api/agencies' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'Internal', message: 'internal error' } });
    await s.app.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  });

  it('answers an unknown route with the 404 envelope', async () => {
    const s = await startTestServer();
    try {
      const res = await s.app.inject({ method: 'GET', url: '/api/nothing-here?x=1' });
      expect(res.statusCode).toBe(404);
      expect(errorOf(res)).toEqual({ code: 'NotFound', message: 'no route GET /api/nothing-here' });
      const method = await s.app.inject({ method: 'DELETE', url: '/api/agencies' });
      expect(method.statusCode).toBe(404);
      expect(errorOf(method).code).toBe('NotFound');
    } finally {
      await s.close();
    }
  });
});
