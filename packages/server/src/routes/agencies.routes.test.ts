import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgency, errorOf, startTestServer, type TestServer } from '../testing/test-server.js';

describe('agencies routes', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('creates, lists and gets agencies', async () => {
    const created = await createAgency(s.app, { id: 'nca', name: 'National Crime Agency', country: 'GB' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id: 'nca',
      name: 'National Crime Agency',
      kind: 'police',
      country: 'gb',
    });
    await createAgency(s.app, { id: 'iom', name: 'IOM', kind: 'international', country: null });

    const list = await s.app.inject({ method: 'GET', url: '/api/agencies' });
    expect(list.statusCode).toBe(200);
    const results = list.json<{ results: { id: string }[] }>().results;
    expect(results.map((a) => a.id)).toEqual(['iom', 'nca']);
    expect(Object.keys(results[0] ?? {}).sort()).toEqual(['country', 'createdAt', 'id', 'kind', 'name']);

    const one = await s.app.inject({ method: 'GET', url: '/api/agencies/iom' });
    expect(one.json()).toMatchObject({ id: 'iom', kind: 'international', country: null });
  });

  it('refuses a second agency with the same id with 409', async () => {
    await createAgency(s.app, { id: 'twice' });
    const res = await createAgency(s.app, { id: 'twice' });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res)).toEqual({
      code: 'Conflict',
      message: 'agency "twice" already exists',
      where: { field: 'id' },
    });
  });

  it('names the field of a body that fails validation', async () => {
    const missing = await s.app.inject({
      method: 'POST',
      url: '/api/agencies',
      payload: { id: 'x1', kind: 'police' },
    });
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing)).toEqual({
      code: 'Invalid',
      message: 'body.name: required',
      where: { field: 'body.name' },
    });

    const kind = await createAgency(s.app, { id: 'x2', kind: 'militia' });
    expect(errorOf(kind).message).toBe(
      'body.kind: expected one of "police", "border", "fiu", "ngo", "international", "other"',
    );

    const extra = await createAgency(s.app, { id: 'x3', nmae: 'typo' });
    expect(errorOf(extra)).toMatchObject({ code: 'Invalid', message: 'body: unknown field "nmae"' });
  });

  it('passes on the service rules: a bad slug or country is 400 naming the field', async () => {
    const slug = await createAgency(s.app, { id: 'Not A Slug' });
    expect(slug.statusCode).toBe(400);
    expect(errorOf(slug).where).toEqual({ field: 'id' });
    const country = await createAgency(s.app, { id: 'x4', country: 'q9' });
    expect(errorOf(country)).toMatchObject({ code: 'Invalid', where: { field: 'country' } });
  });

  it('answers 404 with the envelope for an unknown agency', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/agencies/nobody' });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res)).toEqual({
      code: 'NotFound',
      message: 'no agency "nobody"',
      where: { field: 'agency' },
    });
  });

  it('answers a malformed JSON body with 400 and never echoes it', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: { 'content-type': 'application/json' },
      payload: '{"id": "x5", "name": Jane Doe}',
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toEqual({
      code: 'Invalid',
      message: 'request body is not valid JSON',
      where: { field: 'body' },
    });
    expect(res.body).not.toContain('Jane');
  });

  it('answers a body over the JSON limit with 413', async () => {
    const res = await createAgency(s.app, { id: 'x6', name: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).code).toBe('TooLarge');
  });
});
