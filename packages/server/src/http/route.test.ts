import { operatorActor } from '@clew/core';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute, RouteRegistry, streamBody } from './route.js';

const actor = operatorActor();

const echo = defineRoute({
  method: 'POST',
  url: '/echo/:id',
  operationId: 'echo',
  summary: 'Echo',
  tags: ['test'],
  params: z.object({ id: z.string().min(2) }),
  query: z.strictObject({ n: z.coerce.number().int().max(10).default(1) }),
  body: z.strictObject({ name: z.string(), tags: z.array(z.string()).max(2).optional() }),
  response: z.object({ id: z.string(), n: z.number(), name: z.string() }),
  status: 201,
  handler: ({ params, query, body }) => Promise.resolve({ id: params.id, n: query.n, name: body.name }),
});

describe('defineRoute', () => {
  it('calls the handler with typed input and sends the response with its status', async () => {
    const result = await echo.run({ params: { id: 'ab' }, query: { n: '3' }, body: { name: 'x' } }, actor);
    expect(result).toEqual({ kind: 'json', status: 201, body: { id: 'ab', n: 3, name: 'x' } });
  });

  it('applies query defaults when the query is absent', async () => {
    const result = await echo.run({ params: { id: 'ab' }, query: undefined, body: { name: 'x' } }, actor);
    expect(result).toMatchObject({ body: { n: 1 } });
  });

  it.each([
    [{ params: { id: 'a' }, query: {}, body: { name: 'x' } }, 'params.id: expected at least 2 characters'],
    [{ params: { id: 'ab' }, query: { n: '11' }, body: { name: 'x' } }, 'query.n: expected a number ≤ 10'],
    [{ params: { id: 'ab' }, query: { n: '1.5' }, body: { name: 'x' } }, 'query.n: expected an integer'],
    [{ params: { id: 'ab' }, query: {}, body: { name: 3 } }, 'body.name: expected a string'],
    [{ params: { id: 'ab' }, query: {}, body: {} }, 'body.name: required'],
    [
      { params: { id: 'ab' }, query: {}, body: { name: 'x', tags: ['a', 'b', 'c'] } },
      'body.tags: expected at most 2 items',
    ],
    [
      { params: { id: 'ab' }, query: {}, body: { name: 'x', tags: ['a', 7] } },
      'body.tags.1: expected a string',
    ],
    [{ params: { id: 'ab' }, query: {}, body: undefined }, 'body.name: required'],
  ])('refuses %j with "%s"', async (raw, message) => {
    const field = message.slice(0, message.indexOf(':'));
    await expect(echo.run(raw, actor)).rejects.toMatchObject({ code: 'Invalid', message, where: { field } });
  });

  it('never echoes the refused input', async () => {
    const run = echo.run(
      { params: { id: 'ab' }, query: {}, body: { name: 'Jane Doe', extra: 'RO1234567' } },
      actor,
    );
    await expect(run).rejects.toMatchObject({ message: 'body: unknown field "extra"' });
  });

  it('strips fields the response schema does not name', async () => {
    const leaky = defineRoute({
      method: 'GET',
      url: '/leaky',
      operationId: 'leaky',
      summary: 'Leaky',
      tags: [],
      response: z.object({ id: z.string() }),
      handler: () => Promise.resolve({ id: 'a', secret: 's' } as { id: string }),
    });
    expect(await leaky.run({ params: {}, query: {}, body: undefined }, actor)).toMatchObject({
      body: { id: 'a' },
    });
  });

  it('sends an output already exactly as its schema has it without copying it, and refuses a wrong one', async () => {
    const route = (out: { n: number; list: string[] }) =>
      defineRoute({
        method: 'GET',
        url: '/exact',
        operationId: 'exact',
        summary: 'Exact',
        tags: [],
        response: z.object({ n: z.number(), list: z.array(z.string()) }),
        handler: () => Promise.resolve(out),
      });
    const raw = { params: {}, query: {}, body: undefined };
    const out = { n: 1, list: ['a'] };
    expect(await route(out).run(raw, actor)).toMatchObject({ kind: 'json', status: 200, body: out });
    expect(((await route(out).run(raw, actor)) as { body: unknown }).body).toBe(out);
    // In another order than the schema's, zod's copy is sent (JSON.stringify keeps the order it is given).
    const reordered = { list: ['a'], n: 1 };
    const copied = ((await route(reordered).run(raw, actor)) as { body: unknown }).body;
    expect(copied).not.toBe(reordered);
    expect(JSON.stringify(copied)).toBe('{"n":1,"list":["a"]}');
    await expect(route({ n: Number.NaN, list: [] }).run(raw, actor)).rejects.toBeInstanceOf(z.ZodError);
  });

  it('passes a stream body through and refuses a missing one', async () => {
    const upload = defineRoute({
      method: 'POST',
      url: '/upload',
      operationId: 'upload',
      summary: 'Upload',
      tags: [],
      body: streamBody(['text/plain'], 'text'),
      response: z.object({ text: z.string() }),
      handler: async ({ body }) => {
        let text = '';
        for await (const chunk of body) text += String(chunk);
        return { text };
      },
    });
    const ok = await upload.run({ params: {}, query: {}, body: Readable.from(['a', 'b']) }, actor);
    expect(ok).toMatchObject({ body: { text: 'ab' } });
    await expect(upload.run({ params: {}, query: {}, body: undefined }, actor)).rejects.toMatchObject({
      code: 'Invalid',
      message: 'body: expected a body of type text/plain',
    });
  });
});

describe('RouteRegistry', () => {
  it('refuses a route or an operationId defined twice', () => {
    const registry = new RouteRegistry().add(echo);
    expect(() => registry.add(echo)).toThrow('route POST /echo/:id is defined twice');
    expect(() => registry.add({ ...echo, url: '/other' })).toThrow('operationId echo is used twice');
    expect(registry.all()).toEqual([echo]);
  });
});
