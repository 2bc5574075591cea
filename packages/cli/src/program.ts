// The `pil` command tree: global options here, one module per command group.
import { Command } from 'commander';
import { registerConfigCommands } from './commands/config.js';
import { registerDevnetCommands } from './commands/devnet.js';
import { registerPauseCommands } from './commands/pause.js';
import { registerStatusCommand } from './commands/status.js';
import { addGlobalOptions, withExamples } from './options.js';
import type { Runtime } from './runtime.js';

export const VERSION = '0.1.0';

export function createProgram(rt: Runtime): Command {
  const program = new Command('pil')
    .description('PIL, the Privacy Interoperability Layer: operate deployments and run a local devnet')
    .version(VERSION, '-V, --version')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void rt.io.stdout.write(s),
      writeErr: (s) => void rt.io.stderr.write(s),
      // Parse errors are printed by main() in the common error format.
      outputError: () => {},
    });
  addGlobalOptions(program);
  withExamples(program, ['pil devnet up', 'pil status --network devnet', 'pil config show --network mainnet --json']);
  registerDevnetCommands(program, rt);
  registerConfigCommands(program, rt);
  registerStatusCommand(program, rt);
  registerPauseCommands(program, rt);
  return program;
}
