/**
 * The monitor as a service: every `intervalMs` the runbook's metrics are evaluated on every
 * chain (metrics/evaluate.ts) and the alerts handed to the router (alerting/router.ts),
 * which pages PagerDuty for critical ones, posts every one to Slack and queues them for the
 * email digest, mailed every `digestIntervalMs`. Serves /health, /status (readings and
 * open alerts), /alerts and Prometheus /metrics on one loopback port.
 *
 * Environment: MONITOR_CONFIG (the config file, or --config), PAGERDUTY_API_KEY,
 * SLACK_WEBHOOK_URL, SMTP_PASSWORD (only for the channels configured), MONITOR_EXIT_WITH_STDIN=1
 * (stop when the parent's stdin pipe closes: npm start).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import pino from 'pino';
import { Counter, Gauge, Registry } from 'prom-client';
import { defineChain } from 'viem';
import { AlertRouter, createEmailDigest, createPagerDutyChannel, createSlackChannel } from './alerting/index.js';
import type { Channel } from './alerting/types.js';
import { loadConfig, type MonitorSecrets, secretsFor } from './config/load.js';
import type { MonitorConfig } from './config/schema.js';
import { type Evaluation, evaluate, type MonitorChain } from './metrics/evaluate.js';
import { LEVEL_METRIC, READING_METRIC } from './metrics/export.js';
import { createPilBaseClient, type Prover } from './metrics/sdk.js';

export type RunningMonitor = {
  url: string;
  /** One evaluation and routing round now (the timer keeps running). */
  tick(): Promise<void>;
  last(): Evaluation | undefined;
  stop(): Promise<void>;
};

const LEVEL = { ok: 0, warning: 1, critical: 2 } as const;

function channelsOf(config: MonitorConfig, secrets: MonitorSecrets) {
  const a = config.alerting;
  const pagerduty = secrets.pagerdutyRoutingKey
    ? createPagerDutyChannel({
        routingKey: secrets.pagerdutyRoutingKey,
        source: a.source,
        ...(a.pagerduty?.url ? { url: a.pagerduty.url } : {}),
      })
    : undefined;
  const slack = secrets.slackWebhookUrl ? createSlackChannel({ webhookUrl: secrets.slackWebhookUrl }) : undefined;
  const digest = a.email
    ? createEmailDigest({
        smtp: {
          host: a.email.host,
          port: a.email.port,
          secure: a.email.secure,
          ...(a.email.user ? { auth: { user: a.email.user, pass: secrets.smtpPassword ?? '' } } : {}),
        },
        from: a.email.from,
        to: a.email.to,
        queuePath: path.join(config.stateDir, 'digest.json'),
      })
    : undefined;
  const all = (...cs: (Channel | undefined)[]) => cs.filter((c): c is Channel => c !== undefined);
  return { routes: { critical: all(pagerduty, slack, digest), warning: all(slack, digest) }, digest };
}

