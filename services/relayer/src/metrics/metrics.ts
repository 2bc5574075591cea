/** Prometheus metrics (prom-client), fed only by the event bus and the status sampler. */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EventBus } from '../core/events.js';

export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics(bus: EventBus, labels: { relayer: string }) {
  const registry = new Registry();
  registry.setDefaultLabels(labels);
  const responseTime = new Histogram({
    name: 'pil_relayer_response_time_seconds',
    help: 'Time from the source export (block timestamp) to the destination import receipt',
    labelNames: ['dst_chain'],
    buckets: [0.25, 0.5, 1, 2, 3, 5, 10, 20, 30, 60, 120],
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'pil_relayer_deliveries_total',
    help: 'Deliveries by outcome (relayed, delivered_by_other, failed)',
    labelNames: ['dst_chain', 'outcome'],
    registers: [registry],
  });
  const retries = new Counter({
    name: 'pil_relayer_retries_total',
    help: 'Retries of retryable errors',
    labelNames: ['what'],
    registers: [registry],
  });
  const queueDepth = new Gauge({
    name: 'pil_relayer_queue_depth',
    help: 'Messages waiting for delivery',
    labelNames: ['dst_chain'],
    registers: [registry],
  });
  const checkpointLag = new Gauge({
    name: 'pil_relayer_checkpoint_lag_messages',
    help: 'Source outbox count minus the highest count accepted on the destination',
    labelNames: ['src_chain', 'dst_chain'],
    registers: [registry],
  });
  const balance = new Gauge({
    name: 'pil_relayer_balance_wei',
    help: 'Balance of the relayer account',
    labelNames: ['chain'],
    registers: [registry],
  });
  const lastBlock = new Gauge({
    name: 'pil_relayer_last_block',
    help: 'Last source block scanned',
    labelNames: ['chain'],
    registers: [registry],
  });
  const txs = new Counter({
    name: 'pil_relayer_transactions_total',
    help: 'Transactions sent, replaced and mined',
    labelNames: ['chain', 'event'],
    registers: [registry],
  });
  const alerts = new Counter({
    name: 'pil_relayer_alerts_total',
    help: 'Alert-grade events (wrong root, equivocation, slash)',
    labelNames: ['severity'],
    registers: [registry],
  });
  const reorgs = new Counter({
    name: 'pil_relayer_reorgs_total',
    help: 'Reorgs deeper than the confirmations',
    labelNames: ['chain'],
    registers: [registry],
  });
  bus.on((e) => {
    switch (e.type) {
      case 'relayed':
        responseTime.observe({ dst_chain: String(e.dst) }, e.latencyMs / 1000);
        deliveries.inc({ dst_chain: String(e.dst), outcome: 'relayed' });
        break;
      case 'skipped':
        deliveries.inc({ dst_chain: String(e.dst), outcome: 'delivered_by_other' });
        break;
      case 'failed':
        deliveries.inc({ dst_chain: String(e.dst), outcome: 'failed' });
        break;
      case 'retry':
        retries.inc({ what: e.what });
        break;
      case 'backlog':
        queueDepth.set({ dst_chain: String(e.dst) }, e.depth);
        break;
      case 'tx.sent':
        txs.inc({ chain: String(e.chainId), event: 'sent' });
        break;
      case 'tx.replaced':
        txs.inc({ chain: String(e.chainId), event: 'replaced' });
        break;
      case 'tx.mined':
        txs.inc({ chain: String(e.chainId), event: `mined_${e.status}` });
        break;
      case 'alert':
        alerts.inc({ severity: e.severity });
        break;
      case 'reorg':
        reorgs.inc({ chain: String(e.chainId) });
        break;
      default:
    }
  });
  return { registry, checkpointLag, balance, lastBlock, queueDepth };
}
