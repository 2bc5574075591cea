// Safe flows through @safe-global/protocol-kit: propose a transaction (one
// call, or a MultiSendCallOnly batch), show it decoded, sign it with the
// owner keys available here, execute it at the threshold — or stop after the
// proposal and hand the Safe transaction hash to signers elsewhere, who add
// their signatures to the pending-signatures file (`pil safe sign`) and
// execute it later (`pil safe execute`).
//
// Every call is simulated from the Safe before anything is proposed, so a call
// the chain would refuse (e.g. a removal that breaks the relayer quorum) is a
// clear error and nothing is sent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Address, BaseError, getAddress, type Hex, parseAbi, recoverAddress, recoverMessageAddress } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { z } from 'zod';
import type { ChainContext, NetworkContext } from '../context.js';
import { ChainError, ConfigError, formatZodIssues, InputError, toPilError } from '../errors.js';
import { writeJsonAtomic } from '../files.js';
import { bigintReplacer } from '../output.js';
import { type DecodedCall, decodeCall, decodeRevert } from './decode.js';
import { type Governance, governanceOf, labelsFor, signerKeys } from './resolve.js';

export type SafeCall = { to: Address; value?: bigint; data: Hex };

const hex = z.string().regex(/^0x[0-9a-fA-F]*$/);
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/);

export const pendingSafeTxSchema = z.object({
  format: z.literal(1),
  network: z.string(),
  chainId: z.number().int().positive(),
  safe: address,
  safeTxHash: hex,
  description: z.string(),
  createdAt: z.string(),
  /** The Safe transaction exactly as hashed (EIP-712 SafeTx). */
  tx: z.object({
    to: address,
    value: z.string(),
    data: hex,
    operation: z.number().int().min(0).max(1),
    safeTxGas: z.string(),
    baseGas: z.string(),
    gasPrice: z.string(),
    gasToken: address,
    refundReceiver: address,
    nonce: z.number().int().nonnegative(),
  }),
  /** The calls it makes (before MultiSend packing). */
  calls: z.array(z.object({ to: address, value: z.string(), data: hex })),
  threshold: z.number().int().positive(),
  owners: z.array(address),
  /** owner → signature over safeTxHash (ECDSA, v = 27/28). */
  signatures: z.record(z.string(), hex),
  executed: z.object({ txHash: hex, blockNumber: z.string() }).optional(),
});
export type PendingSafeTx = z.output<typeof pendingSafeTxSchema>;

// --- protocol-kit ------------------------------------------------------------

type ProtocolKit = typeof import('@safe-global/protocol-kit');
type SafeSdk = Awaited<ReturnType<ProtocolKit['default']['init']>>;
let kit: Promise<{ Safe: ProtocolKit['default']; EthSafeSignature: ProtocolKit['EthSafeSignature'] }> | undefined;

/** protocol-kit is CommonJS: its default export is the Safe class, or a namespace holding it. */
export function protocolKit() {
  kit ??= import('@safe-global/protocol-kit').then((mod) => {
    const m = mod as unknown as {
      default: ProtocolKit['default'] & { default?: ProtocolKit['default'] };
      EthSafeSignature?: ProtocolKit['EthSafeSignature'];
    };
    const Safe = (typeof m.default.init === 'function' ? m.default : m.default.default) as ProtocolKit['default'];
    const EthSafeSignature = (m.EthSafeSignature ??
      (m.default as unknown as ProtocolKit).EthSafeSignature) as ProtocolKit['EthSafeSignature'];
    return { Safe, EthSafeSignature };
  });
  return kit;
}

async function initSafe(chain: ChainContext, gov: Governance, signer?: Hex): Promise<SafeSdk> {
  const { Safe } = await protocolKit();
  return Safe.init({
    provider: chain.config.rpcUrl,
    ...(signer ? { signer } : {}),
    safeAddress: gov.safe,
    ...(gov.safeContracts ? { contractNetworks: { [String(chain.config.chainId)]: gov.safeContracts as never } } : {}),
  });
}

// --- reads -------------------------------------------------------------------

