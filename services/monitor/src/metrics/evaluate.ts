/**
 * One evaluation of the runbook's metrics on every chain: a reading per metric and scope
 * (a chain, or an account for balances), graded against the thresholds, and the alerts
 * for the readings that are not ok. A metric without data in the window (no transaction,
 * no import) is reported as such and raises nothing. Beside the table, three conditions of
 * the runbook's severity examples raise alerts of their own: PIL paused on a chain (P0,
 * critical), a relayer slashed (critical), proofs refused for a retired key (EP-003: the
 * old key is still in use somewhere; warning).
 */
import { decodeFunctionData, formatEther, type Hash, type Hex } from 'viem';
import type { Alert } from '../alerting/types.js';
import {
  definitionsWith,
  type Level,
  levelOf,
  type MetricDefinition,
  type MetricId,
  type Thresholds,
} from './definitions.js';
import {
  computePayloadHash,
  createNodeProverForChain,
  fromContractProof,
  getRelayerSet,
  isPaused,
  type PilClient,
  type Prover,
  proofCarryingContainerAbi,
} from './sdk.js';
import { type ChainWindow, exportTimes, readWindow } from './window.js';

export type MonitorChain = { name: string; client: PilClient };

export type Reading = {
  metric: MetricId;
  chainId: number;
  chain: string;
  /** An account, for per-account metrics (balances). */
  scope?: string | undefined;
  value: number | undefined;
  level: Level | 'no data';
  /** What the value is made of, or why there is none. */
  note: string;
};

export type Evaluation = { at: number; readings: Reading[]; alerts: Alert[]; windows: ChainWindow[] };

export type EvaluateOptions = {
  windowBlocks?: number;
  thresholds?: Thresholds;
  /** Provers per chain, kept between evaluations (compiled keys). */
  provers?: Map<number, Prover>;
};

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

export async function evaluate(chains: readonly MonitorChain[], options: EvaluateOptions = {}): Promise<Evaluation> {
  const defs = new Map(definitionsWith(options.thresholds).map((d) => [d.id, d]));
  const def = (id: MetricId) => defs.get(id)!;
  const windows = await Promise.all(chains.map((c) => readWindow(c.client, options.windowBlocks ?? 200)));
  const byId = new Map(chains.map((c) => [c.client.chainId, c]));
  const readings: Reading[] = [];
  const read = (d: MetricDefinition, c: MonitorChain, value: number | undefined, note: string, scope?: string) =>
    readings.push({
      metric: d.id,
      chainId: c.client.chainId,
      chain: c.name,
      ...(scope ? { scope } : {}),
      value,
      level: value === undefined ? 'no data' : levelOf(d, value),
      note,
    });

  for (const [i, c] of chains.entries()) {
    const w = windows[i]!;
    const span = `blocks ${w.fromBlock}-${w.toBlock}`;
    const minutes = Math.max(1, w.toTime - w.fromTime) / 60;
    read(
      def('container_creation_rate'),
      c,
      w.created / minutes,
      `${w.created} created in ${span} (${Math.round(minutes * 60)} s)`,
    );

    const failed = w.txs.filter((t) => t.status === 'reverted').length;
    read(
      def('failed_transactions'),
      c,
      w.txs.length ? (100 * failed) / w.txs.length : undefined,
      w.txs.length
        ? `${failed} of ${w.txs.length} PIL transactions reverted in ${span}`
        : `no PIL transaction in ${span}`,
    );

    const ok = w.txs.filter((t) => t.status === 'success');
    read(
      def('average_gas'),
      c,
      ok.length ? Number(ok.reduce((a, t) => a + t.gasUsed, 0n) / BigInt(ok.length)) : undefined,
      ok.length ? `mean of ${ok.length} successful PIL transactions in ${span}` : `no PIL transaction in ${span}`,
    );

    const verify = await verificationSeconds(c.client, w.latestCreateTx, options.provers);
    read(def('proof_verification_time'), c, verify.seconds, verify.note);

    const latencies = await responseTimes(w, byId);
    read(
      def('relayer_response_time'),
      c,
      latencies.length ? quantile(latencies, 0.95) : undefined,
      latencies.length
        ? `p95 of ${latencies.length} imports in ${span} (max ${Math.max(...latencies)} s)`
        : `no import in ${span}`,
    );

    for (const b of await balances(c.client)) read(def('balance'), c, b.eth, b.note, b.address);
  }

  const conditions = await Promise.all(chains.map((c, i) => conditionAlerts(c, windows[i]!)));
  const alerts: Alert[] = readings
    .filter(
      (r): r is Reading & { level: 'warning' | 'critical'; value: number } =>
        r.level === 'warning' || r.level === 'critical',
    )
    .map((r) => {
      const d = def(r.metric);
      const threshold = r.level === 'critical' ? d.critical : d.warning;
      return {
        key: `${r.metric}:${r.chainId}${r.scope ? `:${r.scope.toLowerCase()}` : ''}`,
        severity: r.level,
        summary: `${d.title} ${format(r.value)} ${d.unit} ${d.bad === 'above' ? '>' : '<'} ${threshold} ${d.unit} on ${r.chain}${r.scope ? ` (${r.scope})` : ''}`,
        metric: r.metric,
        value: r.value,
        threshold,
        chainId: r.chainId,
        details: { note: r.note },
      };
    });
  return { at: Date.now(), readings, alerts: [...alerts, ...conditions.flat()], windows };
}

