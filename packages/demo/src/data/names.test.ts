import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { typo } from '../noise/noise.js';
import { Rng } from '../prng.js';
import { NAME_POOLS } from './names.js';

// The shared synthetic-people data is optional: tests that use it skip, saying so, where it is absent.
const SHARED = fileURLToPath(new URL('../../../../../shared/data/synthetic-people/', import.meta.url));
const MANY_SCRIPTS = `${SHARED}one_name_many_scripts.txt`;
if (!existsSync(MANY_SCRIPTS)) console.warn(`skipping the shared-data name test: ${MANY_SCRIPTS} is absent`);

describe('name pools', () => {
  it('give every token a romanisation, and originals in the pool’s script', () => {
    const scriptRe: Record<string, RegExp> = {
      arabic: /\p{Script=Arabic}/u,
      ethiopic: /\p{Script=Ethiopic}/u,
      cyrillic: /\p{Script=Cyrillic}/u,
      greek: /\p{Script=Greek}/u,
    };
    for (const [origin, pool] of Object.entries(NAME_POOLS)) {
      const tokens = [...pool.male, ...pool.female, ...pool.family];
      expect(tokens.length, origin).toBeGreaterThan(0);
      for (const t of tokens) {
        expect(t.forms[0], origin).toMatch(/^\p{Script=Latin}[\p{Script=Latin}\p{M}' -]*$/u);
        const re = scriptRe[pool.script];
        if (re && t.original !== undefined) expect(t.original, `${origin} ${t.forms[0] ?? ''}`).toMatch(re);
      }
    }
  });

  // Required in CI (the shared data sits beside the clone there); outside CI it skips when absent.
  it.skipIf(!existsSync(MANY_SCRIPTS) && process.env.CI !== 'true')('typo leaves names in non-Latin scripts alone (shared data: one name, many scripts)', () => {
    const names = readFileSync(MANY_SCRIPTS, 'utf8').split('\n').filter(Boolean);
    const rng = new Rng(1);
    for (const n of names) {
      const out = typo(rng, n);
      if (!/^[\p{Script=Latin}\s'-]+$/u.test(n)) expect(out).toBe(n);
      else expect(Math.abs(out.length - n.length)).toBeLessThanOrEqual(1);
    }
  });
});
