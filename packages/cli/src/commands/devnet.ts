// `pil devnet`: the local development network.
import { type Command, Option } from 'commander';
import type { Anvil } from '../chain/anvil.js';
import { DEVNET_CHAIN_IDS } from '../devnet/accounts.js';
import { startDevnet } from '../devnet/up.js';
import { InputError, InterruptedError } from '../errors.js';
import { withExamples } from '../options.js';
import { table } from '../output.js';
import type { Runtime } from '../runtime.js';

function parseChainIds(value: string): number[] {
  const ids = value.split(',').map((s) => Number(s.trim()));
  if (!ids.length || ids.some((n) => !Number.isInteger(n) || n <= 0) || new Set(ids).size !== ids.length) {
    throw new InputError(`--chain-ids must be distinct positive integers separated by commas, got "${value}"`);
  }
  return ids;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new InputError(`--port must be 1-65535, got "${value}"`);
  return port;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1)
    throw new InputError(`--block-time must be a positive integer, got "${value}"`);
  return seconds;
}

export function registerDevnetCommands(program: Command, rt: Runtime): void {
  const devnet = program
    .command('devnet')
    .description('the local development network (anvil chains with PIL deployed)');
  withExamples(devnet, ['pil devnet up', 'npm start']);

  withExamples(
    devnet
      .command('up')
      .description('start the devnet chains, deploy and wire PIL on each, and run until Ctrl-C')
      .addOption(
        new Option('--chain-ids <ids>', 'comma-separated chain ids, one anvil each')
          .default([...DEVNET_CHAIN_IDS], DEVNET_CHAIN_IDS.join(','))
          .argParser(parseChainIds),
      )
      .addOption(
        new Option('--port <port>', 'first RPC port (chain i gets port+i); default: free ports').argParser(parsePort),
      )
      .addOption(
        new Option('--block-time <seconds>', 'mine a block every N seconds instead of on each transaction').argParser(
          parseSeconds,
        ),
      )
      .action(async (opts: { chainIds: number[]; port?: number; blockTime?: number }, cmd: Command) => {
        const ctx = rt.base(cmd);
        const started = Date.now();
        // Ctrl-C at any moment (even during deployment) stops every anvil started so far.
        const anvils: Anvil[] = [];
        let interrupted: ((signal: NodeJS.Signals) => void) | undefined;
        const signalled = new Promise<NodeJS.Signals>((resolve) => {
          interrupted = resolve;
        });
        const onSignal = (signal: NodeJS.Signals) => interrupted?.(signal);
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        process.on('SIGHUP', onSignal);
        // `npm start` killed with SIGTERM dies without passing it on: its orphans are re-parented.
        // Treat the loss of our parent like a SIGHUP so no anvil outlives the session.
        const parent = process.ppid;
        const watchdog = setInterval(() => {
          if (process.ppid !== parent) onSignal('SIGHUP');
        }, 500);
        watchdog.unref();
        rt.onShutdown(async () => {
          clearInterval(watchdog);
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          process.off('SIGHUP', onSignal);
          await Promise.all(anvils.map((a) => a.stop()));
        });

        const devnetPromise = startDevnet({
          chainIds: opts.chainIds,
          port: opts.port,
          blockTime: opts.blockTime,
          repoRoot: ctx.repoRoot,
          stateDir: ctx.stateDir,
          logger: ctx.logger,
          onAnvil: (a) => anvils.push(a),
        });
        const first = await Promise.race([devnetPromise, signalled]);
        if (typeof first === 'string') {
          devnetPromise.catch(() => {});
          throw new InterruptedError(`Interrupted (${first}) while starting the devnet; stopped every chain`);
        }
        const devnet = first;
        const seconds = (Date.now() - started) / 1000;
        const chains = devnet.chains.map((c) => ({
          chainId: c.anvil.chainId,
          rpcUrl: c.anvil.rpcUrl,
          pid: c.anvil.pid,
          deploymentFile: c.deploymentFile,
          contracts: Object.fromEntries(Object.entries(c.deployment.contracts).map(([id, d]) => [id, d.proxy])),
          libraries: c.deployment.libraries,
          auxiliary: c.deployment.auxiliary,
          wiring: c.wiring.steps,
          missing: c.missing,
        }));
        ctx.output.result({ status: 'ready', network: 'devnet', readySeconds: seconds, chains }, () => {
          const rows = devnet.chains.flatMap((c) => [
            ...Object.entries(c.deployment.contracts).map(([id, d]) => [
              String(c.anvil.chainId),
              c.anvil.rpcUrl,
              id,
              d.proxy,
            ]),
            ...Object.entries({ ...c.deployment.libraries, ...c.deployment.auxiliary }).map(([name, address]) => [
              String(c.anvil.chainId),
              c.anvil.rpcUrl,
              name,
              address,
            ]),
          ]);
          const notes = devnet.chains.flatMap((c) => [
            ...(c.missing.length
              ? [`chain ${c.anvil.chainId}: not deployed (no build artifact yet): ${c.missing.join(', ')}`]
              : []),
            ...c.wiring.steps
              .filter((s) => s.status === 'skipped')
              .map((s) => `chain ${c.anvil.chainId}: skipped ${s.step} (${s.reason})`),
          ]);
          return [
            table(['chain', 'RPC URL', 'contract', 'address'], rows),
            '',
            ...devnet.chains.map((c) => `deployments: ${c.deploymentFile}`),
            ...notes,
            `devnet ready in ${seconds.toFixed(1)} s. Press Ctrl-C to stop.`,
          ].join('\n');
        });
        const ended = await Promise.race([signalled, devnet.crashed]);
        if (typeof ended !== 'string') throw ended;
        ctx.logger.info(`${ended}: stopping ${anvils.length} chain(s)`);
        await devnet.stop();
        ctx.logger.info('devnet stopped');
      }),
    ['pil devnet up', 'pil devnet up --chain-ids 31337,31338,31339', 'pil devnet up --port 9545 --json'],
  );
}