async function conditionAlerts(c: MonitorChain, w: ChainWindow): Promise<Alert[]> {
  const id = c.client.chainId;
  const out: Alert[] = [];
  if (c.client.addresses.orchestrator && (await isPaused(c.client))) {
    out.push({ key: `paused:${id}`, severity: 'critical', summary: `PIL is paused on ${c.name}`, chainId: id });
  }
  for (const s of w.slashed) {
    out.push({
      key: `relayer_slashed:${id}:${s.relayer.toLowerCase()}`,
      severity: 'critical',
      summary: `Relayer ${s.relayer} was slashed ${formatEther(s.amount)} ETH on ${c.name} (blocks ${w.fromBlock}-${w.toBlock})`,
      chainId: id,
    });
  }
  if (w.retiredKeyProofs > 0) {
    out.push({
      key: `retired_key_proofs:${id}`,
      severity: 'warning',
      summary: `${w.retiredKeyProofs} proof(s) with a retired key refused on ${c.name} (blocks ${w.fromBlock}-${w.toBlock})`,
      value: w.retiredKeyProofs,
      chainId: id,
    });
  }
  return out;
}

const format = (v: number) => (Number.isInteger(v) ? String(v) : v.toPrecision(3));

/** Export-to-import times (s) of the window's imports on this chain, from block timestamps. */
async function responseTimes(w: ChainWindow, chains: Map<number, MonitorChain>): Promise<number[]> {
  const bySource = new Map<number, typeof w.imports>();
  for (const i of w.imports) bySource.set(i.srcChainId, [...(bySource.get(i.srcChainId) ?? []), i]);
  const out: number[] = [];
  for (const [src, imports] of bySource) {
    const source = chains.get(src);
    if (!source) continue; // a source the monitor does not watch
    const exported = await exportTimes(
      source.client,
      imports.map((i) => i.messageId),
    );
    for (const i of imports) {
      const t = exported.get(i.messageId);
      if (t !== undefined) out.push(Math.max(0, i.blockTime - t));
    }
  }
  return out;
}

/** Off-chain verification time of the create proof in `tx`, with the chain's current key. */
async function verificationSeconds(
  client: PilClient,
  tx: Hash | undefined,
  provers = new Map<number, Prover>(),
): Promise<{ seconds: number | undefined; note: string }> {
  if (!tx) return { seconds: undefined, note: 'no container created in the window' };
  const { input } = await client.public.getTransaction({ hash: tx });
  const { functionName, args } = decodeFunctionData({ abi: proofCarryingContainerAbi, data: input });
  if (functionName !== 'createContainer')
    return { seconds: undefined, note: `${tx} is not a direct createContainer call` };
  const [proof, commitment, policyHash, ciphertext] = args as unknown as [
    Parameters<typeof fromContractProof>[0],
    bigint,
    bigint,
    Hex,
  ];
  let prover = provers.get(client.chainId);
  if (!prover) {
    prover = await createNodeProverForChain(client);
    provers.set(client.chainId, prover);
  }
  const publicSignals = [commitment, policyHash, computePayloadHash(ciphertext)].map(String);
  const started = performance.now();
  const valid = await prover.verify('container_create', { proof: fromContractProof(proof), publicSignals });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, note: `create proof of ${tx}${valid ? '' : ' (did NOT verify)'}` };
}

/** Each admitted relayer's account and the hub's fee pool (the runbook's balance row). */
async function balances(client: PilClient): Promise<{ address: string; eth: number; note: string }[]> {
  const out: { address: string; eth: number; note: string }[] = [];
  const eth = async (address: Hex) => Number(formatEther(await client.public.getBalance({ address })));
  if (client.addresses.relayerRegistry) {
    const set = await getRelayerSet(client);
    for (const r of set.relayers.filter((x) => x.admitted)) {
      out.push({ address: r.address, eth: await eth(r.address), note: `relayer${r.active ? '' : ' (inactive)'}` });
    }
  }
  if (client.addresses.proofHub) {
    out.push({ address: client.addresses.proofHub, eth: await eth(client.addresses.proofHub), note: 'hub fee pool' });
  }
  return out;
}
