import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionActors } from '../http/actor.js';
import { openPage } from '../testing/fake-browser.js';
import {
  createAgency,
  createDataset,
  ftmBody,
  importFtm,
  startTestServer,
  type TestServer,
} from '../testing/test-server.js';
import type { FakeNode } from '../testing/fake-dom.js';
import { HUB_PAGE_AUTH_URLS } from './hub-page.auth.js';
import { HUB_PAGE_SCRIPT } from './hub-page.assets.js';
import { HUB_PAGE_TITLE } from './hub-page.js';

const runPage = async (s: TestServer): Promise<Record<string, FakeNode>> => (await openPage(s.app)).ids;

describe('GET /', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    await createAgency(s.app, { id: 'ro-police', name: 'Poliția Română', country: 'ro' });
    await createAgency(s.app, { id: 'iom', name: 'IOM', kind: 'international', country: null });
    await createDataset(s.app, {
      name: 'cases',
      agency: 'ro-police',
      label: 'Case files',
      defaults: { tlp: 'RED' },
    });
    await importFtm(
      s.app,
      'cases',
      ftmBody([
        { id: 'p1', schema: 'Person', properties: { name: ['Ana'] } },
        { id: 'p2', schema: 'Person', properties: { name: ['Ion'] } },
        { id: 'c1', schema: 'Company', properties: { name: ['Trans SRL'] } },
      ]),
    );
  });
  afterAll(() => s.close());

  it('serves one self-contained HTML page whose only script and style are allowed by hash', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain(`<title>${HUB_PAGE_TITLE}</title>`);
    expect(res.body).toContain('href="/api/openapi.json"');
    expect(res.body).not.toMatch(/<(script|link)[^>]+src=/);
    const hash = createHash('sha256').update(HUB_PAGE_SCRIPT).digest('base64');
    expect(res.headers['content-security-policy']).toContain(`script-src 'sha256-${hash}'`);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('draws agencies, their datasets with TLP badges, and counts by schema', async () => {
    const ids = await runPage(s);
    expect(ids.status?.textContent).toBe('Loaded 2 agencies.');
    expect(ids.summary?.textContent).toBe('Agencies2Datasets1Entities3');
    const sections = ids.agencies?.all('section') ?? [];
    expect(sections.map((x) => x.all('h2')[0]?.textContent)).toEqual(['IOM', 'Poliția Română']);
    expect(sections[0]?.textContent).toContain('International body · International');
    expect(sections[0]?.textContent).toContain('No datasets yet.');
    const police = sections[1];
    expect(police?.all('p')[0]?.textContent).toBe('Police · Romania (RO)');
    const badge = police?.all('span').find((x) => x.attributes.class?.startsWith('tlp'));
    expect(badge?.attributes.class).toBe('tlp tlp-red');
    expect(badge?.textContent).toBe('TLP:RED');
    const rows = police?.all('tr').map((r) => [r.all('th')[0]?.textContent, r.all('td')[1]?.textContent]);
    expect(rows).toEqual([
      ['Person', '2'],
      ['Company', '1'],
    ]);
    const bars = police?.all('span').filter((x) => x.attributes.class === 'bar');
    expect(bars?.map((b) => b.style.width)).toEqual(['100%', '50%']);
  });

  it('shows an error when the API fails', async () => {
    const closed = await startTestServer({ logger: false });
    await closed.hub.close();
    const ids = await runPage(closed);
    expect(ids.status?.textContent).toBe('Could not load the hub: internal error');
    expect(ids.status?.attributes.role).toBe('alert');
    await closed.app.close();
    rmSync(closed.dataDir, { recursive: true, force: true });
  });
});

describe('GET / on a hub that asks for sign-in', () => {
  it('is served to anyone, and its script signs in, out and sets up through the auth routes', async () => {
    const s = await startTestServer({ actors: sessionActors });
    try {
      const res = await s.app.inject({ method: 'GET', url: '/' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('id="session"');
      expect(res.body).toContain('id="auth"');
      for (const url of Object.values(HUB_PAGE_AUTH_URLS)) {
        expect(HUB_PAGE_SCRIPT).toContain(`'${url}'`);
        expect(res.body).toContain(`'${url}'`);
      }
      expect(HUB_PAGE_SCRIPT).toContain("headers['x-csrf-token'] = token");
      // The script the CSP allows is the one the page carries, sign-in included.
      const hash = createHash('sha256').update(HUB_PAGE_SCRIPT).digest('base64');
      expect(res.headers['content-security-policy']).toContain(`script-src 'sha256-${hash}'`);
      expect((await s.app.inject({ method: 'GET', url: '/api/agencies' })).statusCode).toBe(401);
    } finally {
      await s.close();
    }
  });
});
