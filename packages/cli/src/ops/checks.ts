// The runbook's daily checks in one run: per chain the contract states, relayer set,
// governance and roles (`pil health`, which also gives block height and pause state) and
// the gas reserves (`pil balances`), plus the relayer services' own /health and /ready
// (the runbook's `curl …/relayers/health`) and the monitor's open alerts (the alerts of
// the last 24 h that are not resolved). Findings are graded like the alerts: a paused
// chain, a critical role finding, a relayer set or ready services below the quorum, or a
// balance under 0.1 ETH is critical; one relayer service down or a balance under 1 ETH is
// a warning.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { NetworkContext } from '../context.js';
import { deploymentOf } from '../deployments/store.js';
import { perChain, selectChains } from '../governance/cli.js';
import { balancesReport, chainHealth, healthCriticals } from '../governance/inspect.js';

export type CheckFinding = {
  severity: 'critical' | 'warning';
  check: 'contracts' | 'balances' | 'relayer services' | 'alerts';
  message: string;
};

export type RelayerProbe = {
  url: string;
  reachable: boolean;
  ready: boolean;
  relayer?: string | undefined;
  /** Why it is not ready (from its /ready), or why it could not be asked. */
  reasons: string[];
};

export type MonitorProbe = {
  url: string;
  reachable: boolean;
  open: { key: string; severity: 'critical' | 'warning'; summary: string; since: number }[];
};

/** The devnet monitor started by `npm start` writes `<stateDir>/devnet-monitor/ready.json`. */
export function devnetMonitorUrl(stateDir: string): string | undefined {
  const file = path.join(stateDir, 'devnet-monitor', 'ready.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { url: string }).url : undefined;
}

export async function probeMonitor(url: string, timeoutMs = 3_000): Promise<MonitorProbe> {
  try {
    const res = await fetch(`${url}/alerts`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json()) as {
      open?: { alert: { key: string; severity: 'critical' | 'warning'; summary: string }; openedAt: number }[];
    };
    if (res.status !== 200 || !Array.isArray(body.open)) return { url, reachable: false, open: [] };
    return {
      url,
      reachable: true,
      open: body.open.map((o) => ({
        key: o.alert.key,
        severity: o.alert.severity,
        summary: o.alert.summary,
        since: o.openedAt,
      })),
    };
  } catch {
    return { url, reachable: false, open: [] };
  }
}

/** The devnet relayers started by `npm start` write `<stateDir>/devnet-relayers/<i>/ready.json`. */
export function devnetRelayerUrls(stateDir: string): string[] {
  const base = path.join(stateDir, 'devnet-relayers');
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .map((d) => path.join(base, d, 'ready.json'))
    .filter((f) => existsSync(f))
    .map((f) => (JSON.parse(readFileSync(f, 'utf8')) as { url: string }).url);
}

export async function probeRelayer(url: string, timeoutMs = 3_000): Promise<RelayerProbe> {
  const get = async (p: string) => {
    const res = await fetch(`${url}${p}`, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  try {
    const [health, ready] = await Promise.all([get('/health'), get('/ready')]);
    return {
      url,
      reachable: health.status === 200,
      ready: ready.status === 200 && ready.body.ready === true,
      relayer: typeof health.body.relayer === 'string' ? health.body.relayer : undefined,
      reasons: Array.isArray(ready.body.reasons) ? ready.body.reasons.map(String) : [],
    };
  } catch (err) {
    const why = err instanceof Error && err.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : 'unreachable';
    return { url, reachable: false, ready: false, reasons: [why] };
  }
}

export async function dailyChecks(
  ctx: NetworkContext,
  options: { chain?: string; relayerUrls?: string[]; monitorUrl?: string } = {},
) {
  const chains = selectChains(ctx, options.chain);
  const urls = options.relayerUrls?.length
    ? options.relayerUrls
    : ctx.network.name === 'devnet'
      ? devnetRelayerUrls(ctx.stateDir)
      : [];
  const monitorUrl = options.monitorUrl ?? (ctx.network.name === 'devnet' ? devnetMonitorUrl(ctx.stateDir) : undefined);
  const [health, balances, services, monitor] = await Promise.all([
    perChain(chains, (c) => chainHealth(ctx, c, deploymentOf(ctx, c.config.chainId))),
    perChain(chains, (c) => balancesReport(ctx, c)),
    Promise.all(urls.map((u) => probeRelayer(u))),
    monitorUrl ? probeMonitor(monitorUrl) : undefined,
  ]);

  const findings: CheckFinding[] = [];
  const add = (severity: CheckFinding['severity'], check: CheckFinding['check'], message: string) =>
    findings.push({ severity, check, message });
  for (const h of health) {
    if (h.paused)
      add('critical', 'contracts', `${h.chain}: paused (${h.contracts.filter((c) => c.paused).length} contracts)`);
    for (const m of healthCriticals(h)) add('critical', 'contracts', m);
    for (const f of h.findings.filter((x) => x.severity === 'warning'))
      add('warning', 'contracts', `${h.chain}: ${f.message}`);
  }
  for (const r of balances) {
    for (const e of r.entries) {
      if (e.level === 'critical' || e.level === 'warning')
        add(e.level, 'balances', `${r.chain}: ${e.name} ${e.address} has ${e.eth} ETH`);
    }
  }
  for (const s of services.filter((x) => !x.ready)) {
    add(
      'warning',
      'relayer services',
      `${s.relayer ?? s.url}: ${s.reachable ? 'not ready' : 'down'} (${s.reasons.join('; ')})`,
    );
  }
  const quorum = Math.max(0, ...health.map((h) => Number(h.relayers?.quorum ?? 0)));
  const ready = services.filter((s) => s.ready).length;
  if (services.length > 0 && ready < quorum) {
    add('critical', 'relayer services', `${ready} of ${services.length} relayer services ready, quorum is ${quorum}`);
  }
  if (monitor && !monitor.reachable) add('warning', 'alerts', `the monitor at ${monitor.url} does not answer`);
  for (const a of monitor?.open ?? [])
    add(a.severity, 'alerts', `open since ${new Date(a.since).toISOString()}: ${a.summary}`);
  return {
    network: ctx.network.name,
    ok: !findings.some((f) => f.severity === 'critical'),
    findings,
    health,
    balances,
    relayerServices: services,
    monitor,
  };
}
