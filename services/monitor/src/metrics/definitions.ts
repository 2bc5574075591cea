/**
 * The runbook's metric table ("Key Metrics to Monitor") as data: each metric with its
 * warning and critical thresholds and the direction in which it is bad. The evaluation,
 * `pil monitor status`, the alerts and the dashboard all read this one table; a
 * deployment may override thresholds in its config.
 */
export type MetricId =
  | 'container_creation_rate'
  | 'failed_transactions'
  | 'average_gas'
  | 'proof_verification_time'
  | 'balance'
  | 'relayer_response_time';

export type MetricDefinition = {
  id: MetricId;
  title: string;
  unit: string;
  warning: number;
  critical: number;
  /** `above`: bad when the value exceeds the thresholds; `below`: when it falls under them. */
  bad: 'above' | 'below';
  /** How the value is measured (shown by `pil monitor status --explain` and in the docs). */
  source: string;
};

export const METRICS: readonly MetricDefinition[] = [
  {
    id: 'container_creation_rate',
    title: 'Container creation rate',
    unit: '/min',
    warning: 1000,
    critical: 5000,
    bad: 'above',
    source: 'ContainerCreated events per minute of block time over the window',
  },
  {
    id: 'failed_transactions',
    title: 'Failed transactions',
    unit: '%',
    warning: 1,
    critical: 5,
    bad: 'above',
    source: 'reverted share of the transactions sent to PIL contracts in the window',
  },
  {
    id: 'average_gas',
    title: 'Average gas usage',
    unit: 'gas',
    warning: 500_000,
    critical: 1_000_000,
    bad: 'above',
    source: 'mean gas used by the successful transactions to PIL contracts in the window',
  },
  {
    id: 'proof_verification_time',
    title: 'Proof verification time',
    unit: 's',
    warning: 2,
    critical: 5,
    bad: 'above',
    source: "off-chain Groth16 verification of the window's latest create proof, with the chain's current key",
  },
  {
    id: 'balance',
    title: 'Contract / relayer balance',
    unit: 'ETH',
    warning: 1,
    critical: 0.1,
    bad: 'below',
    source: "each admitted relayer's account and the hub's fee pool",
  },
  {
    id: 'relayer_response_time',
    title: 'Relayer response time',
    unit: 's',
    warning: 5,
    critical: 30,
    bad: 'above',
    source: "p95 over the window's imports of import block time minus export block time",
  },
];

export type Level = 'ok' | 'warning' | 'critical';

export type Thresholds = Partial<
  Record<MetricId, { warning?: number | undefined; critical?: number | undefined } | undefined>
>;

export function definitionsWith(overrides: Thresholds = {}): MetricDefinition[] {
  return METRICS.map((m) => {
    const o = overrides[m.id];
    return { ...m, warning: o?.warning ?? m.warning, critical: o?.critical ?? m.critical };
  });
}

export function levelOf(def: MetricDefinition, value: number): Level {
  const worse = def.bad === 'above' ? (a: number, b: number) => a > b : (a: number, b: number) => a < b;
  if (worse(value, def.critical)) return 'critical';
  if (worse(value, def.warning)) return 'warning';
  return 'ok';
}
