import { Command, CommanderError } from 'commander';
import { registerAdminCommands } from './commands/admin.commands.js';
import { registerAuditCommands } from './commands/audit.commands.js';
import { registerDemoCommands } from './commands/demo.commands.js';
import { registerFtmCommands } from './commands/ftm.commands.js';
import { registerGraphCommands } from './commands/graph.commands.js';
import { registerHitsCommands } from './commands/hits.commands.js';
import { registerMatchingCommands } from './commands/matching.commands.js';
import { registerServeCommand } from './commands/serve.command.js';
import { registerTableCommands } from './commands/table.commands.js';
import { registerSharingCommands } from './commands/sharing.commands.js';
import { registerUsersCommands } from './commands/users.commands.js';
import { describeError, exitCodeOf } from './errors.js';

// A reader that stops early (`clew export ftm … | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const program = new Command('clew')
  .description(
    'Clew: join agencies’ fragments of trafficking and smuggling networks under need-to-share rules',
  )
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerServeCommand(program);
registerAdminCommands(program);
registerFtmCommands(program);
registerTableCommands(program);
registerDemoCommands(program);
registerGraphCommands(program);
registerMatchingCommands(program);
registerAuditCommands(program);
registerHitsCommands(program);
registerUsersCommands(program);
registerSharingCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode;
  } else {
    process.stderr.write(`${describeError(e)}\n`);
    process.exitCode = exitCodeOf(e);
  }
}
