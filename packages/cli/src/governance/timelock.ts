// Timelock flows on top of the SDK's timelock actions: schedule a call (or a
// batch) on one of the two TimelockControllers through the Safe, show the
// operation and its ETA, list operations with their status, execute a ready
// one (execution is open: any key), cancel one through the Safe. Times are
// chain times (`pil devnet warp` moves them on the devnet).
import type { Address, Hex } from 'viem';
import {
  OperationNotReadyError,
  executeOperation as sdkExecute,
} from '../../../sdk/src/actions/timelock/executeOperation.js';
import { getOperationStatus } from '../../../sdk/src/actions/timelock/getOperationStatus.js';
import {
  getOperations,
  type TimelockOperation as SdkOperation,
} from '../../../sdk/src/actions/timelock/getOperations.js';
import { prepareCancel } from '../../../sdk/src/actions/timelock/prepareCancel.js';
import { prepareSchedule } from '../../../sdk/src/actions/timelock/prepareSchedule.js';
import type { ChainContext, NetworkContext } from '../context.js';
import { InputError, toPilError } from '../errors.js';
import { pilClient } from './client.js';
import { type DecodedCall, decodeCall, formatValue } from './decode.js';
import { governanceOf, labelsFor } from './resolve.js';
import { runThroughSafe, type SafeCall, type SafeRun, type SafeRunOptions, simulateCalls } from './safe.js';

export type TimelockKind = 'standard' | 'emergency';

export type TimelockOperation = SdkOperation & { kind: TimelockKind; decoded: DecodedCall[] };

export function timelockAddress(ctx: NetworkContext, chain: ChainContext, kind: TimelockKind): Address {
  const g = governanceOf(ctx, chain);
  return (kind === 'standard' ? g.standardTimelock : g.emergencyTimelock) as Address;
}

export async function chainNow(chain: ChainContext): Promise<number> {
  return Number((await chain.client.getBlock({ blockTag: 'latest' })).timestamp);
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts = [d ? `${d} d` : '', h ? `${h} h` : '', m ? `${m} min` : '', !d && !h && !m ? `${s % 60} s` : ''];
  return parts.filter(Boolean).join(' ');
}

export function formatEta(eta: number, now: number): string {
  const when = new Date(eta * 1000).toISOString();
  return eta > now ? `${when} (in ${formatDuration(eta - now)}, chain time)` : `${when} (ready)`;
}

function withDecoding(chain: ChainContext, op: SdkOperation, kind: TimelockKind): TimelockOperation {
  const labels = labelsFor(chain);
  return { ...op, kind, decoded: op.calls.map((c) => decodeCall(c.data, { to: c.target, value: c.value, labels })) };
}

export type Scheduled = { operation: TimelockOperation; safe: SafeRun };

/**
 * Schedules `calls` on a timelock through the Safe (`schedule` for one call,
 * `scheduleBatch` for several) with the timelock's minimum delay (or `delay`)
 * and a fresh salt. When the Safe transaction executes here, the operation is
 * read back (status, ETA); otherwise it exists once signers elsewhere execute
 * the Safe transaction.
 */
export async function scheduleThroughSafe(
  ctx: NetworkContext,
  chain: ChainContext,
  kind: TimelockKind,
  calls: SafeCall[],
  description: string,
  options: SafeRunOptions & { delay?: bigint } = {},
): Promise<Scheduled> {
  if (!calls.length) throw new InputError('Nothing to schedule');
  const timelock = timelockAddress(ctx, chain, kind);
  // Would the calls succeed if executed now, from the timelock? Only a warning: the state may change before the ETA.
  try {
    await simulateCalls(chain, timelock, calls, description);
  } catch (err) {
    ctx.logger.warn(`${toPilError(err).shortMessage} (if executed now; scheduling anyway)`);
  }
  const client = pilClient(ctx, chain);
  const prepared = await prepareSchedule(client, {
    timelock,
    calls: calls.map((c) => ({ target: c.to, value: c.value ?? 0n, data: c.data })),
    ...(options.delay === undefined ? {} : { delay: options.delay }),
  });
  const safe = await runThroughSafe(
    ctx,
    chain,
    [{ to: prepared.to, data: prepared.data }],
    `schedule on the ${kind} timelock: ${description}`,
    options,
  );
  const state =
    safe.status === 'executed'
      ? await getOperationStatus(client, { timelock, id: prepared.operationId })
      : { status: 'unset' as const, eta: undefined };
  const operation = withDecoding(
    chain,
    {
      id: prepared.operationId,
      timelock,
      calls: prepared.calls,
      predecessor: prepared.predecessor,
      salt: prepared.salt,
      delay: prepared.delay,
      status: state.status,
      eta: state.eta,
      scheduledBlock: safe.blockNumber ?? 0n,
      scheduledTx: safe.txHash ?? '0x',
      executedTx: undefined,
    },
    kind,
  );
  return { operation, safe };
}

