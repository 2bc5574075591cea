// `npm run bench` SDK section: proof time per circuit (median, p95) with the shipped
// artifacts, peak memory, off-chain verification, Poseidon hashes per second and
// payload encryption throughput.

import {
  buildCreateInput,
  buildSpendInput,
  CommitmentTree,
  computeCommitment,
  computeDomainId,
  computeNpk,
  decryptPayload,
  encryptPayload,
  generateEncryptionKeyPair,
  getPoseidon,
  type ProofResult,
  policySaltOf,
} from '../packages/sdk/src/index.js';
import { createNodeProver } from '../packages/sdk/src/node/index.js';
import type { Row } from './table.js';

const RUNS = Number(process.env.PIL_BENCH_PROOF_RUNS ?? 10);

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

export async function benchSdk(): Promise<Row[]> {
  const rows: Row[] = [];
  const section = 'sdk';
  const prover = createNodeProver();
  const policy = { minAmount: 1n, maxAmount: 2n ** 64n - 1n, policySalt: policySaltOf('pil.default') };
  const secret = 12345n;
  const npk = await computeNpk(secret);
  const note = { npk, amount: 1000n, stateHash: 7n, payloadHash: 99n, blinding: 5n };
  const create = await buildCreateInput({ note, policy });
  const commitment = await computeCommitment({ ...note, policyHash: create.input.policyHash });
  const tree = await CommitmentTree.create([commitment, 1n, 2n, 3n, 4n]);
  const spend = await buildSpendInput({
    nullifierSecret: secret,
    ...note,
    policyHash: create.input.policyHash,
    path: tree.path(0),
    srcDomain: computeDomainId(31337),
    dstDomain: computeDomainId(31338),
    dstNpk: npk,
    dstPayloadHash: 100n,
    dstBlinding: 6n,
  });
  let peakRss = process.memoryUsage().rss;
  const sample = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 5);
  const inputs = { container_create: create.input, container_spend: spend.input } as const;
  const proofs: Partial<Record<keyof typeof inputs, ProofResult>> = {};
  for (const circuit of ['container_create', 'container_spend'] as const) {
    await prover.prove(circuit, inputs[circuit]); // warm-up (threads, wasm compile)
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      proofs[circuit] = await prover.prove(circuit, inputs[circuit]);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const target = circuit === 'container_spend' ? '≤ 1.0 s median' : undefined;
    rows.push({
      section,
      metric: `${circuit} proof median (${RUNS} runs)`,
      value: `${(quantile(times, 0.5) / 1000).toFixed(3)} s`,
      ...(target ? { target } : {}),
    });
    rows.push({ section, metric: `${circuit} proof p95`, value: `${(quantile(times, 0.95) / 1000).toFixed(3)} s` });
  }
  clearInterval(sample);
  rows.push({ section, metric: 'peak RSS while proving', value: `${(peakRss / 2 ** 20).toFixed(0)} MiB` });
  for (const circuit of ['container_create', 'container_spend'] as const) {
    const result = proofs[circuit]!;
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      if (!(await prover.verify(circuit, result))) throw new Error(`${circuit} proof does not verify`);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    rows.push({
      section,
      metric: `${circuit} off-chain verify median`,
      value: `${quantile(times, 0.5).toFixed(1)} ms`,
    });
  }
  await prover.terminate();

  const hash = await getPoseidon();
  let x = 1n;
  const n = 20_000;
  let t = performance.now();
  for (let i = 0; i < n; i++) x = hash([x, BigInt(i)]);
  rows.push({ section, metric: 'Poseidon_2 hashes/s', value: `${Math.round(n / ((performance.now() - t) / 1000))}` });

  const keys = generateEncryptionKeyPair();
  const payload = new Uint8Array(1 << 20).fill(7);
  const reps = 20;
  t = performance.now();
  const envelopes: Uint8Array[] = [];
  for (let i = 0; i < reps; i++) envelopes.push(encryptPayload(payload, keys.publicKey));
  const enc = reps / ((performance.now() - t) / 1000);
  t = performance.now();
  for (const e of envelopes) decryptPayload(e, keys.secretKey);
  const dec = reps / ((performance.now() - t) / 1000);
  rows.push({ section, metric: 'payload encryption (1 MiB)', value: `${enc.toFixed(1)} MB/s` });
  rows.push({ section, metric: 'payload decryption (1 MiB)', value: `${dec.toFixed(1)} MB/s` });
  const small = new Uint8Array(1024);
  t = performance.now();
  for (let i = 0; i < 200; i++) encryptPayload(small, keys.publicKey);
  rows.push({
    section,
    metric: 'payload encryption (1 KiB, incl. ECIES)',
    value: `${Math.round(200 / ((performance.now() - t) / 1000))} payloads/s`,
  });
  return rows;
}
