import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { HUB_PAGE_CSS, HUB_PAGE_SCRIPT } from './hub-page.assets.js';

/** The title of the hub page, as browsers and tests see it. */
export const HUB_PAGE_TITLE = 'Clew hub';

const sha256 = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hub page's markup: a shell the script fills from the API. */
export const hubPageHtml = (): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${HUB_PAGE_TITLE}</title>
<link rel="icon" href="data:,">
<style>${HUB_PAGE_CSS}</style>
</head>
<body>
<header class="top">
  <h1>${HUB_PAGE_TITLE}</h1>
  <p>Fragments of trafficking and smuggling networks, shared between agencies under need-to-share rules.</p>
  <nav aria-label="API"><a href="/api/openapi.json">API description (OpenAPI 3.1)</a> · <a href="/api/health">Health</a></nav>
  <div id="session" class="session" hidden></div>
</header>
<main>
  <p id="status" class="status" role="status">Loading the hub…</p>
  <div id="auth" class="auth" hidden></div>
  <div id="hub">
    <h2 class="visually-hidden">Totals</h2>
    <dl class="summary" id="summary"></dl>
    <div id="agencies"></div>
  </div>
</main>
<script>${HUB_PAGE_SCRIPT}</script>
</body>
</html>
`;

/**
 * Only this page's own style and script may run (by hash), it may only fetch from this origin, and it
 * may not be framed: the data on the page is sensitive.
 */
export const hubPageCsp = (): string =>
  [
    "default-src 'none'",
    `script-src ${sha256(HUB_PAGE_SCRIPT)}`,
    `style-src ${sha256(HUB_PAGE_CSS)}`,
    "connect-src 'self'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/** `GET /`: the hub at a glance (after signing in), until the full web UI arrives. */
export const registerHubPage = (app: FastifyInstance): void => {
  const html = hubPageHtml();
  const csp = hubPageCsp();
  app.get('/', (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', csp).send(html),
  );
};
