// `pil pending-ops` (RP-001 step 2) and `pil timelock show|execute|cancel`:
// the operations of both timelocks of every chain, with ETA and status.
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import {
  addSafeOptions,
  formatOperation,
  formatSafeRun,
  perChain,
  type SafeCommandOptions,
  safeRunOptions,
  selectChains,
} from '../governance/cli.js';
import {
  allOperations,
  cancelThroughSafe,
  chainNow,
  executeOperation,
  findOperation,
  formatEta,
  operationSummary,
} from '../governance/timelock.js';
import { withExamples } from '../options.js';
import { table } from '../output.js';
import type { Runtime } from '../runtime.js';

function parseBlock(value: string): bigint {
  if (!/^\d+$/.test(value)) throw new InputError(`--from-block must be a block number, got "${value}"`);
  return BigInt(value);
}

export function registerTimelockCommands(program: Command, rt: Runtime): void {
  withExamples(
    program
      .command('pending-ops')
      .description('RP-001: timelock operations (standard 48 h and emergency 6 h) of every chain with ETA and status')
      .option('--all', 'include executed and cancelled operations', false)
      .option('--chain <id|name>', 'one chain only')
      .option('--from-block <n>', 'scan timelock events from this block (default 0)', parseBlock)
      .action(async (opts: { all: boolean; chain?: string; fromBlock?: bigint }, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const chains = selectChains(ctx, opts.chain);
        const perChainOps = await perChain(chains, async (chain) => {
          const [ops, now] = await Promise.all([allOperations(ctx, chain, opts.fromBlock), chainNow(chain)]);
          return {
            chain: chain.config.name,
            chainId: chain.config.chainId,
            now,
            operations: ops.filter((o) => opts.all || o.status === 'waiting' || o.status === 'ready'),
          };
        });
        ctx.output.result(
          {
            network: ctx.network.name,
            chains: perChainOps.map((c) => ({
              chain: c.chain,
              chainId: c.chainId,
              chainTime: c.now,
              operations: c.operations.map((o) => operationSummary(o, c.now)),
            })),
          },
          () => {
            const rows = perChainOps.flatMap((c) =>
              c.operations.map((o) => [
                String(c.chainId),
                o.kind,
                o.id.slice(0, 18),
                o.status,
                o.eta !== undefined ? formatEta(Number(o.eta), c.now) : '',
                o.decoded.map((d) => `${d.contract}.${d.function}`).join(' + '),
              ]),
            );
            return rows.length
              ? table(['chain', 'timelock', 'operation', 'status', 'ETA', 'calls'], rows)
              : `no ${opts.all ? '' : 'pending '}timelock operations on network ${ctx.network.name}`;
          },
        );
      }),
    [
      'pil pending-ops --network devnet',
      'pil pending-ops --all --json',
      'pil pending-ops --network mainnet --from-block 19000000',
    ],
  );

  const timelock = program
    .command('timelock')
    .description('one timelock operation: show, execute (after its ETA), cancel (through the Safe)');
  withExamples(timelock, [
    'pil timelock show 0x47bb0bfc',
    'pil timelock execute 0x47bb0bfc',
    'pil timelock cancel 0x47bb0bfc',
  ]);

  const find = async (ctx: Awaited<ReturnType<Runtime['network']>>, id: string, chainOpt?: string) => {
    const chains = selectChains(ctx, chainOpt);
    for (const chain of chains) {
      const op = await findOperation(ctx, chain, id);
      if (op) return { chain, op };
    }
    throw new InputError(`No timelock operation ${id} on network ${ctx.network.name}`, {
      hint: 'List them: pil pending-ops --all',
    });
  };

  withExamples(
    timelock
      .command('show')
      .description('a timelock operation, decoded, with its status and ETA')
      .argument('<operationId>', 'operation id (or a unique prefix)')
      .option('--chain <id|name>', 'look on this chain only')
      .action(async (id: string, opts: { chain?: string }, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const { chain, op } = await find(ctx, id, opts.chain);
        const now = await chainNow(chain);
        ctx.output.result(
          { chain: chain.config.name, chainId: chain.config.chainId, ...operationSummary(op, now) },
          () => `${chain.config.name} (${chain.config.chainId}):\n${formatOperation(op, now)}`,
        );
      }),
    ['pil timelock show 0x47bb0bfc --network devnet'],
  );

  withExamples(
    timelock
      .command('execute')
      .description('execute a ready operation (anyone may: the executor role is open); refused before its ETA')
      .argument('<operationId>', 'operation id (or a unique prefix)')
      .option('--chain <id|name>', 'look on this chain only')
      .action(async (id: string, opts: { chain?: string }, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const { chain, op } = await find(ctx, id, opts.chain);
        const { txHash, blockNumber } = await executeOperation(ctx, chain, op);
        ctx.output.result(
          { chain: chain.config.name, chainId: chain.config.chainId, id: op.id, txHash, blockNumber },
          () =>
            `${chain.config.name}: executed ${op.kind} timelock operation ${op.id} in block ${blockNumber} (transaction ${txHash})`,
        );
      }),
    ['pil timelock execute 0x47bb0bfc --network devnet'],
  );

  withExamples(
    addSafeOptions(
      timelock
        .command('cancel')
        .description('cancel a waiting or ready operation through the Safe (canceller)')
        .argument('<operationId>', 'operation id (or a unique prefix)'),
    ).action(async (id: string, opts: SafeCommandOptions, cmd: Command) => {
      const ctx = await rt.network(cmd);
      const { chain, op } = await find(ctx, id, opts.chain);
      const run = await cancelThroughSafe(ctx, chain, op, safeRunOptions(opts));
      ctx.output.result({ ...run, operation: op.id }, () => formatSafeRun(run, ctx.network.name));
    }),
    [
      'pil timelock cancel 0x47bb0bfc --network devnet',
      'pil timelock cancel 0x47bb0bfc --network mainnet --propose-only',
    ],
  );
}
