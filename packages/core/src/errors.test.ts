import { describe, expect, it } from 'vitest';
import { ClewError, conflict, invalid, isClewError, notFound, unavailable } from './errors.js';

describe('ClewError', () => {
  it('carries a code, a message and where it happened', () => {
    const e = new ClewError('Forbidden', 'not yours', { entity: 'p1' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ClewError');
    expect(e.code).toBe('Forbidden');
    expect(e.message).toBe('not yours');
    expect(e.where).toEqual({ entity: 'p1' });
  });

  it('has no location unless given one', () => {
    expect(new ClewError('Invalid', 'bad').where).toBeUndefined();
  });

  it.each([
    [notFound, 'NotFound'],
    [invalid, 'Invalid'],
    [conflict, 'Conflict'],
    [unavailable, 'Unavailable'],
  ] as const)('%o makes a %s error', (make, code) => {
    const e = make('message', { file: 'a.ftm.json', line: 3 });
    expect(e.code).toBe(code);
    expect(e.message).toBe('message');
    expect(e.where).toEqual({ file: 'a.ftm.json', line: 3 });
  });
});

describe('isClewError', () => {
  it('tells domain errors from others', () => {
    expect(isClewError(invalid('x'))).toBe(true);
    expect(isClewError(new Error('x'))).toBe(false);
    expect(isClewError({ code: 'Invalid', message: 'x' })).toBe(false);
    expect(isClewError(undefined)).toBe(false);
  });
});
