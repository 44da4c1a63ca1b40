// The hub page's style and script, kept apart from its markup. The script runs in the browser as
// written (no build step): plain ES2020, and it writes data with textContent only, never as HTML,
// since agency and dataset names come from users.
import { HUB_PAGE_AUTH_SCRIPT } from './hub-page.auth.js';

/** The page's style sheet. */
export const HUB_PAGE_CSS = `
:root { --ink: #1b2430; --muted: #4a5565; --line: #d5dae1; --paper: #f6f7f9; --card: #fff; --accent: #0b6e69; --bar: #2a7f9e; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.top { background: #14222e; color: #fff; padding: 1.5rem max(1rem, calc((100% - 62rem) / 2)); }
.top h1 { margin: 0; font-size: 1.75rem; letter-spacing: .02em; }
.top p { margin: .25rem 0 .75rem; color: #d4dde6; }
.top a { color: #9fe3dc; }
main { max-width: 64rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
.summary { display: flex; flex-wrap: wrap; gap: 1rem; margin: 0 0 1.5rem; padding: 0; }
.summary div { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1.25rem; min-width: 9rem; }
.summary dt { color: var(--muted); font-size: .875rem; }
.summary dd { margin: 0; font-size: 1.5rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.status { color: var(--muted); }
.status.error { color: #9b1c1c; font-weight: 600; }
.agency { background: var(--card); border: 1px solid var(--line); border-radius: .75rem; padding: 1.25rem 1.5rem; margin-bottom: 1.25rem; }
.agency h2 { margin: 0; font-size: 1.3rem; }
.meta { margin: .1rem 0 1rem; color: var(--muted); }
.datasets { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); }
.dataset { border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; }
.dataset-head { display: flex; justify-content: space-between; align-items: baseline; gap: .5rem; }
.dataset h3 { margin: 0; font-size: 1.05rem; }
.dataset p { margin: .25rem 0 .75rem; color: var(--muted); font-size: .9rem; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
.tlp { font: 700 .75rem/1 ui-monospace, Menlo, Consolas, monospace; padding: .3rem .45rem; border-radius: .25rem; background: #000; white-space: nowrap; }
.tlp-red { color: #ff2b2b; } .tlp-amber, .tlp-amber-strict { color: #ffc000; } .tlp-green { color: #33ff00; } .tlp-clear { color: #fff; }
.bars { width: 100%; border-collapse: collapse; font-size: .875rem; }
.bars th { text-align: left; font-weight: 500; padding: .15rem .5rem .15rem 0; white-space: nowrap; width: 1%; }
.bars td { padding: .15rem 0; }
.bars .num { text-align: right; padding-left: .5rem; width: 1%; font-variant-numeric: tabular-nums; }
.bar { display: block; height: .8rem; min-width: 2px; background: var(--bar); border-radius: 2px; }
.empty { color: var(--muted); font-style: italic; }
.session { display: flex; flex-wrap: wrap; align-items: center; gap: .75rem; margin-top: .75rem; color: #d4dde6; }
.session[hidden], .auth[hidden], #hub[hidden] { display: none; }
button { font: inherit; padding: .45rem 1rem; border-radius: .375rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button:focus-visible, input:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
button[disabled] { opacity: .6; cursor: wait; }
.sign-out { background: transparent; border-color: #9fe3dc; color: #9fe3dc; padding: .2rem .75rem; }
.auth-form { max-width: 28rem; background: var(--card); border: 1px solid var(--line); border-radius: .75rem; padding: 1.25rem 1.5rem; }
.auth-form h2 { margin: 0 0 .25rem; font-size: 1.3rem; }
.auth-form .intro { color: var(--muted); margin: 0 0 1rem; }
.field { margin: 0 0 .9rem; }
.field label { display: block; font-weight: 500; margin-bottom: .2rem; }
.field input { width: 100%; font: inherit; padding: .4rem .5rem; border: 1px solid #8b95a3; border-radius: .3rem; }
.form-error { color: #9b1c1c; font-weight: 600; min-height: 1.5em; margin: 0 0 .5rem; }
.totp code { font-size: 1.1rem; letter-spacing: .05em; }
.totp a { word-break: break-all; font-size: .85rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-reduced-motion: no-preference) { .bar { transition: width .3s ease-out; } }
`;

