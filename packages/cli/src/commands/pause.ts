// EP-001 `pil pause` (immediate, through the Safe) and RP-001 `pil unpause`
// (scheduled on the 6 h emergency timelock through the Safe, executed after
// the delay with --execute).
import type { Command } from 'commander';
import { pilBaseAbi } from '../../../sdk/src/abi/generated/index.js';
import { readPilContract } from '../../../sdk/src/actions/internal/contract.js';
import { isPaused } from '../../../sdk/src/actions/orchestrator/isPaused.js';
import { preparePause } from '../../../sdk/src/actions/orchestrator/preparePause.js';
import { prepareUnpause } from '../../../sdk/src/actions/orchestrator/prepareUnpause.js';
import {
  addSafeOptions,
  formatOperation,
  formatSafeRun,
  perChain,
  resolveContract,
  type SafeCommandOptions,
  safeRunOptions,
  selectChains,
} from '../governance/cli.js';
import { pilClient } from '../governance/client.js';
import { viaSafe, viaTimelock } from '../governance/flows.js';
import { chainNow, operationSummary } from '../governance/timelock.js';
import { withExamples } from '../options.js';
import type { Runtime } from '../runtime.js';

type PauseOptions = SafeCommandOptions & { contract?: string };

export function registerPauseCommands(program: Command, rt: Runtime): void {
  withExamples(
    addSafeOptions(
      program
        .command('pause')
        .description(
          'EP-001 emergency pause through the Safe (guardian): every PIL contract of every chain, or one contract; takes effect in the block the Safe transaction executes',
        )
        .option('--contract <id|address>', 'pause only this contract (e.g. pc3, proofHub, or its address)'),
    ).action(async (opts: PauseOptions, cmd: Command) => {
      const ctx = await rt.network(cmd);
      const chains = selectChains(ctx, opts.chain);
      const runs = await perChain(chains, async (chain) => {
        const client = pilClient(ctx, chain);
        const target = opts.contract ? resolveContract(chain, opts.contract) : undefined;
        const call = preparePause(client, target ? { target: target.address } : {});
        const what = target ? `EP-001 pause ${target.id ?? target.address}` : 'EP-001 pause all';
        const run = await viaSafe(ctx, chain, [call], what, safeRunOptions(opts));
        const paused = run.status === 'executed' ? await isPausedNow(ctx, chain, target?.address) : undefined;
        return { ...run, ...(paused === undefined ? {} : { paused }) };
      });
      ctx.output.result({ action: 'pause', network: ctx.network.name, chains: runs }, () =>
        runs
          .map(
            (r) =>
              `${formatSafeRun(r, ctx.network.name)}${r.paused === undefined ? '' : `\n  paused now: ${r.paused ? 'yes' : 'NO'}`}`,
          )
          .join('\n\n'),
      );
    }),
    [
      'pil pause --network devnet',
      'pil pause --contract pc3',
      'pil pause --network mainnet --propose-only   # print the Safe tx hash for the other signers',
      'pil pause --network devnet --signers 1 --json',
    ],
  );

  withExamples(
    addSafeOptions(
      program
        .command('unpause')
        .description(
          'RP-001 unpause: schedule it on the 6 h emergency timelock through the Safe; after the delay run it again with --execute (refused before, with the ETA)',
        )
        .option('--contract <id|address>', "clear only this contract's pause flag")
        .option('--execute', 'execute the scheduled unpause (any key may: the executor role is open)', false),
    ).action(async (opts: PauseOptions & { execute: boolean }, cmd: Command) => {
      const ctx = await rt.network(cmd);
      const chains = selectChains(ctx, opts.chain);
      const steps = await perChain(chains, async (chain) => {
        const target = opts.contract ? resolveContract(chain, opts.contract) : undefined;
        const call = prepareUnpause(pilClient(ctx, chain), target ? { target: target.address } : {});
        const step = await viaTimelock(
          ctx,
          chain,
          'emergency',
          [call],
          `RP-001 unpause${target ? ` ${target.id}` : ''}`,
          {
            ...safeRunOptions(opts),
            execute: opts.execute,
            command: `pil unpause${opts.contract ? ` --contract ${opts.contract}` : ''} --network ${ctx.network.name}`,
          },
        );
        const now = await chainNow(chain);
        const paused = step.step === 'executed' ? await isPausedNow(ctx, chain, target?.address) : undefined;
        return { step, now, ...(paused === undefined ? {} : { paused }) };
      });
      ctx.output.result(
        {
          action: opts.execute ? 'unpause-execute' : 'unpause-schedule',
          network: ctx.network.name,
          chains: steps.map(({ step, now, paused }) => ({
            chain: step.chain,
            chainId: step.chainId,
            step: step.step,
            operation: operationSummary(step.operation, now),
            ...(step.step === 'scheduled'
              ? { safe: step.safe }
              : { txHash: step.txHash, blockNumber: step.blockNumber }),
            ...(paused === undefined ? {} : { paused }),
          })),
        },
        () =>
          steps
            .map(({ step, now, paused }) =>
              step.step === 'scheduled'
                ? `${formatSafeRun(step.safe, ctx.network.name)}\n${formatOperation(step.operation, now)}\n  execute after the ETA: pil unpause${opts.contract ? ` --contract ${opts.contract}` : ''} --execute --network ${ctx.network.name}`
                : `${step.chain} (${step.chainId}): executed timelock operation ${step.operation.id} in block ${step.blockNumber} (transaction ${step.txHash}); paused now: ${paused ? 'YES' : 'no'}`,
            )
            .join('\n\n'),
      );
    }),
    [
      'pil unpause --network devnet            # schedule (6 h timelock)',
      'pil unpause --network devnet --execute  # after the ETA',
      'pil unpause --contract pc3 --propose-only --network mainnet',
    ],
  );
}

async function isPausedNow(
  ctx: Parameters<typeof pilClient>[0],
  chain: Parameters<typeof pilClient>[1],
  target?: `0x${string}`,
): Promise<boolean> {
  const client = pilClient(ctx, chain);
  if (!target) return isPaused(client);
  return readPilContract<boolean>(client, {
    contract: 'orchestrator',
    address: target,
    abi: pilBaseAbi,
    functionName: 'isPaused',
  });
}
