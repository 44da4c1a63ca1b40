import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeHashing } from '../testing/hashing.js';
import { looksSigned, namespaceKey, signEntityId, unsignEntityId } from './entity-ids.js';

const keyA = namespaceKey('hub-1', 'ds-a');
const keyB = namespaceKey('hub-1', 'ds-b');
const sign = (key: string, id: string): string => signEntityId(nodeHashing, key, id);
const unsign = (key: string, id: string): string | null => unsignEntityId(nodeHashing, key, id);

/** The signature as ports.ts specifies it, computed here without the port: SHA-1 of `key NUL id`. */
const signature = (key: string, id: string): string =>
  createHash('sha1').update(`${key}\u0000${id}`, 'utf8').digest('hex');

/** Ids as files write them: never already in the signed shape. */
const fileId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:\-/]{0,60}$/).filter((id) => !looksSigned(id));

describe('the test hashing', () => {
  it('computes SHA-1 (FIPS 180 vector) and the keyed SHA-1 of key NUL input, as lowercase hex', () => {
    expect(nodeHashing.sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(nodeHashing.keyedSha1Hex('key', 'abc')).toBe(nodeHashing.sha1Hex('key\u0000abc'));
    expect(nodeHashing.keyedSha1Hex('ke', 'y\u0000abc')).not.toBe(nodeHashing.keyedSha1Hex('key', 'abc'));
  });
});

describe('namespaceKey', () => {
  it('names the hub and the dataset', () => {
    expect(namespaceKey('hub-1', 'ds-a')).toBe('hub-1/ds-a');
  });
});

describe('signEntityId', () => {
  it('appends the keyed SHA-1 of the id, as FollowTheMoney Namespace appends its HMAC', () => {
    const signed = sign(keyA, 'p1');
    expect(signed).toBe(`p1.${signature('hub-1/ds-a', 'p1')}`);
    expect(signed).toMatch(/^p1\.[0-9a-f]{40}$/);
  });

  it('signs non-ASCII ids by their UTF-8 bytes', () => {
    expect(sign(keyA, 'Ålesund-😀')).toBe(`Ålesund-😀.${signature(keyA, 'Ålesund-😀')}`);
  });

  it('signs the same id the same way every time', () => {
    expect(sign(keyA, 'p1')).toBe(sign(keyA, 'p1'));
  });

  it("gives two datasets' p1 different ids", () => {
    expect(sign(keyA, 'p1')).not.toBe(sign(keyB, 'p1'));
  });

  it('gives the same dataset name on two hubs different ids', () => {
    expect(sign(namespaceKey('hub-1', 'ds'), 'p1')).not.toBe(sign(namespaceKey('hub-2', 'ds'), 'p1'));
  });

  it('is idempotent: a signed id is kept as it is', () => {
    fc.assert(
      fc.property(fileId, fc.constantFrom(keyA, keyB), (id, key) => {
        const once = sign(key, id);
        expect(sign(key, once)).toBe(once);
      }),
    );
  });

  it("keeps an id signed under another dataset's key, so a dataset can state facts about another's entity", () => {
    const theirs = sign(keyB, 'p1');
    expect(sign(keyA, theirs)).toBe(theirs);
  });

  it('signs ids that contain dots whole (FollowTheMoney Namespace would keep only the part before the first dot)', () => {
    const signed = sign(keyA, 'case-7.person.1');
    expect(signed).toBe(`case-7.person.1.${signature(keyA, 'case-7.person.1')}`);
    expect(sign(keyA, 'a.b')).not.toBe(sign(keyA, 'a.c'));
    expect(sign(keyA, 'a.b')).not.toBe(sign(keyA, 'a'));
  });

  it('signs a bare 40-character hex id (FollowTheMoney make_id style): it has no dot, so it is not signed yet', () => {
    const id = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
    expect(looksSigned(id)).toBe(false);
    expect(sign(keyA, id)).toBe(`${id}.${signature(keyA, id)}`);
  });

  it('signs an id whose suffix is 40 hex digits in upper case: signatures are lower case', () => {
    const id = `p1.${'A'.repeat(40)}`;
    expect(sign(keyA, id)).toBe(`${id}.${nodeHashing.keyedSha1Hex(keyA, id)}`);
  });

  it('never gives two different file ids the same signed id', () => {
    fc.assert(
      fc.property(fileId, fileId, (a, b) => {
        fc.pre(a !== b);
        expect(sign(keyA, a)).not.toBe(sign(keyA, b));
      }),
    );
  });
});

describe('unsignEntityId', () => {
  it('gives back the id the file used', () => {
    expect(unsign(keyA, sign(keyA, 'p1'))).toBe('p1');
    expect(unsign(keyA, sign(keyA, 'a.b.c'))).toBe('a.b.c');
  });

  it('is the inverse of signEntityId for any file id', () => {
    fc.assert(
      fc.property(fileId, (id) => {
        expect(unsign(keyA, sign(keyA, id))).toBe(id);
      }),
    );
  });

  it("returns null for an id signed under another dataset's key", () => {
    expect(unsign(keyA, sign(keyB, 'p1'))).toBeNull();
  });

  it('returns null for an id that is not signed', () => {
    expect(unsign(keyA, 'p1')).toBeNull();
    expect(unsign(keyA, 'a.b')).toBeNull();
  });

  it('returns null for a signature that was tampered with', () => {
    const signed = sign(keyA, 'p1');
    const last = signed.endsWith('0') ? '1' : '0';
    expect(unsign(keyA, `${signed.slice(0, -1)}${last}`)).toBeNull();
    expect(unsign(keyA, signed.replace(/^p1/, 'p2'))).toBeNull();
  });

  it('returns null for a bare signature without an id in front', () => {
    expect(unsign(keyA, `.${nodeHashing.keyedSha1Hex(keyA, '')}`)).toBeNull();
  });
});

describe('looksSigned', () => {
  it.each([
    [`p1.${'0'.repeat(40)}`, true],
    [`a.b.${'f'.repeat(40)}`, true],
    [`p1.${'0'.repeat(39)}`, false],
    [`p1.${'0'.repeat(41)}`, false],
    [`p1.${'F'.repeat(40)}`, false],
    [`p1-${'0'.repeat(40)}`, false],
    [`.${'0'.repeat(40)}`, false],
    ['p1', false],
  ])('%s → %s', (id, expected) => {
    expect(looksSigned(id)).toBe(expected);
  });
});
