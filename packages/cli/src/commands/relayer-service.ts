// `pil relayer start|stake|unstake|status`: run the relayer service (services/relayer)
// and manage this relayer's own stake. Added to the `relayer` group that also holds
// the governance commands (remove|pending|add, commands/relayer.ts).
import path from 'node:path';
import type { Command } from 'commander';
import { createWalletClient, formatEther, type Hex, http, parseEther } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { loadConfig, parseConfig } from '../../../../services/relayer/src/config/load.js';
import { loadAccount } from '../../../../services/relayer/src/core/keys.js';
import { startRelayerService } from '../../../../services/relayer/src/service.js';
import { getRelayer } from '../../../sdk/src/actions/relayerRegistry/getRelayer.js';
import { requestUnstake } from '../../../sdk/src/actions/relayerRegistry/requestUnstake.js';
import { stake } from '../../../sdk/src/actions/relayerRegistry/stake.js';
import { createPilBaseClient } from '../../../sdk/src/clients/createPilClient.js';
import { DEVNET } from '../config/schema.js';
import type { NetworkContext } from '../context.js';
import { devnetRelayerKeys } from '../devnet/accounts.js';
import { InputError } from '../errors.js';
import { withExamples } from '../options.js';
import type { Runtime } from '../runtime.js';

function relayerKey(ctx: NetworkContext, opts: { devnetRelayer?: string }): Hex {
  if (opts.devnetRelayer !== undefined) {
    if (ctx.network.name !== DEVNET) throw new InputError('--devnet-relayer works only with --network devnet');
    const key = devnetRelayerKeys[Number(opts.devnetRelayer)];
    if (!key) throw new InputError(`No devnet relayer ${opts.devnetRelayer} (0-${devnetRelayerKeys.length - 1})`);
    return key;
  }
  const key = ctx.env.PRIVATE_KEY;
  if (!key) throw new InputError('Set PRIVATE_KEY (the relayer key) or pass --devnet-relayer <i> on the devnet');
  return key as Hex;
}

/** The relayer config of a network known to the CLI (every chain of it, addresses from its deployments). */
export function relayerConfigForNetwork(ctx: NetworkContext, options: { name: string; dataDir: string }) {
  return parseConfig({
    name: options.name,
    dataDir: options.dataDir,
    chains: ctx.chains.map((c) => ({
      chainId: c.config.chainId,
      rpcUrls: [c.config.rpcUrl],
      confirmations: ctx.network.name === DEVNET ? 0 : 12,
      hub: c.address('proofHub'),
      relayerRegistry: c.address('relayerRegistry'),
      cdna: c.address('cdna'),
      pc3: c.address('pc3'),
      orchestrator: c.address('orchestrator'),
      pollIntervalMs: ctx.network.name === DEVNET ? 100 : 2_000,
    })),
  });
}

function client(ctx: NetworkContext, chainId: number, key?: Hex) {
  const c = ctx.chains.find((x) => x.config.chainId === chainId) ?? ctx.chains[0]!;
  const walletClient = key
    ? createWalletClient({ account: privateKeyToAccount(key), chain: c.chain, transport: http(c.config.rpcUrl) })
    : undefined;
  return createPilBaseClient({
    publicClient: c.client as never,
    walletClient: walletClient as never,
    addresses: { relayerRegistry: c.address('relayerRegistry') },
  });
}

