import { z } from 'zod';

/**
 * A schema compiled into a check that a value is already exactly what zod's parse would make of it:
 * every value of the kind the schema names and passing its checks, and no key it does not name, in
 * the order it names them. zod's parse then gives a copy equal to the value, key for key, and
 * `JSON.stringify` writes both the same — so a route can take a request part or send a handler's
 * output as it is, without building that copy (for a screening response, the copy cost as much as
 * writing the JSON). The check is conservative: false when it is not sure, and the route then parses
 * with zod as before, which strips, decides and words any error.
 *
 * It knows objects (plain ones: no `toJSON` for JSON.stringify to call), records with string keys,
 * arrays, strings, numbers (finite), booleans, enums, literals, nullable, optional fields, and unions
 * of different kinds (a string or a list of strings). Checks (lengths, ranges, refinements) run as
 * zod runs them. Coercion, defaults, transforms and the like are not compiled: `compileExactCheck`
 * gives undefined and the route keeps zod.
 */
export type ExactCheck = (value: unknown) => boolean;

/** A compiled schema: its check, and the kinds of value (see kindOf) it may accept. */
interface Compiled {
  check: ExactCheck;
  kinds: ReadonlySet<string>;
}

/** Why a schema cannot be compiled: the route keeps zod. */
class Unsupported extends Error {}

// Plain objects only, as zod's copies are: no toJSON for JSON.stringify to call, no other prototype.
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** What kind of value `v` is, as the compiled kinds name them. */
const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

const kinds = (...names: string[]): ReadonlySet<string> => new Set(names);

/**
 * A schema's own checks (`.min()`, `.max()`, `.int()`, `.refine()`…), run as zod runs them on a value
 * its type already accepts. Any issue, a check that would change the value (`.trim()`), or an
 * asynchronous one: not sure.
 */
const withChecks = (schema: z.ZodType, check: ExactCheck): ExactCheck => {
  const checks = schema.def.checks ?? [];
  if (checks.length === 0) return check;
  return (v) => {
    if (!check(v)) return false;
    // zod types a schema's checks for `never`, the type every value is checked as.
    const payload: z.core.ParsePayload<never> = { value: v as never, issues: [] };
    for (const c of checks) {
      const when = c._zod.def.when;
      if (when && !when(payload)) continue;
      const r: unknown = c._zod.check(payload);
      if (r instanceof Promise) {
        r.catch(() => undefined);
        return false;
      }
      if (payload.issues.length > 0) return false;
    }
    return payload.value === v;
  };
};

const numberCheck = (schema: z.ZodNumber): ExactCheck => {
  const def = schema.def as z.core.$ZodNumberDef & { format?: string };
  if (def.coerce === true) throw new Unsupported('coerced number');
  // z.int() is a number format checked by its own type (`.int()` is a check, run by withChecks).
  if (def.format === 'safeint') return (v) => typeof v === 'number' && Number.isSafeInteger(v);
  if (def.format !== undefined) throw new Unsupported(`number format ${def.format}`);
  return (v) => typeof v === 'number' && Number.isFinite(v);
};

const stringCheck = (schema: z.ZodString): ExactCheck => {
  const def = schema.def as z.core.$ZodStringDef & { format?: string };
  if (def.coerce === true || def.format !== undefined) throw new Unsupported('string format');
  return (v) => typeof v === 'string';
};

const valuesCheck = (values: Iterable<unknown>): Compiled => {
  const known = new Set(values);
  const types = new Set<string>();
  for (const v of known) {
    if (typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v)) && typeof v !== 'boolean')
      throw new Unsupported('enum or literal of another kind');
    types.add(typeof v);
  }
  return { check: (v) => known.has(v), kinds: types };
};

/** A field of an object: its key, its check, and whether it may be left out. */
interface Field {
  key: string;
  check: ExactCheck;
  optional: boolean;
}