/** The page's script: fetch agencies, datasets and counts, then draw them; sign in when asked to. */
export const HUB_PAGE_SCRIPT = `
'use strict';
(function () {
  var KINDS = { police: 'Police', border: 'Border agency', fiu: 'Financial intelligence unit', ngo: 'NGO', international: 'International body', other: 'Other', hub: 'The hub’s own staff' };
  var TLP_MEANING = { CLEAR: 'Disclosure is not limited', GREEN: 'Limited to the community', AMBER: 'Limited to the organisation and its clients, need to know', 'AMBER+STRICT': 'Limited to the organisation only', RED: 'For the named recipients only' };
  var regions = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;
  var numbers = new Intl.NumberFormat('en');

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === 'text') node.textContent = props[k];
      else if (props[k] !== undefined) node.setAttribute(k, props[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  function byId(id) { return document.getElementById(id); }

  var status = byId('status');
  function setStatus(text, isError) {
    status.textContent = text;
    status.classList.remove('error');
    status.classList.remove('visually-hidden');
    status.setAttribute('role', 'status');
    if (isError) {
      status.classList.add('error');
      status.setAttribute('role', 'alert');
    } else if (!text) {
      status.classList.add('visually-hidden');
    }
  }
${HUB_PAGE_AUTH_SCRIPT}

  function countryName(code) {
    if (!code) return 'International';
    var upper = code.toUpperCase();
    var name = null;
    try { name = regions && regions.of(upper); } catch (e) { name = null; }
    return name && name !== upper ? name + ' (' + upper + ')' : upper;
  }

  function tlpBadge(tlp) {
    var cls = 'tlp tlp-' + tlp.toLowerCase().replace('+', '-');
    return el('span', { class: cls, title: TLP_MEANING[tlp] || '', text: 'TLP:' + tlp });
  }

  function chart(dataset, counts) {
    var rows = Object.keys(counts.bySchema).map(function (s) { return [s, counts.bySchema[s]]; });
    if (rows.length === 0) return el('p', { class: 'empty', text: 'No entities yet.' });
    rows.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
    var max = rows[0][1];
    var body = el('tbody', {}, rows.map(function (r) {
      var bar = el('span', { class: 'bar', 'aria-hidden': 'true' });
      bar.style.width = Math.max(1, Math.round((r[1] / max) * 100)) + '%';
      return el('tr', {}, [el('th', { scope: 'row', text: r[0] }), el('td', {}, [bar]), el('td', { class: 'num', text: numbers.format(r[1]) })]);
    }));
    return el('table', { class: 'bars' }, [el('caption', { class: 'visually-hidden', text: 'Entities by schema in ' + dataset.label }), body]);
  }

  function datasetCard(d, counts) {
    var total = counts ? counts.total : 0;
    return el('li', { class: 'dataset' }, [
      el('div', { class: 'dataset-head' }, [el('h3', { text: d.label }), tlpBadge(d.defaults.tlp)]),
      el('p', {}, [el('code', { text: d.name }), document.createTextNode(' · ' + numbers.format(total) + (total === 1 ? ' entity' : ' entities'))]),
      chart(d, counts || { total: 0, bySchema: {} }),
    ]);
  }

  function agencySection(a, datasets, countsByDataset) {
    var id = 'agency-' + a.id;
    var own = datasets.filter(function (d) { return d.agency === a.id; });
    var list = own.length === 0
      ? el('p', { class: 'empty', text: 'No datasets yet.' })
      : el('ul', { class: 'datasets' }, own.map(function (d) { return datasetCard(d, countsByDataset[d.name]); }));
    return el('section', { class: 'agency', 'aria-labelledby': id }, [
      el('h2', { id: id, text: a.name }),
      el('p', { class: 'meta', text: (KINDS[a.kind] || a.kind) + ' · ' + countryName(a.country) }),
      list,
    ]);
  }

  function summary(label, value) {
    return el('div', {}, [el('dt', { text: label }), el('dd', { text: numbers.format(value) })]);
  }

  function draw(agencies, datasets, stats) {
    var countsByDataset = {};
    stats.results.forEach(function (s) { countsByDataset[s.dataset] = s; });
    byId('summary').replaceChildren(
      summary('Agencies', agencies.length), summary('Datasets', datasets.length), summary('Entities', stats.total));
    byId('agencies').replaceChildren.apply(
      byId('agencies'),
      agencies.map(function (a) { return agencySection(a, datasets, countsByDataset); }));
    byId('hub').hidden = false;
    if (agencies.length === 0) {
      setStatus('No agencies yet: create one with POST /api/agencies.');
    } else {
      setStatus('Loaded ' + agencies.length + (agencies.length === 1 ? ' agency.' : ' agencies.'));
      status.classList.add('visually-hidden');
    }
  }

  function loadHub() {
    setStatus('Loading the hub…');
    return Promise.all([api('GET', '/api/agencies'), api('GET', '/api/datasets'), api('GET', '/api/stats')])
      .then(function (r) {
        draw(r[0].results, r[1].results, r[2]);
        whoAmI(r[0].results);
      })
      .catch(refused)
      .catch(function (e) { setStatus('Could not load the hub: ' + e.message, true); });
  }

  loadHub();
})();
`;
