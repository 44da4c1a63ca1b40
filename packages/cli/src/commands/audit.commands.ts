import { AUDIT_ACTIONS, invalid, operatorActor, type AuditVerification } from '@clew/core';
import { verifyExport } from '@clew/app';
import type { Command } from 'commander';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { out, say, table, withHub } from '../context.js';

const actor = operatorActor();

// Read-only opening: these commands work while `clew serve` holds the SQLite writer lock; their own
// audit entries still go in (a short write transaction of their own).
const readonly = { readonly: true };

const report = (r: AuditVerification, seconds: number, keyId: string): void => {
  if (r.ok) {
    out(
      `audit log OK: ${r.entries} entries, ${r.checkpoints} signed checkpoints, head ${r.lastSeq} ` +
        `(${r.lastHash.slice(0, 16)}…), key ${keyId}, verified in ${seconds.toFixed(2)} s`,
    );
    return;
  }
  const f = r.failure;
  say(`clew: audit log FAILED at entry ${f?.seq ?? '?'} (${f?.problem ?? 'unknown'}): ${f?.message ?? ''}`);
  say(`      ${r.entries} entries before it verified`);
  process.exitCode = 1;
};

const positive = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw invalid(`--limit must be a positive whole number, got "${v}"`);
  return n;
};

/** `clew audit verify|export|list|checkpoint|key`. */
export const registerAuditCommands = (program: Command): void => {
  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description('check the hash chain and signed checkpoints; name the first entry that fails')
    .option('--file <export>', 'verify an export (from `clew audit export`) offline instead of the hub')
    .option('--key <keyId>', 'with --file: the hub key id the checkpoints must be signed with')
    .action(async (opts: { file?: string; key?: string }) => {
      if (opts.file) {
        const started = performance.now();
        const lines = createInterface({ input: createReadStream(opts.file), crlfDelay: Infinity });
        const r = await verifyExport(lines, opts.key);
        report(r, (performance.now() - started) / 1000, r.keyId);
        if (r.ok && !opts.key)
          say(`      compare the key id with the hub's own (\`clew audit key\`) before trusting it`);
        return;
      }
      await withHub(async (hub) => {
        const r = await hub.audit.verify(actor);
        report(r, r.seconds, hub.audit.keyId);
      }, readonly);
    });
  audit
    .command('export')
    .description('write the log (entries and checkpoints) as JSON lines, verifiable offline')
    .argument('<file>', 'where to write it')
    .action(async (file: string) => {
      await withHub(async (hub) => {
        const target = createWriteStream(file, { mode: 0o600 });
        let n = 0;
        for await (const line of hub.audit.export(actor)) {
          n++;
          if (!target.write(`${line}\n`)) await once(target, 'drain');
        }
        target.end();
        await finished(target);
        say(
          `exported ${n} lines to ${file}; check it with: clew audit verify --file ${file} --key ${hub.audit.keyId}`,
        );
      }, readonly);
    });
  audit
    .command('list', { isDefault: true })
    .description('the latest entries, newest first')
    .option('--limit <n>', 'how many', '50')
    .option('--action <action>', `one of ${AUDIT_ACTIONS.join(', ')}`)
    .option('--actor <id>', 'entries of this user (or operator)')
    .option('--target <id>', 'entries that touched this id')
    .option('--json', 'print JSON')
    .action(
      async (opts: { limit: string; action?: string; actor?: string; target?: string; json?: boolean }) => {
        const limit = positive(opts.limit);
        await withHub(async (hub) => {
          const page = await hub.audit.list(actor, {
            limit,
            action: opts.action,
            actorId: opts.actor,
            target: opts.target,
          });
          if (opts.json) {
            out(JSON.stringify(page.results, null, 2));
            return;
          }
          out(
            table(
              ['seq', 'at', 'actor', 'agency', 'action', 'outcome', 'targets', 'purpose'],
              page.results.map((e) => [
                String(e.seq),
                e.at,
                `${e.actor.kind}:${e.actor.id}`,
                e.actor.agency ?? '-',
                e.action,
                e.outcome,
                e.targets.length > 2
                  ? `${e.targets.slice(0, 2).join(' ')} +${e.targets.length - 2}`
                  : e.targets.join(' '),
                e.purpose,
              ]),
            ),
          );
        }, readonly);
      },
    );
  audit
    .command('checkpoint')
    .description('sign a checkpoint of the chain now (one is also signed every 1,000 entries)')
    .action(async () => {
      await withHub(async (hub) => {
        const c = await hub.audit.checkpoint(actor);
        out(c ? `checkpoint ${c.n} signed at entry ${c.seq} with key ${c.keyId}` : 'nothing new to sign');
      }, readonly);
    });
  audit
    .command('key')
    .description("print the id and public key of the hub's checkpoint key")
    .action(async () => {
      await withHub((hub) => {
        out(`key id ${hub.audit.keyId}\npublic key (SPKI DER, base64) ${hub.audit.publicKey}`);
        return Promise.resolve();
      }, readonly);
    });
};
