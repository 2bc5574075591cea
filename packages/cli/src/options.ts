// The options every command shares, declared once.
import type { Command } from 'commander';
import { z } from 'zod';

export const globalOptionsSchema = z.object({
  network: z.string().min(1).default('devnet'),
  json: z.boolean().default(false),
  config: z.string().optional(),
  verbose: z.boolean().default(false),
});
export type GlobalOptions = z.output<typeof globalOptionsSchema>;

export function addGlobalOptions(program: Command): Command {
  return program
    .option(
      '-n, --network <name>',
      'network to act on (built in: devnet, mainnet; others from the config file)',
      'devnet',
    )
    .option('--json', 'print machine-readable JSON on stdout (logs stay on stderr)', false)
    .option('-c, --config <file>', 'config file (default: $PIL_CONFIG or ./pil.config.json)')
    .option('-v, --verbose', 'debug logs and error causes', false);
}

/** Appends an "Examples" section to a command's --help. Every command has one. */
export function withExamples(command: Command, examples: string[]): Command {
  return command.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}
