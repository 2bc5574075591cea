// EP-002 relayer rotation: `pil relayer remove` (immediate, through the Safe;
// refused when fewer active relayers than the quorum would remain), `pil
// relayer pending` (checkpoints the relayer signed that are not accepted, and
// the messages they cover that are not imported), `pil relayer add` (6 h
// timelock), `pil relayer list`.
import type { Command } from 'commander';
import { type Address, formatEther, type Hex } from 'viem';
import { crossDomainNullifierAlgebraAbi } from '../../../sdk/src/abi/generated/index.js';
import { readPilContract } from '../../../sdk/src/actions/internal/contract.js';
import { getCheckpointVotes } from '../../../sdk/src/actions/proofHub/getCheckpointVotes.js';
import { getExportedMessages } from '../../../sdk/src/actions/proofHub/getExportedMessages.js';
import { getRelayerSet } from '../../../sdk/src/actions/relayerRegistry/getRelayerSet.js';
import { prepareAddRelayer } from '../../../sdk/src/actions/relayerRegistry/prepareAddRelayer.js';
import { prepareRemoveRelayer } from '../../../sdk/src/actions/relayerRegistry/prepareRemoveRelayer.js';
import type { ChainContext, NetworkContext } from '../context.js';
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
import { viaSafe, viaTimelock } from '../governance/flows.js';
import { chainNow, operationSummary } from '../governance/timelock.js';
import { withExamples } from '../options.js';
import { table } from '../output.js';
import type { Runtime } from '../runtime.js';

export function registerRelayerCommands(program: Command, rt: Runtime): void {
  const relayer = program
    .command('relayer')
    .description('EP-002 relayer rotation: remove (Safe, immediate), pending, add (6 h timelock), list');
  withExamples(relayer, [
    'pil relayer remove 0x7099…79C8',
    'pil relayer pending 0x7099…79C8',
    'pil relayer add 0x90F7…b906',
  ]);

  withExamples(
    addSafeOptions(
      relayer
        .command('remove')
        .description(
          'remove a relayer at once through the Safe (guardian) on every chain where it is admitted; refused when fewer active relayers than the quorum would remain',
        )
        .argument('<address>', 'the relayer'),
    ).action(async (address: string, opts: SafeCommandOptions, cmd: Command) => {
      const ctx = await rt.network(cmd);
      const relayerAddress = parseAddress(address, 'relayer address');
      const chains = selectChains(ctx, opts.chain);
      const runs = await perChain(chains, async (chain) => {
        const call = await prepareRemoveRelayer(pilClient(ctx, chain), { relayer: relayerAddress });
        const run = await viaSafe(ctx, chain, [call], `EP-002 remove relayer ${relayerAddress}`, safeRunOptions(opts));
        return { ...run, activeAfter: call.activeAfter, quorum: call.quorum };
      });
      ctx.output.result({ action: 'relayer-remove', relayer: relayerAddress, chains: runs }, () =>
        runs
          .map(
            (r) =>
              `${formatSafeRun(r, ctx.network.name)}\n  active relayers ${r.status === 'executed' ? 'now' : 'after'}: ${r.activeAfter} (quorum ${r.quorum})`,
          )
          .join('\n\n'),
      );
    }),
    [
      'pil relayer remove 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 --network devnet',
      'pil relayer remove 0x7099… --network mainnet --propose-only',
    ],
  );

  withExamples(
    addSafeOptions(
      relayer
        .command('add')
        .description(
          'admit a relayer through the 6 h emergency timelock (schedule; run again with --execute after the ETA). It is active once it has staked the minimum',
        )
        .argument('<address>', 'the relayer')
        .option('--execute', 'execute the scheduled admission (refused before the ETA)', false),
    ).action(async (address: string, opts: SafeCommandOptions & { execute: boolean }, cmd: Command) => {
      const ctx = await rt.network(cmd);
      const relayerAddress = parseAddress(address, 'relayer address');
      const chains = selectChains(ctx, opts.chain);
      const steps = await perChain(chains, async (chain) => {
        const call = await prepareAddRelayer(pilClient(ctx, chain), { relayer: relayerAddress });
        const step = await viaTimelock(ctx, chain, 'emergency', [call], `EP-002 add relayer ${relayerAddress}`, {
          ...safeRunOptions(opts),
          execute: opts.execute,
          command: `pil relayer add ${relayerAddress} --network ${ctx.network.name}`,
        });
        return { step, now: await chainNow(chain) };
      });
      ctx.output.result(
        {
          action: opts.execute ? 'relayer-add-execute' : 'relayer-add-schedule',
          relayer: relayerAddress,
          chains: steps.map(({ step, now }) => ({
            chain: step.chain,
            chainId: step.chainId,
            step: step.step,
            operation: operationSummary(step.operation, now),
            ...(step.step === 'scheduled'
              ? { safe: step.safe }
              : { txHash: step.txHash, blockNumber: step.blockNumber }),
          })),
        },
        () =>
          steps
            .map(({ step, now }) =>
              step.step === 'scheduled'
                ? `${formatSafeRun(step.safe, ctx.network.name)}\n${formatOperation(step.operation, now)}\n  after the ETA: pil relayer add ${relayerAddress} --execute --network ${ctx.network.name}`
                : `${step.chain} (${step.chainId}): relayer ${relayerAddress} admitted in block ${step.blockNumber} (transaction ${step.txHash}); it is active once it stakes the minimum (RelayerRegistry.stake)`,
            )
            .join('\n\n'),
      );
    }),
    [
      'pil relayer add 0x90F79bf6EB2c4f870365E785982E1f101E93b906 --network devnet',
      'pil relayer add 0x90F7… --execute --network devnet   # after 6 h',
    ],
  );

  withExamples(
    relayer
      .command('pending')
      .description(
        'checkpoints the relayer signed that no chain has accepted yet, and the exported messages they cover that are not imported (from chain events)',
      )
      .argument('<address>', 'the relayer')
      .option('--chain <id|name>', 'destination chain to look at (default: every chain)')
      .action(async (address: string, opts: { chain?: string }, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const relayerAddress = parseAddress(address, 'relayer address');
        const result = await perChain(selectChains(ctx, opts.chain), (chain) => pendingOf(ctx, chain, relayerAddress));
        ctx.output.result({ relayer: relayerAddress, chains: result }, () => {
          const rows = result.flatMap((c) =>
            c.checkpoints.map((v) => [
              String(c.chainId),
              String(v.srcChainId),
              String(v.count),
              `${v.root.slice(0, 18)}…`,
              `${v.votes}/${c.quorum}`,
              v.stillCounts ? 'yes' : 'no',
              String(v.messages.length),
            ]),
          );
          const messages = result.flatMap((c) =>
            c.checkpoints.flatMap((v) =>
              v.messages.map((m) => [String(c.chainId), String(v.srcChainId), String(m.index), m.messageId]),
            ),
          );
          return [
            rows.length
              ? table(['dst chain', 'src chain', 'count', 'root', 'votes', 'vote counts', 'messages'], rows)
              : `relayer ${relayerAddress} has no unaccepted checkpoint votes`,
            ...(messages.length
              ? [
                  '',
                  'messages not imported, covered by those checkpoints:',
                  table(['dst chain', 'src chain', 'index', 'message id'], messages),
                ]
              : []),
          ].join('\n');
        });
      }),
    [
      'pil relayer pending 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 --network devnet',
      'pil relayer pending 0x7099… --json',
    ],
  );

  withExamples(
    relayer
      .command('list')
      .description('the relayer set of every chain: quorum, epoch, each relayer with its stake')
      .option('--chain <id|name>', 'one chain only')
      .action(async (opts: { chain?: string }, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const sets = await perChain(selectChains(ctx, opts.chain), async (chain) => ({
          chain: chain.config.name,
          chainId: chain.config.chainId,
          ...(await getRelayerSet(pilClient(ctx, chain))),
        }));
        ctx.output.result({ chains: sets }, () =>
          sets
            .map(
              (s) =>
                `${s.chain} (${s.chainId}): quorum ${s.quorum}, active ${s.activeCount}, epoch ${s.epoch}, min stake ${formatEther(s.minStake)} ETH\n${table(
                  ['relayer', 'admitted', 'active', 'bonded ETH', 'unbonding ETH'],
                  s.relayers.map((r) => [
                    r.address,
                    r.admitted ? 'yes' : 'no',
                    r.active ? 'yes' : 'no',
                    formatEther(r.bonded),
                    formatEther(r.unbonding),
                  ]),
                )}`,
            )
            .join('\n\n'),
        );
      }),
    ['pil relayer list --network devnet'],
  );
}

