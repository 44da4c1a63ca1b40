import type { FastifyInstance } from 'fastify';
import { runInNewContext } from 'node:vm';
import { HUB_PAGE_SCRIPT } from '../web/hub-page.assets.js';
import { FakeNode, fakeDocument } from './fake-dom.js';

/** A request the page sent, as the server received it. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** The hub page running against an in-process server, as a browser would run it. */
export interface FakePage {
  /** The page's elements with an id. */
  ids: Record<string, FakeNode>;
  /** Every request the page sent. */
  sent: SentRequest[];
  /** The session cookie the browser holds ('' when none). */
  cookie: () => string;
  /** Resolves once the page has no request in flight and has had a moment to draw. */
  idle: () => Promise<void>;
}

interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

const PAGE_IDS = ['status', 'session', 'auth', 'hub', 'summary', 'agencies'] as const;

/**
 * Run the page's script with a fake DOM and a fetch that goes to `app.inject`, keeping the session
 * cookie like a browser's cookie jar (set by Set-Cookie, dropped at Max-Age=0, never readable by the
 * script). `cookie` starts the page with a session already in the jar (a reload).
 */
export const openPage = async (app: FastifyInstance, cookie = ''): Promise<FakePage> => {
  const ids = Object.fromEntries(PAGE_IDS.map((id) => [id, new FakeNode(id === 'summary' ? 'dl' : 'div')]));
  // As the markup has them: the sign-in box and the user's bar start hidden.
  for (const id of ['auth', 'session']) if (ids[id]) ids[id].hidden = true;
  const sent: SentRequest[] = [];
  // name → [value, httpOnly]; the request sends every cookie, the script reads only the others.
  const jarMap = new Map<string, [string, boolean]>();
  const take = (setCookie: string): void => {
    const pair = setCookie.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    if (/Max-Age=0\b/.test(setCookie) || pair.endsWith('=')) jarMap.delete(name);
    else jarMap.set(name, [pair.slice(eq + 1), /;\s*HttpOnly/i.test(setCookie)]);
  };
  const jarOf = (readable: boolean): string =>
    [...jarMap]
      .filter(([, [, httpOnly]]) => !readable || !httpOnly)
      .map(([k, [v]]) => `${k}=${v}`)
      .join('; ');
  // A reload starts with the jar as the server left it: the session HttpOnly, its CSRF twin readable.
  for (const part of cookie.split(';')) {
    if (part.includes('='))
      take(part.trim().startsWith('clew_csrf=') ? part.trim() : `${part.trim()}; HttpOnly`);
  }
  let pending = 0;
  let lastActivity = Date.now();
  const fetch = async (url: string, init: FetchInit = {}): Promise<unknown> => {
    pending++;
    const jar = jarOf(false);
    const headers = { ...(init.headers ?? {}), ...(jar ? { cookie: jar } : {}) };
    const method = init.method ?? 'GET';
    sent.push({ method, url, headers });
    try {
      const res = await app.inject({
        method: method as 'GET' | 'POST',
        url,
        headers,
        ...(init.body === undefined ? {} : { payload: init.body }),
      });
      const setCookie = res.headers['set-cookie'];
      for (const c of typeof setCookie === 'string' ? [setCookie] : (setCookie ?? [])) take(c);
      return {
        ok: res.statusCode < 400,
        status: res.statusCode,
        statusText: res.statusMessage,
        json: () => Promise.resolve().then(() => res.json<unknown>()),
      };
    } finally {
      pending--;
      lastActivity = Date.now();
    }
  };
  const document = Object.defineProperty(fakeDocument(ids), 'cookie', { get: () => jarOf(true) });
  runInNewContext(HUB_PAGE_SCRIPT, { document, fetch, Intl });
  const idle = async (): Promise<void> => {
    do await new Promise((resolve) => setTimeout(resolve, 10));
    while (pending > 0 || Date.now() - lastActivity < 30);
  };
  await idle();
  return { ids, sent, cookie: () => jarOf(false), idle };
};

/** Type into an input of the page's sign-in box, by its name. */
export const typeInto = (page: FakePage, name: string, text: string): void => {
  const input = page.ids.auth?.find('name', name);
  if (!input) throw new Error(`no input "${name}" in: ${page.ids.auth?.textContent ?? ''}`);
  input.value = text;
};

/** Submit the form in the sign-in box and wait for the page to settle. */
export const submit = async (page: FakePage): Promise<void> => {
  const form = page.ids.auth?.all('form')[0];
  if (!form) throw new Error('no form on the page');
  form.dispatch('submit');
  await page.idle();
};
