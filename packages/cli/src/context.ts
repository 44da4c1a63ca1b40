import { configFromEnv, openHub, type Hub, type HubConfig } from '@clew/app';

/** The configuration from the environment (PORT, CLEW_DATA_DIR, CLEW_DATABASE_URL). */
export const loadConfig = (): HubConfig => configFromEnv(process.env);

/** Open the hub, run `fn`, and close the hub whatever happens. */
export const withHub = async <T>(
  fn: (hub: Hub, config: HubConfig) => Promise<T>,
  options: { readonly?: boolean } = {},
): Promise<T> => {
  const config = loadConfig();
  const hub = await openHub(config, options);
  try {
    return await fn(hub, config);
  } finally {
    await hub.close();
  }
};

/** Print to stdout. */
export const out = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

/** Print to stderr (messages that are not the command's output). */
export const say = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

/** Format rows as an aligned plain-text table. */
export const table = (header: string[], rows: string[][]): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
};
