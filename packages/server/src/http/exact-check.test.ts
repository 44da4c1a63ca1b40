import { operatorActor } from '@clew/core';
import fc from 'fast-check';
import { fastify } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { matchResponseSchema } from '../routes/matching.presenter.js';
import { apiRoutes } from '../routes/api.routes.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { compileExactCheck, type ExactCheck } from './exact-check.js';
import { mountRoutes } from './mount-routes.js';
import { defineRoute, isStreamBody } from './route.js';

/**
 * Values for a schema: ones it accepts (with keys it does not name, where it strips them), and, when
 * `dirt` is above 0, some of those with any value put in anywhere — which it may refuse.
 */
const valuesOf = (schema: z.ZodType, dirt: number): fc.Arbitrary<unknown> => {
  const clean = cleanValuesOf(schema, dirt);
  return dirt > 0
    ? fc.oneof({ weight: 12, arbitrary: clean }, { weight: dirt, arbitrary: fc.anything() })
    : clean;
};

const KEYS = fc.oneof(fc.string(), fc.constantFrom('__proto__', '0', '7', 'id', 'constructor'));

const cleanValuesOf = (schema: z.ZodType, dirt: number): fc.Arbitrary<unknown> => {
  const of = (s: z.ZodType) => valuesOf(s, dirt);
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const fields = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, of(s)]));
    const required = Object.keys(shape).filter((k) => !(shape[k] instanceof z.ZodOptional));
    // Dirty values may also lack a required field.
    const record =
      dirt > 0
        ? fc.oneof(fc.record(fields, { requiredKeys: required }), fc.record(fields, { requiredKeys: [] }))
        : fc.record(fields, { requiredKeys: required });
    const strict = schema.def.catchall instanceof z.ZodNever;
    if (strict && dirt === 0) return record;
    return fc
      .tuple(record, fc.dictionary(fc.string(), fc.anything(), { maxKeys: 2 }))
      .map(([r, extra]) => ({ ...extra, ...r }));
  }
  if (schema instanceof z.ZodRecord)
    return fc.dictionary(KEYS, of(schema.def.valueType as z.ZodType), { maxKeys: 4 });
  if (schema instanceof z.ZodArray) return fc.array(of(schema.def.element as z.ZodType), { maxLength: 3 });
  if (schema instanceof z.ZodOptional) return fc.option(of(schema.unwrap() as z.ZodType), { nil: undefined });
  if (schema instanceof z.ZodNullable) return fc.option(of(schema.unwrap() as z.ZodType), { nil: null });
  if (schema instanceof z.ZodString)
    // Short and long ones, and code points of two UTF-16 units, around the usual length limits.
    return fc.oneof(
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.string({ unit: 'binary', minLength: 60, maxLength: 70 }),
      fc.string({ unit: 'binary', minLength: 250, maxLength: 260 }),
    );
  if (schema instanceof z.ZodUnion) return fc.oneof(...(schema.options as z.ZodType[]).map(of));
  if (schema instanceof z.ZodNumber) {
    const int = !schema.safeParse(0.5).success;
    return int
      ? fc.oneof(fc.integer(), fc.maxSafeInteger())
      : fc.oneof(fc.double({ noNaN: dirt === 0, noDefaultInfinity: dirt === 0 }), fc.constant(-0));
  }
  if (schema instanceof z.ZodBoolean) return fc.boolean();
  if (schema instanceof z.ZodEnum) return fc.constantFrom(...schema.options);
  if (schema instanceof z.ZodLiteral) return fc.constantFrom(...schema.values);
  return fc.anything();
};

/** The check passes only what zod accepts, and only a value equal to zod's copy, key for key and in order. */
const agrees = (schema: z.ZodType, check: ExactCheck, value: unknown): boolean => {
  const passed = check(value);
  const parsed = schema.safeParse(value);
  if (!parsed.success) expect(passed).toBe(false);
  else if (passed) {
    expect(same(value, parsed.data)).toBe(true);
    expect(JSON.stringify(value)).toBe(JSON.stringify(parsed.data));
  }
  return passed;
};

/** The same value: equal primitives, or objects of the same prototype with the same own keys, in order, holding the same. */
const same = (a: unknown, b: unknown): boolean => {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Reflect.ownKeys(a);
  const other = Reflect.ownKeys(b);
  if (keys.length !== other.length || keys.some((k, i) => k !== other[i])) return false;
  return keys.every((k) =>
    same((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]),
  );
};