export function registerRelayerServiceCommands(program: Command, rt: Runtime): void {
  const relayer =
    program.commands.find((c) => c.name() === 'relayer') ?? program.command('relayer').description('relayers');

  withExamples(
    relayer
      .command('start')
      .description('run a relayer: watch source hubs, sign checkpoints, deliver messages (until Ctrl-C)')
      .option('--relayer-config <file>', 'relayer config file (JSON); default: built from --network')
      .option('--devnet-relayer <i>', 'on the devnet: use devnet relayer key i (0-2)')
      .option(
        '--keystore <file>',
        'encrypted JSON keystore (v3) of the relayer key, password from RELAYER_KEYSTORE_PASSWORD (or RELAYER_KEYSTORE)',
      )
      .option('--data-dir <dir>', 'database directory (default: <state dir>/relayers/<address>)')
      .option('--port <port>', 'HTTP port of /health /ready /status /metrics (0 = free)', '0')
      .action(
        async (
          opts: { relayerConfig?: string; devnetRelayer?: string; keystore?: string; dataDir?: string; port: string },
          cmd: Command,
        ) => {
          const ctx = await rt.network(cmd);
          // The key: a keystore (option, config file or RELAYER_KEYSTORE), else PRIVATE_KEY / --devnet-relayer.
          const fileConfig = opts.relayerConfig ? loadConfig(opts.relayerConfig, ctx.env) : undefined;
          const keystorePath = opts.keystore ?? fileConfig?.keystore?.path ?? ctx.env.RELAYER_KEYSTORE;
          let env: NodeJS.ProcessEnv = ctx.env;
          let address: string;
          if (keystorePath) {
            try {
              address = loadAccount({ keystorePath, env: ctx.env }).address;
            } catch (err) {
              throw new InputError((err as Error).message);
            }
          } else {
            const key = relayerKey(ctx, opts);
            env = { ...ctx.env, PRIVATE_KEY: key };
            address = privateKeyToAccount(key).address;
          }
          const base =
            fileConfig ??
            relayerConfigForNetwork(ctx, {
              name: `relayer-${address.slice(2, 8).toLowerCase()}`,
              dataDir: opts.dataDir ?? path.join(ctx.stateDir, 'relayers', address.toLowerCase()),
            });
          const config = {
            ...base,
            ...(keystorePath ? { keystore: { path: keystorePath } } : {}),
            server: { ...base.server, port: Number(opts.port) },
          };
          const running = await startRelayerService(config, env);
          ctx.output.result({ address, url: running.url }, () => `relayer ${address} serving ${running.url}/status`);
          await new Promise<void>((resolve) => {
            process.once('SIGINT', resolve);
            process.once('SIGTERM', resolve);
          });
          await running.stop();
        },
      ),
    [
      'pil relayer start --network devnet --devnet-relayer 0',
      'PRIVATE_KEY=0x… pil relayer start --relayer-config relayer.json',
      'RELAYER_KEYSTORE_PASSWORD=… pil relayer start --keystore relayer-key.json --network devnet',
    ],
  );

  withExamples(
    relayer
      .command('stake <eth>')
      .description("bond stake for this relayer on every chain of --network (the relayer's own key)")
      .option('--devnet-relayer <i>', 'on the devnet: use devnet relayer key i (0-2)')
      .action(async (eth: string, opts: { devnetRelayer?: string }, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const key = relayerKey(ctx, opts);
        const out: { chainId: number; tx: string }[] = [];
        for (const c of ctx.chains) {
          const r = await stake(client(ctx, c.config.chainId, key), { value: parseEther(eth) });
          out.push({ chainId: c.config.chainId, tx: r.hash });
        }
        ctx.output.result({ staked: eth, chains: out }, () => out.map((o) => `chain ${o.chainId}: ${o.tx}`).join('\n'));
      }),
    ['pil relayer stake 1 --network devnet --devnet-relayer 0'],
  );

  withExamples(
    relayer
      .command('unstake <eth>')
      .description('request unbonding of stake on every chain (withdraw after the unbonding period)')
      .option('--devnet-relayer <i>', 'on the devnet: use devnet relayer key i (0-2)')
      .action(async (eth: string, opts: { devnetRelayer?: string }, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const key = relayerKey(ctx, opts);
        const out: { chainId: number; tx: string }[] = [];
        for (const c of ctx.chains) {
          const r = await requestUnstake(client(ctx, c.config.chainId, key), { amount: parseEther(eth) });
          out.push({ chainId: c.config.chainId, tx: r.hash });
        }
        ctx.output.result({ unstaking: eth, chains: out }, () =>
          out.map((o) => `chain ${o.chainId}: ${o.tx}`).join('\n'),
        );
      }),
    ['pil relayer unstake 1 --network devnet --devnet-relayer 0'],
  );

  withExamples(
    relayer
      .command('status [address]')
      .description("a relayer's stake on every chain, and its service's /status when --url is given")
      .option('--devnet-relayer <i>', 'on the devnet: devnet relayer i')
      .option('--url <url>', 'the relayer service (e.g. http://127.0.0.1:PORT)')
      .action(async (address: string | undefined, opts: { devnetRelayer?: string; url?: string }, cmd: Command) => {
        const ctx = await rt.network(cmd);
        const who = (address ?? privateKeyToAccount(relayerKey(ctx, opts)).address) as Hex;
        const chains = await Promise.all(
          ctx.chains.map(async (c) => {
            const r = await getRelayer(client(ctx, c.config.chainId), { relayer: who });
            return {
              chainId: c.config.chainId,
              admitted: r.admitted,
              bonded: formatEther(r.bonded),
              unbonding: formatEther(r.unbonding),
            };
          }),
        );
        const service = opts.url ? await (await fetch(`${opts.url.replace(/\/$/, '')}/status`)).json() : undefined;
        ctx.output.result({ relayer: who, chains, ...(service ? { service } : {}) }, () =>
          [
            `relayer ${who}`,
            ...chains.map(
              (c) => `chain ${c.chainId}: admitted ${c.admitted}, bonded ${c.bonded} ETH, unbonding ${c.unbonding} ETH`,
            ),
            ...(service ? [JSON.stringify(service, null, 2)] : []),
          ].join('\n'),
        );
      }),
    ['pil relayer status --network devnet --devnet-relayer 0 --url http://127.0.0.1:PORT'],
  );
}