export async function startMonitor(
  config: MonitorConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningMonitor> {
  const secrets = secretsFor(config, env);
  const logger = pino({ level: config.logLevel, base: { service: config.name } }, pino.destination(2));
  const chains: MonitorChain[] = config.chains.map((c) => ({
    name: c.name ?? `chain-${c.chainId}`,
    client: createPilBaseClient({
      chain: defineChain({
        id: c.chainId,
        name: c.name ?? `chain-${c.chainId}`,
        nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
        rpcUrls: { default: { http: [c.rpcUrl] } },
      }),
      rpcUrl: c.rpcUrl,
      addresses: c.addresses,
      fromBlock: c.fromBlock,
    }),
  }));
  const { routes, digest } = channelsOf(config, secrets);
  const router = new AlertRouter({
    routes,
    cooldownMs: config.alerting.cooldownMs,
    statePath: path.join(config.stateDir, 'alerts.json'),
  });

  const registry = new Registry();
  const value = new Gauge({
    name: READING_METRIC,
    help: 'Latest value of each runbook metric',
    labelNames: ['metric', 'chain', 'scope'],
    registers: [registry],
  });
  const level = new Gauge({
    name: LEVEL_METRIC,
    help: 'Level of each reading: 0 ok, 1 warning, 2 critical',
    labelNames: ['metric', 'chain', 'scope'],
    registers: [registry],
  });
  const notifications = new Counter({
    name: 'pil_monitor_notifications_total',
    help: 'Alert notifications by action and severity',
    labelNames: ['action', 'severity'],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'pil_monitor_delivery_failures_total',
    help: 'Failed deliveries by channel (retried next round)',
    labelNames: ['channel'],
    registers: [registry],
  });
  const rounds = new Counter({
    name: 'pil_monitor_evaluations_total',
    help: 'Evaluation rounds by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });

  const provers = new Map<number, Prover>();
  let last: Evaluation | undefined;
  let lastError: string | undefined;
  let lastFlush = Date.now();
  let running: Promise<void> = Promise.resolve();

  const round = async () => {
    try {
      const e = await evaluate(chains, { windowBlocks: config.windowBlocks, thresholds: config.thresholds, provers });
      last = e;
      lastError = undefined;
      value.reset();
      level.reset();
      for (const r of e.readings) {
        const labels = { metric: r.metric, chain: String(r.chainId), scope: r.scope ?? '' };
        if (r.value !== undefined) value.set(labels, r.value);
        if (r.level !== 'no data') level.set(labels, LEVEL[r.level]);
      }
      const routed = await router.evaluate(e.alerts, e.at);
      for (const n of routed.notifications) {
        notifications.inc({ action: n.action, severity: n.alert.severity });
        logger[n.alert.severity === 'critical' ? 'error' : 'warn'](
          { key: n.alert.key, action: n.action },
          n.alert.summary,
        );
      }
      for (const f of routed.failed) {
        failures.inc({ channel: f.channel });
        logger.error({ channel: f.channel, key: f.notification.alert.key, attempts: f.attempts }, f.error.message);
      }
      if (digest && e.at - lastFlush >= (config.alerting.email?.digestIntervalMs ?? Number.POSITIVE_INFINITY)) {
        await digest.flush(e.at);
        lastFlush = e.at;
      }
      rounds.inc({ outcome: 'ok' });
    } catch (err) {
      lastError = (err as Error).message.split('\n')[0];
      rounds.inc({ outcome: 'error' });
      logger.error({ error: lastError }, 'evaluation failed; next round retries');
    }
  };
  const tick = () => {
    running = running.then(round);
    return running;
  };

  const server: Server = createServer(async (req, res) => {
    const send = (status: number, body: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(
        type === 'application/json'
          ? JSON.stringify(body, (_, v) => (typeof v === 'bigint' ? v.toString() : v))
          : String(body),
      );
    };
    const route = (req.url ?? '/').split('?')[0];
    if (route === '/health') return send(200, { ok: true, service: config.name, lastError: lastError ?? null });
    if (route === '/alerts') return send(200, { open: router.openAlerts(), owed: router.pendingDeliveries().length });
    if (route === '/status') {
      return send(200, {
        at: last?.at ?? null,
        readings: last?.readings ?? [],
        open: router.openAlerts(),
        owed: router.pendingDeliveries().length,
        digestQueued: digest?.queued ?? 0,
        lastError: lastError ?? null,
      });
    }
    if (route === '/metrics') return send(200, await registry.metrics(), registry.contentType);
    send(404, { error: 'not found', paths: ['/health', '/status', '/alerts', '/metrics'] });
  });
  await new Promise<void>((resolve) => server.listen(config.server.port, config.server.host, resolve));
  const addr = server.address() as { port: number };
  const url = `http://${config.server.host}:${addr.port}`;
  if (config.readyFile) {
    mkdirSync(path.dirname(config.readyFile), { recursive: true });
    const tmp = `${config.readyFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ pid: process.pid, url }));
    renameSync(tmp, config.readyFile);
  }
  logger.info(
    { url, chains: config.chains.map((c) => c.chainId), channels: routes.critical.map((c) => c.name) },
    'monitor started',
  );
  void tick();
  const timer = setInterval(() => void tick(), config.intervalMs);
  return {
    url,
    tick,
    last: () => last,
    async stop() {
      clearInterval(timer);
      if (config.readyFile) rmSync(config.readyFile, { force: true });
      await running;
      await new Promise<void>((r) => server.close(() => r()));
      for (const p of provers.values()) await p.terminate();
      logger.flush();
    },
  };
}

/** Process entry: config from `--config <file>` or MONITOR_CONFIG; stops on SIGINT/SIGTERM. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const i = argv.indexOf('--config');
  const monitor = await startMonitor(loadConfig(i >= 0 ? argv[i + 1] : process.env.MONITOR_CONFIG));
  const stop = () => {
    monitor.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (process.env.MONITOR_EXIT_WITH_STDIN === '1') process.stdin.on('end', stop).resume();
}
