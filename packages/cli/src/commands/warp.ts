// `pil devnet warp <duration>`: moves the time of every devnet chain forward
// (evm_increaseTime + one mined block), to rehearse the 6 h and 48 h
// timelock procedures end to end. Registered under the existing `devnet`
// command group.
import type { Command } from 'commander';
import { createTestClient, http } from 'viem';
import { DEVNET } from '../config/schema.js';
import { InputError, UsageError } from '../errors.js';
import { withExamples } from '../options.js';
import type { Runtime } from '../runtime.js';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** "6h", "48h", "90m", "2d", "1h30m", "3600" (seconds) → seconds. */
export function parseDuration(value: string): number {
  const v = value.trim().toLowerCase();
  if (/^\d+$/.test(v)) return Number(v);
  const parts = [...v.matchAll(/(\d+)\s*([smhdw])/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== v.replace(/\s+/g, '')) {
    throw new InputError(`Malformed duration "${value}"`, { details: 'examples: 6h, 48h, 90m, 2d, 1h30m, or seconds' });
  }
  return parts.reduce((s, p) => s + Number(p[1]) * UNITS[p[2]!]!, 0);
}

export function registerWarpCommand(program: Command, rt: Runtime): void {
  const devnet = program.commands.find((c) => c.name() === 'devnet');
  if (!devnet) throw new Error('the devnet command group must be registered before warp');
  withExamples(
    devnet
      .command('warp')
      .description('move the time of every devnet chain forward (rehearse the 6 h / 48 h timelock procedures)')
      .argument('<duration>', 'e.g. 6h, 48h, 90m, 2d, or seconds')
      .action(async (duration: string, _opts, cmd: Command) => {
        const seconds = parseDuration(duration);
        if (seconds <= 0) throw new InputError('The duration must be positive');
        const ctx = await rt.network(cmd);
        if (ctx.network.name !== DEVNET) {
          throw new UsageError(`pil devnet warp moves the time of the devnet only, not of network ${ctx.network.name}`);
        }
        const chains = await Promise.all(
          ctx.chains.map(async (c) => {
            const test = createTestClient({ mode: 'anvil', chain: c.chain, transport: http(c.config.rpcUrl) });
            await test.increaseTime({ seconds });
            await test.mine({ blocks: 1 });
            const block = await c.client.getBlock({ blockTag: 'latest' });
            return {
              chain: c.config.name,
              chainId: c.config.chainId,
              block: block.number,
              time: Number(block.timestamp),
              iso: new Date(Number(block.timestamp) * 1000).toISOString(),
            };
          }),
        );
        ctx.output.result({ warpedSeconds: seconds, chains }, () =>
          chains.map((c) => `${c.chain}: +${seconds} s, block ${c.block}, chain time ${c.iso}`).join('\n'),
        );
      }),
    ['pil devnet warp 6h', 'pil devnet warp 48h --json', 'pil devnet warp 90m'],
  );
}
