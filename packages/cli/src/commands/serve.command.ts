import { operatorActor } from '@clew/core';
import { startServer } from '@clew/server';
import type { Command } from 'commander';
import { loadConfig, say } from '../context.js';
import { openHub } from '@clew/app';
import { loadDemoIfEmpty } from './demo.commands.js';
import { announceFirstAdmin } from './first-admin.js';

/** `clew serve`: run the hub's HTTP API and page until interrupted. */
export const registerServeCommand = (program: Command): void => {
  program
    .command('serve')
    .description('run the hub: HTTP API and web page (PORT, HOST, CLEW_DATA_DIR, CLEW_DATABASE_URL)')
    .option('--demo', 'on an empty store, first load the demo world (seeded, small)')
    .option(
      '--host <host>',
      'address to listen on (beyond loopback, put TLS in front: session cookies are Secure)',
      process.env.HOST ?? '127.0.0.1',
    )
    .action(async (opts: { demo?: boolean; host: string }) => {
      const config = loadConfig();
      const hub = await openHub(config, { screeningThreads: config.screeningThreads });
      try {
        // The administrator first: the demo's own users would otherwise make the hub look set up.
        const firstAdmin = await hub.accounts.ensureFirstAdmin();
        let server: Awaited<ReturnType<typeof startServer>>;
        try {
          if (opts.demo) await loadDemoIfEmpty(hub, config, operatorActor());
          // Screening answers from the first request: build the match index before listening.
          const index = await hub.matching.warm();
          say(`match index: ${index.records} records in ${(index.buildSeconds ?? 0).toFixed(1)} s`);
          server = await startServer(hub, { host: opts.host, port: config.port, dataDir: config.dataDir });
        } catch (e) {
          // The password exists only now: show it even when the start fails (a port in use…).
          announceFirstAdmin(firstAdmin);
          throw e;
        }
        const address = server.server.address();
        const port = typeof address === 'object' && address ? address.port : config.port;
        say(`Clew hub ${hub.hubId} on ${hub.store.dialect} (${hub.store.location})`);
        say(
          `listening on http://${opts.host === '0.0.0.0' ? 'localhost' : opts.host}:${port}/  (Ctrl-C to stop)`,
        );
        announceFirstAdmin(firstAdmin);
        await new Promise<void>((resolve) => {
          const stop = (): void => {
            resolve();
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        say('stopping…');
        await server.close();
      } finally {
        await hub.close();
      }
    });
};
