import { Command, CommanderError } from 'commander';
import { registerAdminCommands } from './commands/admin.commands.js';
import { registerDemoCommands } from './commands/demo.commands.js';
import { registerFtmCommands } from './commands/ftm.commands.js';
import { registerGraphCommands } from './commands/graph.commands.js';
import { registerServeCommand } from './commands/serve.command.js';
import { registerTableCommands } from './commands/table.commands.js';
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
