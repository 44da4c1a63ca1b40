import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './emails.js';

describe('normaliseEmail', () => {
  it('trims, lower-cases and drops mailto and brackets', () => {
    expect(normaliseEmail('  John.Doe@Example.COM ')).toEqual({
      ok: true,
      value: {
        address: 'john.doe@example.com',
        local: 'john.doe',
        domain: 'example.com',
        key: 'john.doe@example.com',
      },
    });
    const r = normaliseEmail('mailto:<X@Example.ORG>');
    expect(r.ok && r.value.address).toBe('x@example.org');
  });

  it('strips gmail dots and plus tags only when asked', () => {
    const plain = normaliseEmail('J.Doe+spam@googlemail.com');
    expect(plain.ok && plain.value.key).toBe('j.doe+spam@googlemail.com');
    const both = normaliseEmail('J.Doe+spam@googlemail.com', { gmailDots: true, plusTags: true });
    expect(both.ok && both.value.key).toBe('jdoe@gmail.com');
    const tags = normaliseEmail('j.doe+spam@outlook.com', { gmailDots: true, plusTags: true });
    expect(tags.ok && tags.value.key).toBe('j.doe@outlook.com');
  });

  it('writes international domains in ASCII', () => {
    const r = normaliseEmail('user@Bücher.de');
    expect(r.ok && r.value.domain).toBe('xn--bcher-kva.de');
  });

  it.each([
    ['', 'empty e-mail address'],
    ['no-at-sign', 'not an e-mail address: needs a local part, "@" and a domain'],
    ['@example.com', 'not an e-mail address: needs a local part, "@" and a domain'],
    ['a@b', '"b" is not a valid domain'],
    ['a@-b.com', '"-b.com" is not a valid domain'],
    ['a..b@example.com', '"a..b" is not a valid local part'],
    ['a b@example.com', '"a b" is not a valid local part'],
    ['a@1.2.3.4', '"1.2.3.4" is not a valid domain'],
  ])('rejects %j', (raw, reason) => {
    expect(normaliseEmail(raw)).toEqual({ ok: false, reason });
  });

  it('rejects over-long input', () => {
    expect(normaliseEmail(`${'a'.repeat(65)}@example.com`).ok).toBe(false);
    expect(normaliseEmail(`a@${'b'.repeat(300)}.com`).ok).toBe(false);
  });
});
