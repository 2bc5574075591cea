// `pil status`: the chains of --network and whether PIL is paused on each
// (the runbook's `cast call $ORCHESTRATOR "isPaused()(bool)"`, for every chain).
import type { Command } from 'commander';
import { parseAbi } from 'viem';
import { withExamples } from '../options.js';
import { table } from '../output.js';
import type { Runtime } from '../runtime.js';

const pausableAbi = parseAbi(['function isPaused() view returns (bool)']);

export function registerStatusCommand(program: Command, rt: Runtime): void {
  withExamples(
    program
      .command('status')
      .description('block height and pause state of every chain of --network')
      .action(async (_opts, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const chains = await Promise.all(
          ctx.chains.map(async (c) => {
            const orchestrator = c.address('orchestrator');
            const [block, paused] = await Promise.all([
              c.client.getBlockNumber(),
              c.client.readContract({ address: orchestrator, abi: pausableAbi, functionName: 'isPaused' }),
            ]);
            return {
              chain: c.config.name,
              chainId: c.config.chainId,
              rpcUrl: c.config.rpcUrl,
              block,
              orchestrator,
              paused,
            };
          }),
        );
        ctx.output.result({ network: ctx.network.name, chains }, () =>
          table(
            ['chain', 'chain id', 'block', 'orchestrator', 'paused'],
            chains.map((c) => [
              c.chain,
              String(c.chainId),
              String(c.block),
              c.orchestrator,
              c.paused ? 'PAUSED' : 'no',
            ]),
          ),
        );
      }),
    ['pil status', 'pil status --network mainnet --json'],
  );
}
