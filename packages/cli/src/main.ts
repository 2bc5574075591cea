// Entry point: runs the command line and maps every failure to one exit code
// and one error output (human text on stderr, or JSON on stdout with --json).
import { CommanderError } from 'commander';
import { CheckFailedError, errorToJson, formatError, toPilError } from './errors.js';
import { createProgram } from './program.js';
import { createRuntime, type RuntimeIo } from './runtime.js';

export async function run(argv: string[], io: Partial<RuntimeIo> = {}): Promise<number> {
  const rt = createRuntime({
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
  });
  const program = createProgram(rt);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (
      err instanceof CommanderError &&
      ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(err.code)
    ) {
      return 0;
    }
    if (err instanceof CommanderError && err.code === 'commander.executeSubCommandAsync') return err.exitCode;
    const error = toPilError(err);
    const json = rt.current()?.options.json ?? argv.includes('--json');
    const verbose = rt.current()?.options.verbose ?? (argv.includes('--verbose') || argv.includes('-v'));
    if (json && error instanceof CheckFailedError) return error.exitCode; // the report on stdout says it all
    if (json) rt.io.stdout.write(`${JSON.stringify(errorToJson(error))}\n`);
    else rt.io.stderr.write(`${formatError(error, verbose)}\n`);
    return error.exitCode;
  } finally {
    await rt.shutdown();
  }
}
