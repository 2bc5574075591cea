// The monitor service end to end on a real devnet, with real receivers: a local HTTP server
// as PagerDuty's Events API and as a Slack webhook, and a real SMTP server for the digest.
// A relayer account drained below 0.1 ETH pages (critical: PagerDuty + Slack + digest), is
// not paged again within the cooldown, survives a restart without a second page, and is
// resolved on both channels once refilled; /status and /metrics show the readings and
// nothing shows the routing key or the webhook URL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestClient, http, parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eDevnet, startE2eDevnet } from '../../../e2e/helpers/devnet.js';
import { type HttpReceiver, type SmtpReceiver, startHttpReceiver, startSmtpReceiver } from './alerting/test-servers.js';
import { parseConfig } from './config/load.js';
import { type RunningMonitor, startMonitor } from './service.js';

const ROUTING_KEY = 'R0UT1NGK3Y0000000000000000000000';

describe('monitor service', () => {
  let devnet: E2eDevnet;
  let pagerduty: HttpReceiver;
  let slack: HttpReceiver;
  let smtp: SmtpReceiver;
  let monitor: RunningMonitor | undefined;
  const stateDir = mkdtempSync(path.join(tmpdir(), 'pil-monitor-'));

  beforeAll(async () => {
    [devnet, pagerduty, slack, smtp] = await Promise.all([
      startE2eDevnet(),
      startHttpReceiver({ status: 202, body: '{"status":"success"}' }),
      startHttpReceiver({ status: 200, body: 'ok' }),
      startSmtpReceiver({}),
    ]);
  }, 180_000);
  afterAll(async () => {
    await monitor?.stop();
    await Promise.all([pagerduty?.close(), slack?.close(), smtp?.close()]);
    await devnet?.stop();
  });

  const config = () =>
    parseConfig({
      chains: devnet.chains.map((c) => ({
        chainId: c.pil.chainId,
        name: `devnet-${c.pil.chainId}`,
        rpcUrl: c.rpcUrl,
        addresses: c.deployment.addresses,
      })),
      stateDir,
      intervalMs: 3_600_000, // rounds are driven by tick() here
      windowBlocks: 20,
      logLevel: 'silent',
      alerting: {
        cooldownMs: 3_600_000,
        pagerduty: { url: `${pagerduty.url}/v2/enqueue` },
        slack: {},
        email: {
          host: '127.0.0.1',
          port: smtp.port,
          from: 'monitor@pil.test',
          to: ['ops@pil.test'],
          digestIntervalMs: 1,
        },
      },
    });
  const env = () => ({ PAGERDUTY_API_KEY: ROUTING_KEY, SLACK_WEBHOOK_URL: `${slack.url}/services/T000/B000/XXXX` });
  type PdEvent = { routing_key: string; event_action: string; dedup_key: string; payload?: { severity: string } };

  it('refuses to start without the secrets of the configured channels', async () => {
    await expect(startMonitor(config(), {})).rejects.toThrow(/Set PAGERDUTY_API_KEY/);
  });

  it('pages a drained relayer once, keeps it across a restart, resolves it when refilled', async () => {
    const A = devnet.chains[0];
    const poor = devnet.relayers[1]!.address;
    const key = `balance:${A.pil.chainId}:${poor.toLowerCase()}`;
    const test = createTestClient({ mode: 'anvil', transport: http(A.rpcUrl) });
    monitor = await startMonitor(config(), env());
    await monitor.tick();
    expect(pagerduty.bodies()).toEqual([]); // a healthy devnet pages nobody

    await test.setBalance({ address: poor, value: parseEther('0.05') });
    await monitor.tick();
    const pages = pagerduty.bodies() as PdEvent[];
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: key,
      payload: { severity: 'critical' },
    });
    expect(slack.bodies()).toHaveLength(1);
    expect(JSON.stringify(slack.bodies()[0])).toContain('[CRITICAL] Contract / relayer balance 0.0500 ETH');
    expect(smtp.messages).toHaveLength(1); // the digest interval is 1 ms here
    expect(smtp.messages[0]!.text).toContain(poor);

    // Within the cooldown: nothing new.
    await monitor.tick();
    expect(pagerduty.bodies()).toHaveLength(1);

    const status = (await (await fetch(`${monitor.url}/status`)).json()) as { open: { alert: { key: string } }[] };
    expect(status.open.map((o) => o.alert.key)).toEqual([key]);
    const metrics = await (await fetch(`${monitor.url}/metrics`)).text();
    expect(metrics).toContain(`pil_monitor_level{metric="balance",chain="${A.pil.chainId}",scope="${poor}"} 2`);
    expect(metrics).toMatch(/pil_monitor_notifications_total\{action="trigger",severity="critical"\} 1/);
    // The generated Prometheus rules select this very series (metrics/export.ts).
    expect(metrics).toContain(`pil_monitor_reading{metric="balance",chain="${A.pil.chainId}",scope="${poor}"} 0.05`);
    const everything = [JSON.stringify(status), metrics, await (await fetch(`${monitor.url}/alerts`)).text()].join(
      '\n',
    );
    expect(everything).not.toContain(ROUTING_KEY);
    expect(everything).not.toContain('/services/T000');

    // A restart: the open alert is read back, not paged again.
    await monitor.stop();
    monitor = await startMonitor(config(), env());
    await monitor.tick();
    expect(pagerduty.bodies()).toHaveLength(1);

    await test.setBalance({ address: poor, value: parseEther('100') });
    await monitor.tick();
    const all = pagerduty.bodies() as PdEvent[];
    expect(all).toHaveLength(2);
    expect(all[1]).toEqual({ routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: key });
    expect(JSON.stringify(slack.bodies().at(-1))).toContain('[RESOLVED]');
    const open = (await (await fetch(`${monitor.url}/alerts`)).json()) as { open: unknown[] };
    expect(open.open).toEqual([]);
  }, 120_000);
});
