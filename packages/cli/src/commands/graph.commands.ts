import type { SubgraphView } from '@clew/app';
import { invalid, operatorActor } from '@clew/core';
import type { Command } from 'commander';
import { out, table, withHub } from '../context.js';

const actor = operatorActor();

/** A whole number option within bounds, or an Invalid error naming the option. */
const intOption = (name: string, raw: string, min: number, max: number): number => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw invalid(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`, { field: name });
  return n;
};

const list = (raw: string | undefined): string[] | undefined =>
  raw === undefined ? undefined : raw.split(',').filter((x) => x !== '');

/** The edge filters `--since`, `--until` and `--agencies` as given on the command line. */
interface EdgeFilterFlags {
  since?: string;
  until?: string;
  agencies?: string;
}

/** Add the edge filter flags to a command (neighbourhood, paths, flows). */
const withEdgeFilters = (cmd: Command): Command =>
  cmd
    .option('--since <date>', 'only edges dated on or after this day (YYYY-MM-DD; undated ones pass)')
    .option('--until <date>', 'only edges dated on or before this day (YYYY-MM-DD; undated ones pass)')
    .option('--agencies <list>', 'only edges stated by these agencies’ datasets, comma-separated ids');

/** The service's edge filter from the flags (dates are checked by the service). */
const edgeFilters = (
  f: EdgeFilterFlags,
): { since?: string; until?: string; agencies?: string[] | undefined } => ({
  ...(f.since === undefined ? {} : { since: f.since }),
  ...(f.until === undefined ? {} : { until: f.until }),
  ...(f.agencies === undefined ? {} : { agencies: list(f.agencies) }),
});

/** Nodes and edges of an answer as two tables. */
const subgraphText = (v: SubgraphView): string =>
  [
    table(
      ['id', 'type', 'caption', 'reason'],
      v.nodes.map((n) => [
        n.id,
        n.type,
        n.caption,
        n.members ? `${n.reason}: ${n.members.join(', ')}` : n.reason,
      ]),
    ),
    '',
    table(
      ['source', 'type', 'target', 'amount', 'date', 'via', 'dataset'],
      v.edges.map((e) => [
        e.source,
        e.type,
        e.target,
        e.amount === undefined ? '' : String(e.amount),
        e.date ?? '',
        e.via,
        e.dataset,
      ]),
    ),
    ...(v.truncated ? ['(truncated)'] : []),
  ].join('\n');

/** Print an answer as JSON or as text. */
const print = <T extends SubgraphView>(json: boolean | undefined, v: T, text: (v: T) => string): void => {
  out(json ? JSON.stringify(v, null, 2) : text(v));
};

/** `clew graph neighbourhood|paths|communities|centrality|flows|patterns`. */
export const registerGraphCommands = (program: Command): void => {
  const graph = program.command('graph').description('network analysis over the entity graph');
  withEdgeFilters(
    graph
      .command('neighbourhood')
      .description('the entities and things within a few hops of an entity or thing')
      .argument('<id>', 'entity id, or thing key such as phone:+393331234567'),
  )
    .option('--hops <n>', 'hops out, 1 to 3', '2')
    .option('--max-nodes <n>', 'most nodes returned', '200')
    .option('--edge-types <list>', 'edge kinds, comma-separated, e.g. has-phone,associate')
    .option('--node-types <list>', 'node kinds, comma-separated, e.g. person,phone')
    .option('--json', 'print JSON')
    .action(
      async (
        id: string,
        opts: EdgeFilterFlags & {
          hops: string;
          maxNodes: string;
          edgeTypes?: string;
          nodeTypes?: string;
          json?: boolean;
        },
      ) => {
        await withHub(
          async (hub) => {
            const v = await hub.graph.neighbourhood(actor, {
              ...edgeFilters(opts),
              id,
              hops: intOption('hops', opts.hops, 1, 3),
              maxNodes: intOption('max-nodes', opts.maxNodes, 1, 100_000),
              edgeTypes: list(opts.edgeTypes),
              nodeTypes: list(opts.nodeTypes),
            });
            print(opts.json, v, subgraphText);
          },
          { readonly: true },
        );
      },
    );
  withEdgeFilters(
    graph
      .command('paths')
      .description('shortest paths between two entities or things')
      .argument('<from>')
      .argument('<to>'),
  )
    .option('--max-length <n>', 'longest path, in edges', '6')
    .option('--max-paths <n>', 'most paths returned', '5')
    .option('--json', 'print JSON')
    .action(
      async (
        from: string,
        to: string,
        opts: EdgeFilterFlags & { maxLength: string; maxPaths: string; json?: boolean },
      ) => {
        await withHub(
          async (hub) => {
            const v = await hub.graph.paths(actor, {
              ...edgeFilters(opts),
              from,
              to,
              maxLength: intOption('max-length', opts.maxLength, 1, 20),
              maxPaths: intOption('max-paths', opts.maxPaths, 1, 1000),
            });
            print(opts.json, v, (p) =>
              p.paths.length === 0 ? 'no path' : p.paths.map((path) => path.join(' → ')).join('\n'),
            );
          },
          { readonly: true },
        );
      },
    );
  graph
    .command('communities')
    .description('communities found by Louvain, largest first')
    .option('--resolution <x>', 'above 1 favours smaller communities')
    .option('--limit <n>', 'most communities listed', '20')
    .option('--json', 'print JSON')
    .action(async (opts: { resolution?: string; limit: string; json?: boolean }) => {
      await withHub(
        async (hub) => {
          const resolution = opts.resolution === undefined ? undefined : Number(opts.resolution);
          if (resolution !== undefined && !(resolution > 0))
            throw invalid(`--resolution must be a positive number, got "${opts.resolution}"`, {
              field: 'resolution',
            });
          const v = await hub.graph.communities(actor, {
            limit: intOption('limit', opts.limit, 1, 100_000),
            ...(resolution === undefined ? {} : { resolution }),
          });
          print(opts.json, v, (c) =>
            [
              `${c.count} communities, modularity ${c.modularity.toFixed(4)}`,
              table(
                ['community', 'size', 'people', 'top members'],
                c.communities.map((x) => [
                  String(x.community),
                  String(x.size),
                  String(x.people),
                  x.top.join(', '),
                ]),
              ),
            ].join('\n'),
          );
        },
        { readonly: true },
      );
    });
  graph
    .command('centrality')
    .description('the top entities by a centrality measure')
    .option('--measure <m>', 'degree, pagerank or betweenness', 'pagerank')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .action(async (opts: { measure: string; limit: string; json?: boolean }) => {
      const measure = opts.measure;
      if (measure !== 'degree' && measure !== 'pagerank' && measure !== 'betweenness')
        throw invalid(`--measure must be degree, pagerank or betweenness, got "${measure}"`, {
          field: 'measure',
        });
      await withHub(
        async (hub) => {
          const v = await hub.graph.centrality(actor, {
            measure,
            limit: intOption('limit', opts.limit, 1, 100_000),
          });
          const byId = new Map(v.nodes.map((n) => [n.id, n]));
          print(opts.json, v, (c) =>
            table(
              ['rank', 'id', 'type', 'caption', measure],
              c.ranking.map((r, i) => [
                String(i + 1),
                r.id,
                byId.get(r.id)?.type ?? '',
                byId.get(r.id)?.caption ?? '',
                r.score.toPrecision(4),
              ]),
            ),
          );
        },
        { readonly: true },
      );
    });
  withEdgeFilters(
    graph
      .command('flows')
      .description('follow payments from (forward) or to (backward) an entity, in time order')
      .argument('<id>'),
  )
    .option('--direction <d>', 'forward or backward', 'forward')
    .option('--max-depth <n>', 'most payments on a path', '4')
    .option('--json', 'print JSON')
    .action(
      async (id: string, opts: EdgeFilterFlags & { direction: string; maxDepth: string; json?: boolean }) => {
        const direction = opts.direction;
        if (direction !== 'forward' && direction !== 'backward')
          throw invalid(`--direction must be forward or backward, got "${direction}"`, {
            field: 'direction',
          });
        await withHub(
          async (hub) => {
            const v = await hub.graph.flows(actor, {
              ...edgeFilters(opts),
              id,
              direction,
              maxDepth: intOption('max-depth', opts.maxDepth, 1, 20),
            });
            print(opts.json, v, (f) => `total ${f.total}\n${subgraphText(f)}`);
          },
          { readonly: true },
        );
      },
    );
  graph
    .command('patterns')
    .description(
      'trafficking indicators: phones, accounts or addresses linked to many victims, vehicles or vessels on many trips, brokers between communities',
    )
    .option('--limit <n>', 'most matches', '50')
    .option('--json', 'print JSON')
    .action(async (opts: { limit: string; json?: boolean }) => {
      await withHub(
        async (hub) => {
          const v = await hub.graph.patterns(actor, { limit: intOption('limit', opts.limit, 1, 100_000) });
          const byId = new Map(v.nodes.map((n) => [n.id, n]));
          print(opts.json, v, (p) =>
            table(
              ['indicator', 'id', 'caption', 'count', 'score'],
              p.matches.map((m) => [
                m.indicator,
                m.id,
                byId.get(m.id)?.caption ?? '',
                String(m.count),
                m.score.toPrecision(3),
              ]),
            ),
          );
        },
        { readonly: true },
      );
    });
};
