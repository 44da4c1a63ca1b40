import { operatorActor } from '@clew/core';
import { startServer } from '@clew/server';
import type { Command } from 'commander';
import { loadConfig, say } from '../context.js';
import { openHub } from '@clew/app';
import { loadDemoIfEmpty } from './demo.commands.js';

/** `clew serve`: run the hub's HTTP API and page until interrupted. */
export const registerServeCommand = (program: Command): void => {
  program
    .command('serve')
    .description('run the hub: HTTP API and web page (PORT, HOST, CLEW_DATA_DIR, CLEW_DATABASE_URL)')
    .option('--demo', 'on an empty store, first load the demo world (seeded, small)')
    .option(
      '--host <host>',
      'address to listen on (no sign-in yet: keep it on loopback)',
      process.env.HOST ?? '127.0.0.1',
    )
    .action(async (opts: { demo?: boolean; host: string }) => {
      const config = loadConfig();
      const hub = await openHub(config);
      try {
        if (opts.demo) await loadDemoIfEmpty(hub, config, operatorActor());
        const server = await startServer(hub, {
          host: opts.host,
          port: config.port,
          dataDir: config.dataDir,
        });
        const address = server.server.address();
        const port = typeof address === 'object' && address ? address.port : config.port;
        say(`Clew hub ${hub.hubId} on ${hub.store.dialect} (${hub.store.location})`);
        say(
          `listening on http://${opts.host === '0.0.0.0' ? 'localhost' : opts.host}:${port}/  (Ctrl-C to stop)`,
        );
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
