// `pil safe`: Safe transactions proposed by other commands, for signers who
// are elsewhere: show one (decoded), add signatures (local owner keys, or a
// signature made with another tool), execute it at the threshold, list them.
import type { Command } from 'commander';
import type { Address, Hex } from 'viem';
import type { NetworkContext } from '../context.js';
import { ConfigError, InputError } from '../errors.js';
import { formatSafeRun, parsePositiveInt } from '../governance/cli.js';
import { signerKeys } from '../governance/resolve.js';
import {
  addSignature,
  executeSafeTx,
  listPendingFiles,
  loadPending,
  type PendingSafeTx,
  safeState,
  savePending,
  signWithKeys,
  summarize,
} from '../governance/safe.js';
import { withExamples } from '../options.js';
import { table } from '../output.js';
import type { Runtime } from '../runtime.js';

function chainOf(ctx: NetworkContext, pending: PendingSafeTx) {
  return ctx.chain(pending.chainId);
}

export function registerSafeCommands(program: Command, rt: Runtime): void {
  const safe = program
    .command('safe')
    .description('Safe transactions awaiting signatures: show, sign, execute, list (pending-signatures files)');
  withExamples(safe, ['pil safe list', 'pil safe sign 0x1234… --network mainnet', 'pil safe execute 0x1234…']);

  withExamples(
    safe
      .command('show')
      .description('a pending Safe transaction, decoded, with its signatures')
      .argument('<safeTxHash|file>', 'Safe transaction hash (or a unique prefix), or a pending-signatures file')
      .action(async (ref: string, _opts, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const { pending, file } = loadPending(ctx, ref);
        const run = summarize(ctx, chainOf(ctx, pending), pending, file);
        ctx.output.result({ ...run, tx: pending.tx }, () => formatSafeRun(run, ctx.network.name));
      }),
    ['pil safe show 0x35b0189 --network devnet', 'pil safe show ./0x35b0….json --json'],
  );

  withExamples(
    safe
      .command('sign')
      .description(
        'add signatures to a pending Safe transaction: from the local owner keys (SAFE_SIGNER_KEYS, PRIVATE_KEY, or the devnet owners), or one made elsewhere (--signature)',
      )
      .argument('<safeTxHash|file>', 'Safe transaction hash (or a unique prefix), or a pending-signatures file')
      .option(
        '--signature <hex>',
        'a 65-byte signature over the Safe transaction hash (e.g. from cast wallet sign --no-hash)',
      )
      .option('--signers <n>', 'sign with at most n local keys', parsePositiveInt('--signers'))
      .action(async (ref: string, opts: { signature?: string; signers?: number }, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const { pending, file } = loadPending(ctx, ref);
        if (pending.executed) throw new InputError(`Safe transaction ${pending.safeTxHash} was already executed`);
        let signedNow: Address[];
        if (opts.signature) {
          if (!/^0x[0-9a-fA-F]{130}$/.test(opts.signature)) {
            throw new InputError('Malformed signature', {
              details: 'expected 0x followed by 130 hex digits (r, s, v)',
            });
          }
          signedNow = [await addSignature(pending, opts.signature as Hex)];
        } else {
          const keys = signerKeys(ctx).slice(0, opts.signers ?? Number.POSITIVE_INFINITY);
          if (!keys.length) {
            throw new ConfigError('No signer keys here', {
              hint: 'export SAFE_SIGNER_KEYS=0x… (owner keys), or pass --signature',
            });
          }
          signedNow = await signWithKeys(pending, keys, { all: true });
        }
        savePending(ctx, pending);
        const run = summarize(ctx, chainOf(ctx, pending), pending, file, signedNow);
        ctx.output.result(run, () => formatSafeRun(run, ctx.network.name));
      }),
    [
      'pil safe sign 0x35b0189 --network devnet --signers 1',
      'pil safe sign 0x35b0189 --signature 0x…  # made with: cast wallet sign --no-hash <safeTxHash>',
    ],
  );

  withExamples(
    safe
      .command('execute')
      .description('execute a pending Safe transaction once it has threshold signatures (refused below, nothing sent)')
      .argument('<safeTxHash|file>', 'Safe transaction hash (or a unique prefix), or a pending-signatures file')
      .action(async (ref: string, _opts, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const { pending, file } = loadPending(ctx, ref);
        const chain = chainOf(ctx, pending);
        const executor =
          signerKeys(ctx)[0] ?? (ctx.requireEnv('PRIVATE_KEY', 'paying for the Safe transaction') as Hex);
        const executed = await executeSafeTx(ctx, chain, pending, executor);
        const run = summarize(ctx, chain, pending, file, [], executed);
        ctx.output.result(run, () => formatSafeRun(run, ctx.network.name));
      }),
    ['pil safe execute 0x35b0189 --network devnet'],
  );

  withExamples(
    safe
      .command('list')
      .description('every pending-signatures file of --network, with its status')
      .action(async (_opts, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const rows = await Promise.all(
          listPendingFiles(ctx).map(async (f) => {
            const { pending } = loadPending(ctx, f);
            const chain = chainOf(ctx, pending);
            const { nonce } = await safeState(chain, pending.safe as Address);
            const status = pending.executed
              ? 'executed'
              : pending.tx.nonce < nonce
                ? 'stale (nonce used)'
                : `awaiting ${Object.keys(pending.signatures).length}/${pending.threshold}`;
            return {
              chainId: pending.chainId,
              safeTxHash: pending.safeTxHash,
              nonce: pending.tx.nonce,
              status,
              description: pending.description,
              createdAt: pending.createdAt,
              file: f,
            };
          }),
        );
        rows.sort((a, b) => a.chainId - b.chainId || a.nonce - b.nonce);
        ctx.output.result({ network: ctx.network.name, transactions: rows }, () =>
          rows.length
            ? table(
                ['chain', 'nonce', 'safe tx hash', 'status', 'description'],
                rows.map((r) => [String(r.chainId), String(r.nonce), r.safeTxHash, r.status, r.description]),
              )
            : `no pending-signatures files for network ${ctx.network.name}`,
        );
      }),
    ['pil safe list --network devnet', 'pil safe list --json'],
  );
}