const safeReadAbi = parseAbi([
  'function getOwners() view returns (address[])',
  'function getThreshold() view returns (uint256)',
  'function nonce() view returns (uint256)',
]);

export async function safeState(
  chain: ChainContext,
  safe: Address,
): Promise<{ owners: Address[]; threshold: number; nonce: number }> {
  const [owners, threshold, nonce] = await Promise.all([
    chain.client.readContract({ address: safe, abi: safeReadAbi, functionName: 'getOwners' }),
    chain.client.readContract({ address: safe, abi: safeReadAbi, functionName: 'getThreshold' }),
    chain.client.readContract({ address: safe, abi: safeReadAbi, functionName: 'nonce' }),
  ]);
  return { owners: [...owners], threshold: Number(threshold), nonce: Number(nonce) };
}

// --- pending-signatures files -----------------------------------------------

export function pendingDir(ctx: NetworkContext, chainId: number): string {
  return path.join(ctx.stateDir, 'safe-txs', ctx.network.name, String(chainId));
}

export function savePending(ctx: NetworkContext, p: PendingSafeTx): string {
  const file = path.join(pendingDir(ctx, p.chainId), `${p.safeTxHash}.json`);
  writeJsonAtomic(file, p, bigintReplacer);
  return file;
}

/** A pending transaction by Safe tx hash (or a unique prefix of it), on any chain of the network; or from a file path. */
export function loadPending(ctx: NetworkContext, ref: string): { pending: PendingSafeTx; file: string } {
  let file: string | undefined;
  if (ref.endsWith('.json') && existsSync(path.resolve(ctx.cwd, ref))) file = path.resolve(ctx.cwd, ref);
  else {
    if (!/^0x[0-9a-fA-F]{4,64}$/.test(ref)) {
      throw new InputError(`"${ref}" is neither a Safe transaction hash nor a pending-signatures file`);
    }
    const matches = listPendingFiles(ctx).filter((f) => path.basename(f).toLowerCase().startsWith(ref.toLowerCase()));
    if (matches.length > 1)
      throw new InputError(`Safe transaction hash prefix ${ref} is ambiguous`, { details: matches.join('\n') });
    file = matches[0];
  }
  if (!file) {
    throw new InputError(`No pending Safe transaction ${ref} on network ${ctx.network.name}`, {
      hint: `Pending-signatures files live in ${path.join(ctx.stateDir, 'safe-txs', ctx.network.name)}; copy the proposer's file there or pass its path`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new InputError(`Cannot read ${file}`, { cause, details: String(cause) });
  }
  const parsed = pendingSafeTxSchema.safeParse(json);
  if (!parsed.success)
    throw new InputError(`Malformed pending-signatures file ${file}`, { details: formatZodIssues(parsed.error) });
  if (parsed.data.network !== ctx.network.name) {
    throw new InputError(`${file} is for network ${parsed.data.network}, not ${ctx.network.name}`);
  }
  return { pending: parsed.data, file };
}

export function listPendingFiles(ctx: NetworkContext): string[] {
  const root = path.join(ctx.stateDir, 'safe-txs', ctx.network.name);
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((chainDir) =>
    readdirSync(path.join(root, chainDir))
      .filter((f) => /^0x[0-9a-fA-F]{64}\.json$/.test(f))
      .map((f) => path.join(root, chainDir, f)),
  );
}

// --- propose / sign / execute -----------------------------------------------

/** Simulates each call from `from` (eth_call); throws a ChainError naming the decoded revert. */
export async function simulateCalls(
  chain: ChainContext,
  from: Address,
  calls: SafeCall[],
  what: string,
): Promise<void> {
  for (const call of calls) {
    try {
      await chain.client.call({
        account: from,
        to: call.to,
        data: call.data,
        ...(call.value ? { value: call.value } : {}),
      });
    } catch (cause) {
      const data = revertData(cause);
      const reason = decodeRevert(data) ?? (cause instanceof BaseError ? cause.shortMessage : String(cause));
      const decoded = decodeCall(call.data, { to: call.to, labels: labelsFor(chain) });
      throw new ChainError(`${what} would revert on ${chain.config.name}: ${reason}`, {
        details: `${decoded.contract}.${decoded.function} from ${from}; nothing was proposed or sent`,
        cause,
      });
    }
  }
}

function revertData(err: unknown): Hex | undefined {
  let e: unknown = err;
  while (e) {
    const d = (e as { data?: unknown }).data;
    if (typeof d === 'string' && d.startsWith('0x')) return d as Hex;
    if (d && typeof d === 'object' && typeof (d as { data?: unknown }).data === 'string')
      return (d as { data: Hex }).data;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export async function proposeSafeTx(
  ctx: NetworkContext,
  chain: ChainContext,
  calls: SafeCall[],
  description: string,
): Promise<PendingSafeTx> {
  const gov = governanceOf(ctx, chain);
  await simulateCalls(chain, gov.safe, calls, description);
  const state = await safeState(chain, gov.safe);
  const safe = await initSafe(chain, gov);
  const tx = await safe.createTransaction({
    transactions: calls.map((c) => ({ to: c.to, value: String(c.value ?? 0n), data: c.data })),
    onlyCalls: true,
    options: { nonce: state.nonce },
  });
  const safeTxHash = (await safe.getTransactionHash(tx)) as Hex;
  const d = tx.data;
  const pending: PendingSafeTx = {
    format: 1,
    network: ctx.network.name,
    chainId: chain.config.chainId,
    safe: gov.safe,
    safeTxHash,
    description,
    createdAt: new Date().toISOString(),
    tx: {
      to: getAddress(d.to),
      value: String(d.value),
      data: d.data as Hex,
      operation: Number(d.operation),
      safeTxGas: String(d.safeTxGas),
      baseGas: String(d.baseGas),
      gasPrice: String(d.gasPrice),
      gasToken: getAddress(d.gasToken),
      refundReceiver: getAddress(d.refundReceiver),
      nonce: Number(d.nonce),
    },
    calls: calls.map((c) => ({ to: c.to, value: String(c.value ?? 0n), data: c.data })),
    threshold: state.threshold,
    owners: state.owners,
    signatures: {},
  };
  savePending(ctx, pending);
  return pending;
}

/**
 * Adds a signature made elsewhere; it must recover to an owner. Two forms are
 * accepted: ECDSA over the Safe transaction hash itself (v = 27/28, e.g.
 * `cast wallet sign --no-hash <hash>`), and an `eth_sign`/`personal_sign` of the
 * hash (EIP-191 prefix, e.g. `cast wallet sign <hash>` or a hardware wallet),
 * which is stored with v + 4 as the Safe expects for that kind.
 */
export async function addSignature(pending: PendingSafeTx, signature: Hex): Promise<Address> {
  const hash = pending.safeTxHash as Hex;
  const isOwner = (a: Address) => pending.owners.some((o) => o.toLowerCase() === a.toLowerCase());
  const v = Number.parseInt(signature.slice(-2), 16);
  const rs = signature.slice(0, -2) as Hex;
  const withV = (x: number) => `${rs}${x.toString(16).padStart(2, '0')}` as Hex;
  const candidates: { signer: () => Promise<Address>; stored: Hex }[] =
    v > 30
      ? [
          {
            signer: () => recoverMessageAddress({ message: { raw: hash }, signature: withV(v - 4) }),
            stored: signature,
          },
        ]
      : [
          { signer: () => recoverAddress({ hash, signature }), stored: signature },
          { signer: () => recoverMessageAddress({ message: { raw: hash }, signature }), stored: withV(v + 4) },
        ];
  const recovered: Address[] = [];
  for (const c of candidates) {
    let signer: Address;
    try {
      signer = await c.signer();
    } catch (cause) {
      throw new InputError('Malformed signature', {
        cause,
        details: 'expected 65 bytes (r, s, v) over the Safe transaction hash',
      });
    }
    recovered.push(signer);
    if (isOwner(signer)) {
      pending.signatures[getAddress(signer)] = c.stored;
      return signer;
    }
  }
  throw new InputError(`Signer ${recovered[0]} is not an owner of Safe ${pending.safe}`, {
    details: `owners: ${pending.owners.join(', ')}`,
    hint: 'Sign the Safe transaction hash with an owner key',
  });
}

/**
 * Signs with the given keys (every one must be an owner), up to the threshold
 * unless `all`; returns the owners who signed now.
 */
export async function signWithKeys(
  pending: PendingSafeTx,
  keys: Hex[],
  options: { all?: boolean } = {},
): Promise<Address[]> {
  const signed: Address[] = [];
  for (const key of keys) {
    if (!options.all && Object.keys(pending.signatures).length >= pending.threshold) break;
    const account = privateKeyToAccount(key);
    if (!pending.owners.some((o) => o.toLowerCase() === account.address.toLowerCase())) {
      throw new InputError(`${account.address} is not an owner of Safe ${pending.safe}: refused`, {
        details: `owners: ${pending.owners.join(', ')}`,
        hint: 'Only Safe owners sign; set SAFE_SIGNER_KEYS to owner keys',
      });
    }
    if (pending.signatures[account.address]) continue;
    pending.signatures[account.address] = await account.sign({ hash: pending.safeTxHash as Hex });
    signed.push(account.address);
  }
  return signed;
}

export async function executeSafeTx(
  ctx: NetworkContext,
  chain: ChainContext,
  pending: PendingSafeTx,
  executorKey: Hex,
): Promise<{ txHash: Hex; blockNumber: bigint }> {
  if (pending.executed)
    throw new InputError(`Safe transaction ${pending.safeTxHash} was already executed in ${pending.executed.txHash}`);
  const gov = governanceOf(ctx, chain);
  const state = await safeState(chain, gov.safe);
  const count = Object.keys(pending.signatures).filter((s) =>
    state.owners.some((o) => o.toLowerCase() === s.toLowerCase()),
  ).length;
  if (count < state.threshold) {
    throw new InputError(
      `Insufficient signatures: ${count} of ${state.threshold} owners have signed Safe transaction ${pending.safeTxHash}`,
      {
        details: `signed: ${Object.keys(pending.signatures).join(', ') || 'nobody'}; nothing was sent`,
        hint: `Collect ${state.threshold - count} more: pil safe sign ${pending.safeTxHash} --network ${ctx.network.name}`,
      },
    );
  }
  if (state.nonce !== pending.tx.nonce) {
    throw new InputError(
      `Safe transaction ${pending.safeTxHash} has nonce ${pending.tx.nonce}, the Safe is at ${state.nonce}`,
      {
        details:
          state.nonce > pending.tx.nonce
            ? 'another transaction used this nonce: this one can never execute'
            : 'earlier transactions must execute first',
        hint: 'Propose it again',
      },
    );
  }
  const { EthSafeSignature } = await protocolKit();
  const safe = await initSafe(chain, gov, executorKey);
  const t = pending.tx;
  const tx = await safe.createTransaction({
    transactions: [{ to: t.to, value: t.value, data: t.data, operation: t.operation }],
    options: {
      nonce: t.nonce,
      safeTxGas: t.safeTxGas,
      baseGas: t.baseGas,
      gasPrice: t.gasPrice,
      gasToken: t.gasToken,
      refundReceiver: t.refundReceiver,
    },
  });
  const hash = await safe.getTransactionHash(tx);
  if (hash.toLowerCase() !== pending.safeTxHash.toLowerCase()) {
    throw new ConfigError('The pending-signatures file does not match its Safe transaction hash', {
      details: `file says ${pending.safeTxHash}, its contents hash to ${hash}`,
    });
  }
  for (const [signer, data] of Object.entries(pending.signatures)) tx.addSignature(new EthSafeSignature(signer, data));
  let txHash: Hex;
  try {
    txHash = (await safe.executeTransaction(tx)).hash as Hex;
  } catch (cause) {
    const reason = decodeRevert(revertData(cause)) ?? toPilError(cause).shortMessage;
    throw new ChainError(`Executing Safe transaction ${pending.safeTxHash} failed: ${reason}`, { cause });
  }
  const receipt = await chain.client.waitForTransactionReceipt({ hash: txHash, pollingInterval: 25 });
  if (receipt.status !== 'success')
    throw new ChainError(`Safe transaction ${pending.safeTxHash} reverted`, { details: `transaction ${txHash}` });
  // SafeL2 emits ExecutionFailure (and the outer call succeeds) when the inner call reverts with safeTxGas > 0.
  const failure = receipt.logs.some(
    (l) => l.address.toLowerCase() === gov.safe.toLowerCase() && l.topics[0] === EXECUTION_FAILURE_TOPIC,
  );
  if (failure)
    throw new ChainError(`Safe transaction ${pending.safeTxHash} ran but its call failed`, {
      details: `transaction ${txHash}`,
    });
  pending.executed = { txHash, blockNumber: String(receipt.blockNumber) };
  savePending(ctx, pending);
  return { txHash, blockNumber: receipt.blockNumber };
}

/** keccak256("ExecutionFailure(bytes32,uint256)") */
const EXECUTION_FAILURE_TOPIC = '0x23428b18acfb3ea64b08dc0c1d296ea9c09702c09083ca5272e64d115b687d23';

export type SafeRun = {
  chainId: number;
  chain: string;
  safe: Address;
  safeTxHash: Hex;
  nonce: number;
  description: string;
  decoded: DecodedCall[];
  threshold: number;
  signatures: Address[];
  signedNow: Address[];
  status: 'executed' | 'awaiting-signatures';
  file: string;
  txHash?: Hex;
  blockNumber?: bigint;
};

export type SafeRunOptions = {
  /** Stop after proposing (and signing with the local keys, if `sign`): print the hash for signers elsewhere. */
  proposeOnly?: boolean;
  /** Sign with at most this many of the available keys. */
  signers?: number;
};

/** The whole flow on one chain: propose, sign with the local owner keys, execute at the threshold. */
export async function runThroughSafe(
  ctx: NetworkContext,
  chain: ChainContext,
  calls: SafeCall[],
  description: string,
  options: SafeRunOptions = {},
): Promise<SafeRun> {
  const pending = await proposeSafeTx(ctx, chain, calls, description);
  const keys = signerKeys(ctx).slice(0, options.signers ?? Number.POSITIVE_INFINITY);
  const signedNow = await signWithKeys(pending, keys);
  let file = savePending(ctx, pending);
  let executed: { txHash: Hex; blockNumber: bigint } | undefined;
  if (!options.proposeOnly) {
    // Below the threshold this refuses (InputError naming the hash and the pending file): nothing is sent.
    try {
      executed = await executeSafeTx(ctx, chain, pending, keys[0] ?? ('0x' as Hex));
    } catch (err) {
      const e = toPilError(err);
      if (e instanceof InputError && !pending.executed) {
        throw new InputError(e.shortMessage, {
          details: `${e.details ?? ''}\npending-signatures file: ${file}`.trim(),
          hint: e.hint,
          cause: err,
        });
      }
      throw err;
    }
    file = savePending(ctx, pending);
  }
  return summarize(ctx, chain, pending, file, signedNow, executed);
}

export function summarize(
  _ctx: NetworkContext,
  chain: ChainContext,
  pending: PendingSafeTx,
  file: string,
  signedNow: Address[] = [],
  executed?: { txHash: Hex; blockNumber: bigint },
): SafeRun {
  const labels = labelsFor(chain);
  return {
    chainId: pending.chainId,
    chain: chain.config.name,
    safe: pending.safe as Address,
    safeTxHash: pending.safeTxHash as Hex,
    nonce: pending.tx.nonce,
    description: pending.description,
    decoded: pending.calls.map((c) =>
      decodeCall(c.data as Hex, { to: c.to as Address, value: BigInt(c.value), labels }),
    ),
    threshold: pending.threshold,
    signatures: Object.keys(pending.signatures) as Address[],
    signedNow,
    status: pending.executed ? 'executed' : 'awaiting-signatures',
    file,
    ...(pending.executed
      ? {
          txHash: pending.executed.txHash as Hex,
          blockNumber: executed?.blockNumber ?? BigInt(pending.executed.blockNumber),
        }
      : {}),
  };
}
