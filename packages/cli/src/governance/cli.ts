// Shared pieces of the governance commands: options, chain selection, argument
// parsers and the human rendering of Safe runs and timelock operations.
import { type Command, Option } from 'commander';
import { type Address, getAddress, isAddress } from 'viem';
import type { ChainContext, NetworkContext } from '../context.js';
import { type ContractId, contractIds, contractInfo } from '../contracts.js';
import { InputError, type PilError, toPilError } from '../errors.js';
import { formatCall } from './decode.js';
import type { SafeRun, SafeRunOptions } from './safe.js';
import { formatEta, type TimelockOperation } from './timelock.js';

export type SafeCommandOptions = { chain?: string; proposeOnly?: boolean; signers?: number };

export function parsePositiveInt(what: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InputError(`${what} must be a positive integer, got "${value}"`);
    return n;
  };
}

/** --chain, --propose-only, --signers: every command that sends a Safe transaction has them. */
export function addSafeOptions(cmd: Command): Command {
  return cmd
    .option('--chain <id|name>', 'act on this chain only (default: every chain of --network)')
    .option(
      '--propose-only',
      'propose and sign with the local keys, then stop: print the Safe transaction hash for signers elsewhere',
      false,
    )
    .addOption(
      new Option(
        '--signers <n>',
        'sign with at most n of the local owner keys (SAFE_SIGNER_KEYS; the devnet owners on the devnet)',
      ).argParser(parsePositiveInt('--signers')),
    );
}

export function safeRunOptions(opts: SafeCommandOptions): SafeRunOptions {
  return {
    ...(opts.proposeOnly ? { proposeOnly: true } : {}),
    ...(opts.signers ? { signers: opts.signers } : {}),
  };
}

export function selectChains(ctx: NetworkContext, chain?: string): ChainContext[] {
  if (chain === undefined) return ctx.chains;
  return [ctx.chain(/^\d+$/.test(chain) ? Number(chain) : chain)];
}

export function parseAddress(value: string, what = 'address'): Address {
  if (!isAddress(value, { strict: false })) {
    throw new InputError(`Malformed ${what}: "${value}"`, { details: 'expected 0x followed by 40 hex digits' });
  }
  return getAddress(value);
}

/** A PIL contract by id (`pc3`), artifact name (`ProofCarryingContainer`) or address. */
export function resolveContract(chain: ChainContext, value: string): { id?: ContractId; address: Address } {
  const lower = value.toLowerCase();
  const id = contractIds.find((c) => c.toLowerCase() === lower || contractInfo[c].artifact.toLowerCase() === lower);
  if (id) return { id, address: chain.address(id) };
  if (isAddress(value, { strict: false })) {
    const address = getAddress(value);
    const known = contractIds.find((c) => chain.config.contracts[c]?.toLowerCase() === address.toLowerCase());
    if (!known) throw new InputError(`${address} is not a PIL contract on ${chain.config.name}`);
    return { id: known, address };
  }
  throw new InputError(`Unknown contract "${value}"`, {
    details: `use an address or one of: ${contractIds.join(', ')}`,
  });
}

/**
 * Runs `fn` on every chain (in parallel: an emergency action should not wait for
 * one slow chain). When some chains fail, the others' results are still
 * returned in the error's details and the command exits non-zero.
 */
export async function perChain<T>(chains: ChainContext[], fn: (chain: ChainContext) => Promise<T>): Promise<T[]> {
  const settled = await Promise.allSettled(chains.map(fn));
  const failed = settled
    .map((s, i) => ({ s, chain: chains[i]! }))
    .filter((x): x is { s: PromiseRejectedResult; chain: ChainContext } => x.s.status === 'rejected');
  if (failed.length) {
    const first = toPilError(failed[0]!.s.reason);
    if (failed.length === chains.length && chains.length === 1) throw first;
    const ok = chains.filter((c) => !failed.some((f) => f.chain === c)).map((c) => c.config.name);
    const Ctor = first.constructor as new (m: string, o: ConstructorParameters<typeof PilError>[1]) => PilError;
    throw new Ctor(`${failed.length} of ${chains.length} chain(s) failed; first: ${first.shortMessage}`, {
      details: [
        ...failed.map((f) => `${f.chain.config.name}: ${toPilError(f.s.reason).shortMessage}`),
        ok.length ? `succeeded: ${ok.join(', ')}` : '',
        first.details ?? '',
      ]
        .filter(Boolean)
        .join('\n'),
      hint: first.hint,
      cause: failed[0]!.s.reason,
    });
  }
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

export function formatSafeRun(run: SafeRun, network: string): string {
  const lines = [
    `${run.chain} (${run.chainId}): Safe ${run.safe}, transaction ${run.safeTxHash} (nonce ${run.nonce})`,
    `  ${run.description}`,
    ...run.decoded.map((d) => formatCall(d, '    ')),
    `  signatures: ${run.signatures.length} of ${run.threshold}${run.signatures.length ? ` (${run.signatures.join(', ')})` : ''}`,
  ];
  if (run.status === 'executed') lines.push(`  executed in block ${run.blockNumber} (transaction ${run.txHash})`);
  else {
    lines.push(
      `  awaiting signatures. Signers elsewhere: pil safe sign ${run.safeTxHash} --network ${network}`,
      `    (or sign the hash with any tool, e.g. cast wallet sign --no-hash ${run.safeTxHash}, and add it: pil safe sign ${run.safeTxHash} --signature <sig>)`,
      `  then: pil safe execute ${run.safeTxHash} --network ${network}`,
      `  pending-signatures file: ${run.file}`,
    );
  }
  return lines.join('\n');
}

export function formatOperation(op: TimelockOperation, now: number): string {
  const status =
    op.status === 'waiting' || op.status === 'ready'
      ? `${op.status}, ETA ${formatEta(Number(op.eta), now)}`
      : op.status === 'unset'
        ? 'not scheduled yet (the Safe transaction has not executed)'
        : op.status;
  return [`  ${op.kind} timelock operation ${op.id}: ${status}`, ...op.decoded.map((d) => formatCall(d, '    '))].join(
    '\n',
  );
}
