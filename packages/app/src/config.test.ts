import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config.js';

describe('configFromEnv', () => {
  it('reads the defaults, and the screening threads from CLEW_SCREENING_THREADS', () => {
    expect(configFromEnv({})).toEqual({
      port: 8080,
      dataDir: './data',
      databaseUrl: undefined,
      auditKeyFile: undefined,
      screeningThreads: availableParallelism() > 1 ? 1 : 0,
    });
    expect(configFromEnv({ CLEW_SCREENING_THREADS: '0' }).screeningThreads).toBe(0);
    expect(configFromEnv({ CLEW_SCREENING_THREADS: ' 3 ' }).screeningThreads).toBe(3);
  });

  it('names the variable of a bad value', () => {
    for (const bad of ['-1', '1.5', 'two', '65'])
      expect(() => configFromEnv({ CLEW_SCREENING_THREADS: bad })).toThrow(
        expect.objectContaining({ code: 'Invalid', where: { field: 'CLEW_SCREENING_THREADS' } }),
      );
    expect(() => configFromEnv({ PORT: 'x' })).toThrow(/PORT must be a port number/);
  });
});
