// `pil config`: what the CLI resolves from the config file and environment.
import type { Command } from 'commander';
import { runbookEnvVars } from '../config/env.js';
import { resolveNetwork } from '../config/load.js';
import { ConfigError } from '../errors.js';
import { withExamples } from '../options.js';
import { table } from '../output.js';
import type { Runtime } from '../runtime.js';

export function registerConfigCommands(program: Command, rt: Runtime): void {
  const config = program.command('config').description('inspect and check the network configuration');
  withExamples(config, ['pil config show', 'pil config check --network mainnet']);

  withExamples(
    config
      .command('show')
      .description('print the resolved configuration of --network (no network access)')
      .action((_opts, cmd: Command) => {
        const ctx = rt.base(cmd);
        const loaded = ctx.config();
        const network = resolveNetwork(loaded, ctx.options.network);
        ctx.output.result({ configFile: loaded.file ?? null, networks: Object.keys(loaded.networks), network }, () =>
          [
            `config file: ${loaded.file ?? '(none)'}`,
            `networks:    ${Object.keys(loaded.networks).join(', ')}`,
            `network:     ${network.name}${network.description ? ` (${network.description})` : ''}`,
            '',
            table(
              ['chain', 'chain id', 'RPC URL', 'contracts'],
              network.chains.map((c) => [
                c.name,
                String(c.chainId),
                c.rpcUrl,
                Object.entries(c.contracts)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(' '),
              ]),
            ),
          ].join('\n'),
        );
      }),
    [
      'pil config show',
      'pil config show --network mainnet --json',
      'pil config show --config ./pil.config.json -n sepolia',
    ],
  );

  withExamples(
    config
      .command('check')
      .description('resolve --network, connect to every chain, check chain ids and that contracts have code')
      .action(async (_opts, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const rows = await Promise.all(
          ctx.chains.map(async (c) => {
            const contracts = await Promise.all(
              Object.entries(c.config.contracts).map(async ([id, address]) => {
                const code = await c.client.getCode({ address });
                return { id, address, hasCode: code !== undefined && code !== '0x' };
              }),
            );
            return {
              chain: c.config.name,
              chainId: c.config.chainId,
              block: await c.client.getBlockNumber(),
              contracts,
            };
          }),
        );
        const missing = rows.flatMap((r) => r.contracts.filter((c) => !c.hasCode).map((c) => `${r.chain}.${c.id}`));
        ctx.output.result({ network: ctx.network.name, ok: missing.length === 0, chains: rows }, () =>
          table(
            ['chain', 'chain id', 'block', 'contracts without code'],
            rows.map((r) => [
              r.chain,
              String(r.chainId),
              String(r.block),
              r.contracts
                .filter((c) => !c.hasCode)
                .map((c) => c.id)
                .join(', ') || '-',
            ]),
          ),
        );
        if (missing.length) {
          throw new ConfigError(`No contract code at ${missing.length} configured address(es)`, {
            details: missing.join('\n'),
          });
        }
      }),
    ['pil config check', 'pil config check --network mainnet'],
  );

  withExamples(
    config
      .command('env')
      .description('list the environment variables of the runbook and whether each is set (values never shown)')
      .action((_opts, cmd: Command) => {
        const ctx = rt.base(cmd);
        const vars = Object.entries(runbookEnvVars).map(([name, purpose]) => ({
          name,
          purpose,
          set: Boolean(ctx.env[name]),
        }));
        ctx.output.result(vars, () =>
          table(
            ['variable', 'set', 'purpose'],
            vars.map((v) => [v.name, v.set ? 'yes' : 'no', v.purpose]),
          ),
        );
      }),
    ['pil config env', 'pil config env --json'],
  );
}