describe('exact check', () => {
  let s: TestServer;
  let schemas: { id: string; schema: z.ZodType; check: ExactCheck }[];
  beforeAll(async () => {
    s = await startTestServer();
    schemas = apiRoutes({ hub: s.hub, uploadsDir: '', maxUploadBytes: 0, version: '' })
      .all()
      .flatMap((r) => {
        const parts = {
          params: r.params,
          query: r.query,
          body: isStreamBody(r.body) ? undefined : r.body,
          response: 'kind' in r.response ? undefined : r.response,
        };
        return Object.entries(parts).flatMap(([part, schema]) => {
          const check = schema && compileExactCheck(schema);
          return schema && check ? [{ id: `${r.operationId}.${part}`, schema, check }] : [];
        });
      });
  });
  afterAll(() => s.close());

  it('compiles the responses of nearly every route, and the screening request’s parts but its query', () => {
    const ids = schemas.map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['match.params', 'match.body', 'match.response']));
    // Its numbers come as text, coerced, with defaults: zod's copy is not the value.
    expect(ids).not.toContain('match.query');
    expect(ids.filter((id) => id.endsWith('.response')).length).toBeGreaterThanOrEqual(40);
  });

  it('passes what zod accepts as it is, and agrees with zod on anything else, for every compiled part', () => {
    for (const { schema, check } of schemas) {
      fc.assert(
        fc.property(valuesOf(schema, 0), (v) => {
          // zod's copy (no key the schema does not name, in its order) must pass, else it saves nothing.
          const parsed = schema.safeParse(v);
          if (parsed.success) expect(check(parsed.data)).toBe(true);
          agrees(schema, check, v);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('passes nothing zod refuses, anywhere in the value', () => {
    for (const { schema, check } of schemas) {
      fc.assert(
        fc.property(valuesOf(schema, 1), (v) => {
          agrees(schema, check, v);
        }),
        { numRuns: 120 },
      );
    }
  });

  it('handles the edges of numbers, keys and objects as zod does', () => {
    const check = compileExactCheck(matchResponseSchema);
    if (!check) throw new Error('the match response does not compile');
    const result = {
      id: 'p1',
      caption: 'Ann',
      schema: 'Person',
      properties: { name: ['Ann'] },
      datasets: ['ds'],
      referents: [],
      target: false,
      score: 0.5,
      match: false,
      features: { name: 1.5 },
      explanation: [{ feature: 'name', level: 'exact', weight: 1.5, left: 'Ann', right: null }],
    };
    const response = (r: unknown, limit: unknown = 5) => ({
      responses: {
        q: {
          status: 200,
          results: [r],
          total: { value: 1, relation: 'eq' },
          query: { schema: 'Person', properties: {} },
        },
      },
      matcher: {},
      limit,
    });
    const withProto = JSON.parse('{"__proto__": ["x"], "name": ["Ann"]}') as unknown;
    class Props {
      name = ['Ann'];
    }
    // Each value, and whether the check passes it as it is (else zod parses or refuses it).
    const cases: [unknown, boolean][] = [
      [response(result), true],
      [response({ ...result, secret: 'stripped' }), false],
      [response({ ...result, score: -0 }), true],
      [response({ ...result, score: Number.NaN }), false],
      [response({ ...result, score: Infinity }), false],
      [response(result, 2 ** 53), false],
      [response(result, 5.5), false],
      [response(result, '5'), false],
      [response({ ...result, properties: withProto }), false],
      [response({ ...result, properties: { [Symbol('s')]: ['x'], name: ['Ann'] } }), false],
      [response({ ...result, properties: new Props() }), false],
      [response({ ...result, properties: { 2: ['b'], 1: ['a'], z: ['z'] } }), true],
      [response({ ...result, caption: undefined }), false],
      [response(Object.fromEntries(Object.entries(result).filter(([k]) => k !== 'caption'))), false],
      [response({ ...result, datasets: [undefined] }), false],
      // A hole (index 1 never set) is not undefined to every reader.
      [response({ ...result, datasets: Object.assign(new Array<string>(3), { 0: 'a', 2: 'b' }) }), false],
      [
        {
          ...response(result),
          responses: {
            q: { ...response(result).responses.q, query: { id: undefined, schema: 'P', properties: {} } },
          },
        },
        true,
      ],
      [Object.create(response(result)), false],
    ];
    for (const [value, passes] of cases) expect(agrees(matchResponseSchema, check, value)).toBe(passes);
  });

  it('runs checks as zod does: lengths in code points, refinements, a union by the kind of value', () => {
    const body = z.object({
      queries: z
        .record(z.string().min(1).max(3), z.union([z.string().max(2), z.array(z.string().max(2)).max(2)]))
        .refine((q) => Object.keys(q).length <= 2),
    });
    const check = compileExactCheck(body);
    if (!check) throw new Error('the body does not compile');
    const cases: [unknown, boolean][] = [
      [{ queries: { a: 'xy', b: ['x', 'yz'] } }, true],
      [{ queries: { a: 'xyz' } }, false],
      // Two code points in four UTF-16 units: zod counts code points.
      [{ queries: { a: '😀😀' } }, true],
      [{ queries: { a: '😀😀😀' } }, false],
      [{ queries: { a: ['x', 'y', 'z'] } }, false],
      [{ queries: { a: 'x', b: 'y', c: 'z' } }, false],
      [{ queries: { '': 'x' } }, false],
      [{ queries: { abcd: 'x' } }, false],
      [{ queries: { a: 1 } }, false],
      [{ queries: { a: null } }, false],
      [{ queries: {}, extra: 1 }, false],
    ];
    for (const [value, passes] of cases) expect(agrees(body, check, value)).toBe(passes);
    const trimmed = compileExactCheck(z.string().trim());
    expect(trimmed?.(' a ')).toBe(false);
    expect(trimmed?.('a')).toBe(true);
    expect(compileExactCheck(z.union([z.object({ a: z.string() }), z.record(z.string(), z.string())]))).toBe(
      undefined,
    );
  });

  it('leaves to zod the kinds it does not know', () => {
    for (const schema of [
      z.email(),
      z.coerce.number(),
      z.number().default(1),
      z.object({ a: z.string().default('x') }),
      z.looseObject({ a: z.string() }),
      z.unknown(),
      z.string().transform((x) => x.length),
    ] as z.ZodType[]) {
      expect(compileExactCheck(schema)).toBeUndefined();
    }
    const strict = compileExactCheck(z.strictObject({ a: z.string(), b: z.string().optional() }));
    expect(strict?.({ a: 'x' })).toBe(true);
    expect(strict?.({ a: 'x', b: undefined })).toBe(true);
    expect(strict?.({ b: 'y', a: 'x' })).toBe(false);
    expect(strict?.({ a: 'x', c: 1 })).toBe(false);
    const hidden = { a: 'x' };
    Object.defineProperty(hidden, 'b', { value: 'y', enumerable: false });
    // zod's copy would have b (it reads the field), JSON.stringify of the value would not.
    expect(strict?.(hidden)).toBe(false);
  });

  it('sends the same bytes and headers as for zod’s copy', async () => {
    const out = {
      responses: {
        q: {
          status: 200,
          results: [],
          total: { value: 0, relation: 'eq' },
          query: { schema: 'Person', properties: { name: ['Ann « ü 😀', 'A"n\\n'] } },
        },
      },
      matcher: { name: { description: 'Names', coefficient: 1, url: 'u' } },
      limit: 5,
    };
    const route = (url: string, response: z.ZodType) =>
      defineRoute({
        method: 'GET',
        url,
        operationId: url,
        summary: url,
        tags: [],
        response,
        handler: () => Promise.resolve(out),
      });
    const app = fastify();
    await mountRoutes(
      app,
      // A transform (here one that changes nothing) keeps the second route on zod's copy.
      [
        route('/as-is', matchResponseSchema),
        route(
          '/parsed',
          matchResponseSchema.transform((x) => x),
        ),
      ],
      () => Promise.resolve(operatorActor()),
    );
    const [asIs, parsed] = await Promise.all(['/as-is', '/parsed'].map((url) => app.inject({ url })));
    const { date: _a, ...asIsHeaders } = asIs?.headers ?? {};
    const { date: _b, ...parsedHeaders } = parsed?.headers ?? {};
    expect(asIs?.statusCode).toBe(200);
    expect(asIs?.rawPayload.equals(parsed?.rawPayload ?? Buffer.alloc(0))).toBe(true);
    expect(asIsHeaders).toEqual(parsedHeaders);
    await app.close();
  });
});
