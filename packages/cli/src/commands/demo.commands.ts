import { HUB_AGENCY, type Hub, type HubConfig } from '@clew/app';
import { invalid, operatorActor, parseMarkingJson, type Actor } from '@clew/core';
import { generateWorld, type WorldManifest } from '@clew/demo';
import type { Command } from 'commander';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { out, say, withHub } from '../context.js';
import { ProgressBar } from '../progress.js';
import { setUpDemoAccounts } from './demo-accounts.js';
import { loadWorldTables } from './demo-tables.js';
import { ensureFirstAdminAnnounced } from './first-admin.js';

/** The demo hub's world: fixed seed, small scale. */
const DEMO = { seed: 2026, scale: 'small' } as const;

const parseScale = (raw: string): 'tiny' | 'small' | 'medium' | 'large' | number => {
  if (raw === 'tiny' || raw === 'small' || raw === 'medium' || raw === 'large') return raw;
  const n = Number(raw);
  if (!Number.isInteger(n))
    throw invalid(`--scale must be tiny, small, medium, large or a number of people, got "${raw}"`, {
      field: 'scale',
    });
  return n;
};

const generate = async (opts: {
  seed: string;
  scale: string;
  out: string;
  noise?: string;
  groups?: string;
}): Promise<void> => {
  const bar = new ProgressBar('generate', 'groups');
  const seed = /^-?\d+$/.test(opts.seed) ? Number(opts.seed) : opts.seed;
  const summary = await generateWorld({
    seed,
    scale: parseScale(opts.scale),
    out: opts.out,
    ...(opts.noise !== undefined ? { noise: Number(opts.noise) } : {}),
    ...(opts.groups !== undefined ? { groups: Number(opts.groups) } : {}),
    onProgress: (p) => {
      bar.update(
        { done: p.groupsDone, total: p.groupsTotal, extra: `${p.people} people` },
        p.records,
        'records',
      );
    },
  });
  bar.done();
  const rate = Math.round(summary.records / (summary.durationMs / 1000));
  out(
    `generated ${summary.people} people in ${summary.groups} groups: ${summary.entities} FtM entities and ${summary.nativeRows} native rows ` +
      `for ${Object.keys(summary.agencies).length} agencies in ${(summary.durationMs / 1000).toFixed(1)} s (${rate} records/s) → ${summary.out}`,
  );
};

/** Create the world's agencies and datasets, and import each dataset's FtM file; returns its manifest. */
export const loadWorld = async (hub: Hub, dir: string, actor: Actor): Promise<WorldManifest> => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as WorldManifest;
  const known = new Set((await hub.agencies.list(actor)).map((a) => a.id));
  for (const a of manifest.agencies) {
    if (!known.has(a.id))
      await hub.agencies.create(actor, {
        id: a.id,
        name: a.name,
        kind: a.kind,
        country: a.country,
      });
  }
  const datasets = new Set((await hub.datasets.list(actor)).map((d) => d.name));
  for (const d of manifest.datasets) {
    const agency = manifest.agencies.find((a) => a.id === d.agency);
    if (!datasets.has(d.name)) {
      await hub.datasets.create(actor, {
        name: d.name,
        agency: d.agency,
        label: agency?.name,
        defaults: parseMarkingJson(agency?.defaultMarking ?? {}),
      });
    }
    for (const f of d.files.filter((x) => x.format === 'ftm')) {
      const file = join(dir, f.path);
      const report = await hub.ftm.importFtm(actor, {
        dataset: d.name,
        fileName: file,
        parallel: true,
        open: () => createInterface({ input: createReadStream(file), crlfDelay: Infinity }),
      });
      say(
        `  ${d.name}: ${report.accepted} entities${report.rejected ? `, ${report.rejected} rejected` : ''}`,
      );
    }
  }
  return manifest;
};

/** Load a world, then its groups, sharing and analysts; say where their passwords are (never print them). */
const loadWorldWithAccounts = async (hub: Hub, dir: string, dataDir: string, actor: Actor): Promise<void> => {
  const manifest = await loadWorld(hub, dir, actor);
  // The agencies' native exports too, through the example mappings (the table import's path).
  await loadWorldTables(hub, dir, manifest, actor);
  const file = await setUpDemoAccounts(hub, manifest, dataDir, actor);
  say(
    `demo users: one analyst per agency (${manifest.agencies.length}, e.g. ${manifest.agencies[0]?.id ?? 'it-ps'}.analyst); ` +
      `their one-time passwords are in ${file} (readable only by you)`,
  );
};

/**
 * On an empty hub (no agency but the hub's own), generate (once) and load the demo world with its
 * users and sharing, so a newcomer sees data at once.
 */
export const loadDemoIfEmpty = async (hub: Hub, config: HubConfig, actor: Actor): Promise<void> => {
  if ((await hub.agencies.list(actor)).some((a) => a.id !== HUB_AGENCY.id)) return;
  const dir = resolve(config.dataDir, 'demo-world');
  if (!existsSync(join(dir, 'manifest.json'))) {
    say(`empty hub: generating the demo world (seed ${DEMO.seed}, ${DEMO.scale}) in ${dir}…`);
    await generate({ seed: String(DEMO.seed), scale: DEMO.scale, out: dir });
  }
  say('loading the demo world…');
  await loadWorldWithAccounts(hub, dir, config.dataDir, actor);
};

/** `clew generate` and `clew demo …`. */
export const registerDemoCommands = (program: Command): void => {
  program
    .command('generate')
    .description('generate a synthetic multi-agency trafficking and smuggling world, with its ground truth')
    .option('--seed <n>', 'seed: the same seed gives the same files', '1')
    .option('--scale <scale>', 'tiny, small, medium, large, or a number of people', 'small')
    .option('--noise <x>', 'how messy the records are, 0 to 1 (default 0.3)')
    .option('--groups <n>', 'number of organised crime groups')
    .requiredOption('--out <dir>', 'output directory')
    .action(generate);

  const demo = program.command('demo').description('the demo hub');
  demo
    .command('load')
    .description('load a generated world (its manifest.json) into the hub')
    .argument('<dir>', 'the directory clew generate wrote')
    .action(async (dir: string) => {
      await withHub(async (hub, config) => {
        // Before the demo's analysts exist, or the hub would never get its administrator.
        await ensureFirstAdminAnnounced(hub);
        await loadWorldWithAccounts(hub, dir, config.dataDir, operatorActor());
      });
    });
  demo
    .command('reset')
    .description('remove the demo world’s agencies and data from the hub, then load it again')
    .action(async () => {
      await withHub(async (hub, config) => {
        const actor = operatorActor();
        const dir = resolve(config.dataDir, 'demo-world');
        if (!existsSync(join(dir, 'manifest.json'))) {
          await generate({ seed: String(DEMO.seed), scale: DEMO.scale, out: dir });
        }
        const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as WorldManifest;
        await hub.datasets.purge(
          actor,
          manifest.datasets.map((d) => d.name),
        );
        await hub.agencies.purge(
          actor,
          manifest.agencies.map((a) => a.id),
        );
        await ensureFirstAdminAnnounced(hub);
        await loadWorldWithAccounts(hub, dir, config.dataDir, actor);
        out('demo world reloaded');
      });
    });
};
