/**
 * The PIL relayer service: `pil relayer start`, `npm start` (three on the devnet) or
 * `node services/relayer/bin/pil-relayer.mjs --config relayer.json`.
 *
 * Environment variables (every one the service reads):
 *   PRIVATE_KEY                  the relayer's key (hex); never logged. Or:
 *   RELAYER_KEYSTORE             path of an encrypted JSON keystore (Web3 Secret Storage v3)
 *   RELAYER_KEYSTORE_PASSWORD    its password
 *   RELAYER_CONFIG               config file (JSON, see config/schema.ts) when --config is not given
 *   RELAYER_DATA_DIR             overrides `dataDir` (the SQLite database lives there)
 *   RELAYER_NAME                 overrides `name` (a label in logs and metrics)
 *   RELAYER_HOST, RELAYER_PORT   override `server.host` / `server.port` (0 = a free port)
 *   RELAYER_READY_FILE           overrides `readyFile`: `{pid, url, address}` written once listening
 *   RELAYER_LOG_LEVEL            overrides `logLevel`
 *   RELAYER_RPC_URLS_<chainId>   comma-separated RPC URLs of that chain (override the file's `rpcUrls`)
 */
import { renameSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import pino from 'pino';
import { loadConfig } from './config/load.js';
import type { RelayerConfig } from './config/schema.js';
import { openDb } from './core/db.js';
import { createEventBus, type RelayerEvent } from './core/events.js';
import { loadAccount } from './core/keys.js';
import { Relayer } from './core/relayer.js';
import { createMetrics } from './metrics/metrics.js';
import { startServer } from './server.js';

export type RunningRelayer = {
  relayer: Relayer;
  url: string;
  address: string;
  stop(): Promise<void>;
};

const LEVELS: Record<RelayerEvent['type'], 'debug' | 'info' | 'warn' | 'error'> = {
  seen: 'debug',
  'checkpoint.signed': 'info',
  'checkpoint.accepted': 'info',
  relayed: 'info',
  skipped: 'debug',
  failed: 'warn',
  retry: 'warn',
  backlog: 'debug',
  reorg: 'warn',
  vanished: 'warn',
  'tx.sent': 'debug',
  'tx.replaced': 'info',
  'tx.mined': 'debug',
  paused: 'warn',
  alert: 'error',
  slashed: 'error',
};

export async function startRelayerService(
  config: RelayerConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningRelayer> {
  const account = loadAccount({ keystorePath: config.keystore?.path, env });
  const logger = pino({ level: config.logLevel, base: { relayer: config.name } }, pino.destination(2));
  const bus = createEventBus();
  bus.on((e) => {
    if (e.type === 'backlog') return;
    logger[LEVELS[e.type]]({ event: e }, e.type);
  });
  const db = openDb(config.dataDir);
  const metrics = createMetrics(bus, { relayer: config.name });
  const relayer = new Relayer(config, account, db, bus);
  const { server, url } = await startServer(relayer, metrics, config.server);
  relayer.start();
  logger.info({ url, address: account.address, chains: config.chains.map((c) => c.chainId) }, 'relayer started');
  if (config.readyFile) {
    const tmp = `${config.readyFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ pid: process.pid, url, address: account.address }));
    renameSync(tmp, config.readyFile);
  }
  return {
    relayer,
    url,
    address: account.address,
    async stop() {
      await relayer.stop();
      await new Promise<void>((r) => (server as Server).close(() => r()));
      db.close();
      logger.flush();
    },
  };
}

/** Process entry: config from `--config <file>` or RELAYER_CONFIG; stops on SIGINT/SIGTERM. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const i = argv.indexOf('--config');
  const file = i >= 0 ? argv[i + 1] : process.env.RELAYER_CONFIG;
  const config = loadConfig(file);
  const running = await startRelayerService(config);
  const stop = () => {
    running.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Stop with the parent (npm start, tests) when it passes us a pipe on stdin and dies.
  if (process.env.RELAYER_EXIT_WITH_STDIN === '1') process.stdin.on('end', stop).resume();
}
