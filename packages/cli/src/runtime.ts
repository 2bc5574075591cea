// How command modules get their context: `rt.base(cmd)` and `rt.network(cmd)`
// build it (once per invocation) from the global options of the command line.
import type { Command } from 'commander';
import type { Env } from './config/env.js';
import { type BaseContext, createBaseContext, createNetworkContext, type NetworkContext } from './context.js';
import { formatZodIssues, InputError } from './errors.js';
import { globalOptionsSchema } from './options.js';

export type RuntimeIo = {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Env;
  cwd: string;
};

export type Runtime = {
  io: RuntimeIo;
  base(command: Command): BaseContext;
  network(command: Command): Promise<NetworkContext>;
  /** The context built so far, if any (for error output). */
  current(): BaseContext | undefined;
  /** Registers cleanup to run before the process exits (children, files). */
  onShutdown(fn: () => Promise<void> | void): void;
  shutdown(): Promise<void>;
};

export function createRuntime(io: RuntimeIo): Runtime {
  let base: BaseContext | undefined;
  let network: Promise<NetworkContext> | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  const rt: Runtime = {
    io,
    base(command) {
      if (base) return base;
      const parsed = globalOptionsSchema.safeParse(command.optsWithGlobals());
      if (!parsed.success) throw new InputError('Invalid options', { details: formatZodIssues(parsed.error) });
      base = createBaseContext({
        options: parsed.data,
        env: io.env,
        cwd: io.cwd,
        stdout: io.stdout,
        stderr: io.stderr,
      });
      return base;
    },
    network(command) {
      network ??= createNetworkContext(rt.base(command));
      return network;
    },
    current: () => base,
    onShutdown(fn) {
      cleanups.push(fn);
    },
    async shutdown() {
      while (cleanups.length) await cleanups.pop()!();
    },
  };
  return rt;
}
