import { describe, expect, it } from 'vitest';
import { createAgency, startTestServer } from '../testing/test-server.js';

describe('request logging', () => {
  it('logs route patterns, never path values, query strings or bodies', async () => {
    const lines: string[] = [];
    const stream = { write: (l: string): void => void lines.push(l) };
    const s = await startTestServer({ logger: { level: 'info', stream } });
    try {
      await createAgency(s.app, { id: 'police-x', name: 'Secret Squad' });
      await s.app.inject({ method: 'GET', url: '/api/entities/passport-RO1234567.abc?schema=Person' });
      await s.app.inject({ method: 'GET', url: '/api/agencies/police-x' });
      const log = lines.join('\n');
      expect(log).toContain('"url":"/api/agencies"');
      expect(log).toContain('"url":"/api/entities/:id"');
      expect(log).toContain('"url":"/api/agencies/:id"');
      for (const secret of ['Secret Squad', 'RO1234567', 'schema=Person', 'police-x'])
        expect(log).not.toContain(secret);
    } finally {
      await s.close();
    }
  });
});