const objectCheck = (schema: z.ZodObject): ExactCheck => {
  const catchall = schema.def.catchall;
  // Strict objects refuse keys they do not name, as the check does for every object.
  if (catchall !== undefined && !(catchall instanceof z.ZodNever))
    throw new Unsupported('object with a catchall');
  const fields: Field[] = Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, s]) => {
    if (key === '__proto__') throw new Unsupported('a field named __proto__');
    const optional = s instanceof z.ZodOptional;
    const inner = s instanceof z.ZodOptional ? (s.unwrap() as z.ZodType) : s;
    return { key, check: compile(inner).check, optional };
  });
  const n = fields.length;
  // A field not listed by for…in must be optional and truly absent: zod would read even a hidden one.
  const absent = (v: object, f: Field): boolean => f.optional && !(f.key in v);
  return (v) => {
    if (!isPlainObject(v)) return false;
    let i = 0;
    // The keys zod's copy would have, in its order (the schema's); an optional field given as
    // undefined is kept by zod and dropped by JSON.stringify, as from the value itself.
    for (const key in v) {
      let f = fields[i];
      while (f !== undefined && f.key !== key) {
        if (!absent(v, f)) return false;
        f = fields[++i];
      }
      if (f === undefined) return false;
      const x = v[key];
      if (!(x === undefined ? f.optional : f.check(x))) return false;
      i++;
    }
    for (; i < n; i++) {
      const f = fields[i];
      if (f === undefined || !absent(v, f)) return false;
    }
    return true;
  };
};

const recordCheck = (schema: z.ZodRecord): ExactCheck => {
  const keyType = schema.def.keyType as z.ZodType;
  if (!(keyType instanceof z.ZodString)) throw new Unsupported('record keys other than strings');
  const key = compile(keyType).check;
  const value = compile(schema.def.valueType as z.ZodType).check;
  return (v) => {
    if (!isPlainObject(v)) return false;
    // zod refuses symbol keys (not strings), where JSON.stringify drops them.
    if (Object.getOwnPropertySymbols(v).length > 0) return false;
    for (const k in v) {
      // zod leaves an own `__proto__` key out of its copy.
      if (k === '__proto__' || !key(k) || !value(v[k])) return false;
    }
    return true;
  };
};

const arrayCheck = (schema: z.ZodArray): ExactCheck => {
  const element = compile(schema.def.element as z.ZodType).check;
  return (v) => {
    if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype) return false;
    for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
    return true;
  };
};

/**
 * A union of options of different kinds: zod gives the first option that accepts a value, and only
 * the option of the value's kind can — so the check of that option decides. Options of the same kind
 * (two objects, say) are not compiled: zod might take one the check cannot be sure of.
 */
const unionCheck = (schema: z.ZodUnion): Compiled => {
  const byKind = new Map<string, ExactCheck>();
  for (const option of schema.options as readonly z.ZodType[]) {
    const c = compile(option);
    for (const k of c.kinds) {
      if (byKind.has(k)) throw new Unsupported('a union of options of the same kind');
      byKind.set(k, c.check);
    }
  }
  return { check: (v) => byKind.get(kindOf(v))?.(v) ?? false, kinds: new Set(byKind.keys()) };
};

const compileKind = (schema: z.ZodType): Compiled => {
  if (schema instanceof z.ZodObject) return { check: objectCheck(schema), kinds: kinds('object') };
  if (schema instanceof z.ZodRecord) return { check: recordCheck(schema), kinds: kinds('object') };
  if (schema instanceof z.ZodArray) return { check: arrayCheck(schema), kinds: kinds('array') };
  if (schema instanceof z.ZodNullable) {
    const inner = compile(schema.unwrap() as z.ZodType);
    return { check: (v) => v === null || inner.check(v), kinds: new Set([...inner.kinds, 'null']) };
  }
  if (schema instanceof z.ZodString) return { check: stringCheck(schema), kinds: kinds('string') };
  if (schema instanceof z.ZodNumber) return { check: numberCheck(schema), kinds: kinds('number') };
  if (schema instanceof z.ZodBoolean) {
    if (schema.def.coerce === true) throw new Unsupported('coerced boolean');
    return { check: (v) => typeof v === 'boolean', kinds: kinds('boolean') };
  }
  if (schema instanceof z.ZodEnum) return valuesCheck(schema.options);
  if (schema instanceof z.ZodLiteral) return valuesCheck(schema.values);
  if (schema instanceof z.ZodUnion && !(schema instanceof z.ZodDiscriminatedUnion)) return unionCheck(schema);
  throw new Unsupported(schema.def.type);
};

const compile = (schema: z.ZodType): Compiled => {
  const { check, kinds: accepted } = compileKind(schema);
  return { check: withChecks(schema, check), kinds: accepted };
};

/** Compile a schema into a check, or undefined when it holds a kind the check does not know. */
export const compileExactCheck = (schema: z.ZodType): ExactCheck | undefined => {
  try {
    return compile(schema).check;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
};