export async function allOperations(
  ctx: NetworkContext,
  chain: ChainContext,
  fromBlock?: bigint,
): Promise<TimelockOperation[]> {
  const client = pilClient(ctx, chain);
  const list = async (kind: TimelockKind) =>
    (
      await getOperations(client, {
        timelock: timelockAddress(ctx, chain, kind),
        ...(fromBlock === undefined ? {} : { fromBlock }),
      })
    ).map((op) => withDecoding(chain, op, kind));
  const [standard, emergency] = await Promise.all([list('standard'), list('emergency')]);
  return [...standard, ...emergency];
}

/** An operation by id (or unique prefix) on either timelock of a chain. */
export async function findOperation(
  ctx: NetworkContext,
  chain: ChainContext,
  idOrPrefix: string,
  fromBlock?: bigint,
): Promise<TimelockOperation | undefined> {
  if (!/^0x[0-9a-fA-F]{4,64}$/.test(idOrPrefix))
    throw new InputError(`"${idOrPrefix}" is not an operation id (0x + hex)`);
  const found = (await allOperations(ctx, chain, fromBlock)).filter((o) =>
    o.id.toLowerCase().startsWith(idOrPrefix.toLowerCase()),
  );
  if (found.length > 1) throw new InputError(`Operation id prefix ${idOrPrefix} is ambiguous on ${chain.config.name}`);
  return found[0];
}

/**
 * Executes a ready operation with the context's wallet (the executor role is
 * open). Refuses with the ETA when it is not ready; nothing is sent then.
 */
export async function executeOperation(
  ctx: NetworkContext,
  chain: ChainContext,
  op: TimelockOperation,
): Promise<{ txHash: Hex; blockNumber: bigint }> {
  try {
    const result = await sdkExecute(pilClient(ctx, chain, { write: true }), { operation: op });
    return { txHash: result.hash, blockNumber: result.receipt.blockNumber };
  } catch (err) {
    if (err instanceof OperationNotReadyError) {
      const now = Number(err.now);
      const eta = Number(err.eta);
      throw new InputError(`Timelock operation ${op.id} is not ready: it can execute at ${formatEta(eta, now)}`, {
        details: `${op.kind} timelock ${op.timelock} on ${chain.config.name}; nothing was sent`,
        hint:
          ctx.network.name === 'devnet'
            ? `Rehearsing on the devnet? pil devnet warp ${warpArg(eta - now)}`
            : 'Run it again after the ETA',
        cause: err,
      });
    }
    throw err;
  }
}

/** Cancels a waiting or ready operation through the Safe (it holds CANCELLER_ROLE). */
export async function cancelThroughSafe(
  ctx: NetworkContext,
  chain: ChainContext,
  op: TimelockOperation,
  options: SafeRunOptions = {},
): Promise<SafeRun> {
  const { status } = await getOperationStatus(pilClient(ctx, chain), { timelock: op.timelock, id: op.id });
  if (status !== 'waiting' && status !== 'ready') {
    throw new InputError(
      `Timelock operation ${op.id} cannot be cancelled: it is ${op.status === 'cancelled' ? 'cancelled' : status}`,
    );
  }
  const call = prepareCancel(pilClient(ctx, chain), { timelock: op.timelock, id: op.id });
  return runThroughSafe(
    ctx,
    chain,
    [{ to: call.to, data: call.data }],
    `cancel ${op.kind} timelock operation ${op.id}`,
    options,
  );
}

export function operationSummary(op: TimelockOperation, now: number) {
  return {
    id: op.id,
    kind: op.kind,
    timelock: op.timelock,
    status: op.status,
    ...(op.eta !== undefined
      ? {
          eta: Number(op.eta),
          etaIso: new Date(Number(op.eta) * 1000).toISOString(),
          secondsLeft: Math.max(0, Number(op.eta) - now),
        }
      : {}),
    delay: op.delay,
    calls: op.decoded.map((d) => `${d.contract}.${d.function}(${d.args.map((a) => formatValue(a.value)).join(', ')})`),
    scheduledTx: op.scheduledTx,
    ...(op.executedTx ? { executedTx: op.executedTx } : {}),
  };
}

/** A `pil devnet warp` argument covering `seconds`: whole hours when exact, else minutes. */
export function warpArg(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
}
