// EP-004 fund recovery: `pil funds assess` (ETH held by each contract, what the
// accounting says it is for, what is recoverable and what is stuck and why)
// and `pil funds recover` (scheduled on the 48 h standard timelock through the
// Safe, to an allowed recipient only; `--execute` after the delay).
import { type Command, Option } from 'commander';
import { type Address, formatEther, parseEther } from 'viem';
import type { PreparedCall } from '../../../sdk/src/actions/internal/prepare.js';
import { prepareRecoverFunds } from '../../../sdk/src/actions/proofHub/prepareRecoverFunds.js';
import { prepareRecoverSlashed } from '../../../sdk/src/actions/relayerRegistry/prepareRecoverSlashed.js';
import { InputError, toPilError } from '../errors.js';
import {
  addSafeOptions,
  formatOperation,
  formatSafeRun,
  parseAddress,
  perChain,
  type SafeCommandOptions,
  safeRunOptions,
  selectChains,
} from '../governance/cli.js';
import { pilClient } from '../governance/client.js';
import { chainNow, executeOperation, operationSummary, scheduleThroughSafe } from '../governance/timelock.js';
import { assessFunds, contractLabel, findRecovery, type RecoverySource, requireAllowed } from '../ops/funds.js';
import { withExamples } from '../options.js';
import { table } from '../output.js';
import type { Runtime } from '../runtime.js';

const eth = (wei: bigint) => `${formatEther(wei)} ETH`;

export function parseEthAmount(value: string): bigint {
  if (!/^\d+(\.\d{1,18})?$/.test(value))
    throw new InputError(`Malformed amount "${value}"`, { details: 'expected ETH, e.g. 1.5' });
  const wei = parseEther(value);
  if (wei === 0n) throw new InputError('The amount must be positive');
  return wei;
}