type PendingVote = {
  srcChainId: bigint;
  srcHub: Address;
  count: bigint;
  root: Hex;
  votes: bigint;
  epoch: bigint;
  /** Cast in the current relayer-set epoch by a relayer still active: it still counts towards the quorum. */
  stillCounts: boolean;
  messages: { index: bigint; messageId: Hex; dstChainId: bigint }[];
};

async function pendingOf(ctx: NetworkContext, chain: ChainContext, relayer: Address) {
  const client = pilClient(ctx, chain);
  const [votes, set] = await Promise.all([getCheckpointVotes(client, { signer: relayer }), getRelayerSet(client)]);
  const active = set.relayers.find((r) => r.address.toLowerCase() === relayer.toLowerCase())?.active ?? false;
  const unaccepted = votes.filter((v) => !v.accepted);
  const checkpoints: PendingVote[] = [];
  for (const v of unaccepted) {
    const source = ctx.chains.find((c) => c.config.chainId === Number(v.srcChainId));
    let messages: PendingVote['messages'] = [];
    if (source) {
      const exported = await getExportedMessages(pilClient(ctx, source), {
        dstChainId: BigInt(chain.config.chainId),
        beforeCount: v.count,
      });
      const imported = await Promise.all(
        exported.map((m) =>
          readPilContract<boolean>(client, {
            contract: 'cdna',
            abi: crossDomainNullifierAlgebraAbi,
            functionName: 'isImported',
            args: [m.messageId],
          }),
        ),
      );
      messages = exported
        .filter((_, i) => !imported[i])
        .map((m) => ({ index: m.index, messageId: m.messageId, dstChainId: m.dstChainId }));
    } else if (!ctx.options.json)
      ctx.logger.warn(
        `source chain ${v.srcChainId} is not part of network ${ctx.network.name}: its messages are not listed`,
      );
    checkpoints.push({
      srcChainId: v.srcChainId,
      srcHub: v.srcHub,
      count: v.count,
      root: v.root,
      votes: v.votes,
      epoch: v.epoch,
      stillCounts: active && v.epoch === set.epoch,
      messages,
    });
  }
  if (!votes.length && !set.relayers.some((r) => r.address.toLowerCase() === relayer.toLowerCase())) {
    ctx.logger.warn(`${relayer} was never a relayer on ${chain.config.name}`);
  }
  return {
    chain: chain.config.name,
    chainId: chain.config.chainId,
    quorum: set.quorum,
    epoch: set.epoch,
    active,
    checkpoints,
  };
}
