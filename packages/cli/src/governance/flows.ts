// The two governance paths every procedure uses, as one call each:
//   - `viaSafe`: an immediate guardian action (pause, relayer removal): the
//     Safe executes the call itself;
//   - `viaTimelock`: schedule the call(s) on a timelock through the Safe, or,
//     with `execute`, execute the matching scheduled operation once its delay
//     has passed (refused with the ETA before).
// `pil verifier rotate`, `pil funds recover` and `pil upgrade propose/execute`
// are meant to be built on `viaTimelock` with the standard timelock.
import type { Hex } from 'viem';
import type { PreparedCall } from '../../../sdk/src/actions/internal/prepare.js';
import type { ChainContext, NetworkContext } from '../context.js';
import { InputError } from '../errors.js';
import { runThroughSafe, type SafeRun, type SafeRunOptions } from './safe.js';
import {
  allOperations,
  executeOperation,
  formatEta,
  scheduleThroughSafe,
  type TimelockKind,
  type TimelockOperation,
} from './timelock.js';

export async function viaSafe(
  ctx: NetworkContext,
  chain: ChainContext,
  calls: PreparedCall[],
  description: string,
  options: SafeRunOptions = {},
): Promise<SafeRun> {
  return runThroughSafe(
    ctx,
    chain,
    calls.map((c) => ({ to: c.to, data: c.data, value: c.value })),
    description,
    options,
  );
}

/** The latest waiting or ready operation of `kind` whose calls are exactly `calls`. */
export async function findScheduled(
  ctx: NetworkContext,
  chain: ChainContext,
  kind: TimelockKind,
  calls: PreparedCall[],
): Promise<TimelockOperation | undefined> {
  const same = (op: TimelockOperation) =>
    op.kind === kind &&
    op.calls.length === calls.length &&
    op.calls.every(
      (c, i) =>
        c.target.toLowerCase() === calls[i]!.to.toLowerCase() &&
        c.data.toLowerCase() === calls[i]!.data.toLowerCase() &&
        c.value === calls[i]!.value,
    );
  const ops = (await allOperations(ctx, chain)).filter(
    (op) => same(op) && (op.status === 'waiting' || op.status === 'ready'),
  );
  return ops.at(-1);
}

export type TimelockStep =
  | { step: 'scheduled'; chain: string; chainId: number; operation: TimelockOperation; safe: SafeRun }
  | {
      step: 'executed';
      chain: string;
      chainId: number;
      operation: TimelockOperation;
      txHash: Hex;
      blockNumber: bigint;
    };

export async function viaTimelock(
  ctx: NetworkContext,
  chain: ChainContext,
  kind: TimelockKind,
  calls: PreparedCall[],
  description: string,
  options: SafeRunOptions & { execute?: boolean; command?: string } = {},
): Promise<TimelockStep> {
  const base = { chain: chain.config.name, chainId: chain.config.chainId };
  if (options.execute) {
    const op = await findScheduled(ctx, chain, kind, calls);
    if (!op) {
      throw new InputError(
        `Nothing to execute on ${chain.config.name}: no scheduled ${description} on the ${kind} timelock`,
        {
          hint: options.command ? `Schedule it first: ${options.command}` : 'Schedule it first',
        },
      );
    }
    const { txHash, blockNumber } = await executeOperation(ctx, chain, op);
    return { step: 'executed', ...base, operation: { ...op, status: 'done', eta: undefined }, txHash, blockNumber };
  }
  const existing = await findScheduled(ctx, chain, kind, calls);
  if (existing) {
    const now = Number((await chain.client.getBlock({ blockTag: 'latest' })).timestamp);
    throw new InputError(`${description} is already scheduled on ${chain.config.name}: operation ${existing.id}`, {
      details: `${existing.kind} timelock, ${existing.status}, ETA ${formatEta(Number(existing.eta), now)}; nothing was proposed`,
      hint: options.command
        ? `Execute it after its ETA: ${options.command} --execute (or cancel it: pil timelock cancel ${existing.id})`
        : `Cancel it first to schedule again: pil timelock cancel ${existing.id}`,
    });
  }
  const { operation, safe } = await scheduleThroughSafe(
    ctx,
    chain,
    kind,
    calls.map((c) => ({ to: c.to, data: c.data, value: c.value })),
    description,
    options,
  );
  return { step: 'scheduled', ...base, operation, safe };
}