export function registerFundsCommands(program: Command, rt: Runtime): void {
  const funds = program
    .command('funds')
    .description('EP-004 fund recovery: assess what each contract holds, recover through the 48 h timelock');
  withExamples(funds, ['pil funds assess --network devnet', 'pil funds recover --to 0x… --network devnet']);

  withExamples(
    funds
      .command('assess')
      .description(
        'ETH held by each PIL contract: fee pool vs owed fees, stakes vs slashed balance, what is recoverable and what is stuck and why',
      )
      .option('--chain <id|name>', 'this chain only'),
    ['pil funds assess --network devnet', 'pil funds assess --network mainnet --json'],
  ).action(async (opts: { chain?: string }, cmd: Command) => {
    const ctx = await rt.network(cmd);
    const reports = await perChain(selectChains(ctx, opts.chain), (chain) => assessFunds(ctx, chain));
    ctx.output.result({ action: 'funds-assess', network: ctx.network.name, chains: reports }, () =>
      reports
        .map((r) =>
          [
            `${r.chain} (${r.chainId}) at block ${r.block}: recoverable ${eth(r.totalRecoverable)}, stuck ${eth(r.totalStuck)}`,
            table(
              ['contract', 'balance', 'accounted for', 'recoverable', 'via', 'stuck'],
              r.contracts.map((c) => [
                contractLabel(c.contract),
                eth(c.balance),
                Object.entries(c.accounted)
                  .map(([k, v]) => `${k} ${formatEther(v)}`)
                  .join(', ') || '-',
                eth(c.recoverable),
                c.recoverVia ?? '-',
                eth(c.stuck),
              ]),
            ),
            ...r.contracts.flatMap((c) => c.notes.map((n) => `  ${contractLabel(c.contract)}: ${n}`)),
          ].join('\n'),
        )
        .join('\n\n'),
    );
  });

  withExamples(
    addSafeOptions(
      funds
        .command('recover')
        .description(
          'schedule recovery of fee-pool surplus (hub.recoverFunds) and slashed stake (relayerRegistry.recoverSlashed) on the 48 h timelock through the Safe, to an allowed recipient only; --execute after the delay',
        )
        .requiredOption(
          '--to <address>',
          'recipient: must be in the allow-list (config recovery.<network>.allowedRecipients or PIL_RECOVERY_RECIPIENTS)',
        )
        .addOption(
          new Option('--from <source>', 'what to recover').choices(['fee-pool', 'slashed', 'all']).default('all'),
        )
        .option('--amount <eth>', 'recover this much from each source (default: all that is recoverable)')
        .option('--execute', 'execute the scheduled recovery to --to once its ETA has passed', false),
    ),
    [
      'pil funds recover --to 0xRecipient --network devnet                 # schedule (48 h)',
      'pil funds recover --to 0xRecipient --from slashed --amount 0.5 --chain 31337',
      'pil funds recover --to 0xRecipient --execute --network devnet       # after the ETA',
    ],
  ).action(
    async (
      opts: SafeCommandOptions & {
        to: string;
        from: 'fee-pool' | 'slashed' | 'all';
        amount?: string;
        execute: boolean;
      },
      cmd: Command,
    ) => {
      const ctx = await rt.network(cmd);
      const to = parseAddress(opts.to, 'recipient');
      const amount = opts.amount === undefined ? undefined : parseEthAmount(opts.amount);
      requireAllowed(ctx, to);
      const chains = selectChains(ctx, opts.chain);
      if (opts.execute) {
        const done = await perChain(chains, async (chain) => {
          const op = await findRecovery(ctx, chain, to);
          if (!op) {
            throw new InputError(`Nothing to execute on ${chain.config.name}: no scheduled recovery to ${to}`, {
              hint: `Schedule it first: pil funds recover --to ${to} --network ${ctx.network.name}`,
            });
          }
          const before = await chain.client.getBalance({ address: to });
          const { txHash, blockNumber } = await executeOperation(ctx, chain, op);
          const after = await chain.client.getBalance({ address: to });
          return {
            chain: chain.config.name,
            chainId: chain.config.chainId,
            operation: operationSummary(op, await chainNow(chain)),
            txHash,
            blockNumber,
            received: after - before,
          };
        });
        ctx.output.result({ action: 'funds-recover-execute', network: ctx.network.name, to, chains: done }, () =>
          done
            .map(
              (d) =>
                `${d.chain} (${d.chainId}): executed ${d.operation.id} in block ${d.blockNumber} (${d.txHash}); ${to} received ${eth(d.received)}`,
            )
            .join('\n'),
        );
        return;
      }
      // Prepare every chain's calls first: a refusal on any chain means nothing is proposed anywhere.
      const plans = await Promise.all(
        chains.map(async (chain) => {
          const calls = await recoveryCalls(ctx, chain, to, opts.from, amount);
          if (!calls.length) {
            throw new InputError(
              `Nothing to recover on ${chain.config.name}${opts.from === 'all' ? '' : ` from ${opts.from}`}; nothing was proposed`,
              {
                hint: `See pil funds assess --network ${ctx.network.name}`,
              },
            );
          }
          return { chain, calls };
        }),
      );
      const steps = await perChain(chains, async (chain) => {
        const { calls } = plans.find((p) => p.chain === chain)!;
        const { operation, safe } = await scheduleThroughSafe(
          ctx,
          chain,
          'standard',
          calls.map((c) => ({ to: c.to, data: c.data, value: c.value })),
          `EP-004 recover funds to ${to}`,
          safeRunOptions(opts),
        );
        return {
          chain: chain.config.name,
          chainId: chain.config.chainId,
          operation,
          safe,
          now: await chainNow(chain),
          calls: calls.map((c) => c.description),
        };
      });
      ctx.output.result(
        {
          action: 'funds-recover-schedule',
          network: ctx.network.name,
          to,
          chains: steps.map((s) => ({
            chain: s.chain,
            chainId: s.chainId,
            calls: s.calls,
            operation: operationSummary(s.operation, s.now),
            safe: s.safe,
          })),
        },
        () =>
          steps
            .map(
              (s) =>
                `${formatSafeRun(s.safe, ctx.network.name)}\n${formatOperation(s.operation, s.now)}\n  execute after the ETA: pil funds recover --to ${to} --execute --network ${ctx.network.name}`,
            )
            .join('\n\n'),
      );
    },
  );
}

async function recoveryCalls(
  ctx: Parameters<typeof pilClient>[0],
  chain: Parameters<typeof pilClient>[1],
  to: Address,
  from: RecoverySource | 'all',
  amount: bigint | undefined,
): Promise<PreparedCall[]> {
  const client = pilClient(ctx, chain);
  const { contracts } = await assessFunds(ctx, chain);
  const calls: PreparedCall[] = [];
  const refuse = (err: unknown): never => {
    const e = toPilError(err);
    throw new InputError(`${e.shortMessage} on ${chain.config.name}; nothing was proposed`, {
      details: e.details,
      hint: e.hint,
      cause: err,
    });
  };
  if (from !== 'slashed' && chain.config.contracts.proofHub) {
    const hub = contracts.find((c) => c.contract === 'proofHub')!;
    const want = amount ?? hub.recoverable;
    if (amount !== undefined && amount > hub.recoverable) {
      refuse(
        new InputError(
          `The fee pool has ${eth(hub.recoverable)} recoverable (owed fees are kept), ${eth(amount)} requested`,
        ),
      );
    }
    if (want > 0n) calls.push(await prepareRecoverFunds(client, { to, amount: want }).catch(refuse));
  }
  if (from !== 'fee-pool' && chain.config.contracts.relayerRegistry) {
    const reg = contracts.find((c) => c.contract === 'relayerRegistry')!;
    const want = amount ?? reg.recoverable;
    if (want > 0n) calls.push(await prepareRecoverSlashed(client, { to, amount: want }).catch(refuse));
  }
  return calls;
}
