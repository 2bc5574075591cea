/**
 * A deterministic workload of real cross-chain messages for tests and the benchmark:
 * notes created with real create proofs and exported with real spend proofs through
 * the SDK. Everything random comes from a seed (blindings, payload bytes), so the proof
 * inputs repeat from run to run on a fresh devnet and the proofs come from a cache
 * (fixtures/proofs/, keyed like circuits/src/fixtures.ts by key hash and input).
 * The payloads are opaque bytes: the relayer never opens them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bytesToHex, type Hex } from 'viem';
import { cacheKeyOf } from '../../../../circuits/src/fixtures.js';
import {
  accountFromSeed,
  buildCreateInput,
  buildSpendInput,
  computeDomainId,
  computePayloadHash,
  getCommitmentTree,
  type PilAccount,
  type PilClient,
  resolvePolicy,
  sendCreateContainer,
  sendExportContainer,
  toContractProof,
} from '../../../../packages/sdk/src/index.js';
import { createNodeProver } from '../../../../packages/sdk/src/node/index.js';
import type { ContractProof, SpendArgs } from '../../../../packages/sdk/src/types/proof.js';
import { seededRandom } from '../core/retry.js';

export const PROOF_CACHE = fileURLToPath(new URL('../../fixtures/proofs/', import.meta.url));
const prover = createNodeProver();

/** Stops the prover's worker threads (they keep Node alive once a proof was made). */
export const terminateProver = () => prover.terminate();

type Circuit = 'container_create' | 'container_spend';

/** A proof of `input`, from the cache or proven and stored. */
export async function cachedProof(circuit: Circuit, input: Record<string, unknown>): Promise<ContractProof> {
  const key = await cacheKeyOf(circuit, input as never);
  const file = path.join(PROOF_CACHE, `${circuit}-${key.slice(0, 24)}.json`);
  if (existsSync(file)) return reviveProof(JSON.parse(readFileSync(file, 'utf8')));
  const { proof } = await prover.prove(circuit, input as never);
  const contract = toContractProof(proof);
  mkdirSync(PROOF_CACHE, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(contract, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}\n`);
  renameSync(tmp, file);
  return contract;
}

function reviveProof(j: { a: string[]; b: string[][]; c: string[] }): ContractProof {
  return {
    a: [BigInt(j.a[0]!), BigInt(j.a[1]!)],
    b: [
      [BigInt(j.b[0]![0]!), BigInt(j.b[0]![1]!)],
      [BigInt(j.b[1]![0]!), BigInt(j.b[1]![1]!)],
    ],
    c: [BigInt(j.c[0]!), BigInt(j.c[1]!)],
  };
}

async function pool<T, R>(items: T[], n: number, fn: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!, i);
    }),
  );
  return out;
}

export type PreparedExport = {
  index: number;
  proof: ContractProof;
  args: SpendArgs;
  dstChainId: number;
  ciphertext: Hex;
  dstCommitment: bigint;
};

export type Workload = {
  user: PilAccount;
  exports: PreparedExport[];
  /** Sends export `i` (sequential per chain: one user account). */
  send(i: number, fee?: bigint): Promise<{ messageId: Hex; blockNumber: bigint; sentAt: number; minedAt: number }>;
};

/**
 * Creates `n` notes on `source` (each with a create proof) and prepares `n` exports to
 * `dstChainId` (spend proofs against the tree after the creates). Call it for every
 * chain before any message crosses, so leaf indices (and proofs) are the same each run.
 */
export async function prepareWorkload(
  source: PilClient,
  options: { n: number; dstChainId: number; seed: number; concurrency?: number; destinations?: number[] },
): Promise<Workload> {
  const rand = seededRandom(options.seed);
  const bytes = (len: number) => Uint8Array.from({ length: len }, () => Math.floor(rand() * 256));
  const field = () => BigInt(bytesToHex(bytes(31)));
  const user = await accountFromSeed(bytes(32));
  const policy = resolvePolicy(source);
  const notes = Array.from({ length: options.n }, (_, i) => {
    const ciphertext = bytesToHex(bytes(96));
    return { i, ciphertext, payloadHash: computePayloadHash(ciphertext), blinding: field(), amount: 100n + BigInt(i) };
  });
  const dst = notes.map((_, i) => {
    const ciphertext = bytesToHex(bytes(96));
    const dstChainId = options.destinations?.[i] ?? options.dstChainId;
    return { ciphertext, payloadHash: computePayloadHash(ciphertext), blinding: field(), dstChainId };
  });
  const creates = await pool(notes, options.concurrency ?? 2, async (n) => {
    const { input } = await buildCreateInput({
      note: {
        npk: user.npk,
        amount: n.amount,
        stateHash: BigInt(n.i),
        payloadHash: n.payloadHash,
        blinding: n.blinding,
      },
      policy,
    });
    return { input, proof: await cachedProof('container_create', input as never) };
  });
  const leafIndex: bigint[] = [];
  for (const [i, c] of creates.entries()) {
    const r = await sendCreateContainer(source, {
      proof: c.proof,
      commitment: c.input.commitment,
      policyHash: policy.policyHash,
      ciphertext: notes[i]!.ciphertext,
    });
    leafIndex.push(r.leafIndex!);
  }
  const synced = await getCommitmentTree(source);
  const srcDomain = computeDomainId(source.chainId);
  const exports = await pool(notes, options.concurrency ?? 2, async (n, i) => {
    const d = dst[i]!;
    const { input } = await buildSpendInput({
      nullifierSecret: user.nullifierSecret,
      amount: n.amount,
      stateHash: BigInt(n.i),
      policyHash: policy.policyHash,
      payloadHash: n.payloadHash,
      blinding: n.blinding,
      path: synced.tree.path(Number(leafIndex[i]!)),
      srcDomain,
      dstDomain: computeDomainId(d.dstChainId),
      dstNpk: user.npk,
      dstPayloadHash: d.payloadHash,
      dstBlinding: d.blinding,
    });
    const proof = await cachedProof('container_spend', input as never);
    return {
      index: i,
      proof,
      args: {
        root: synced.root,
        rootSize: synced.size,
        nullifier: input.nullifier,
        dstCommitment: input.dstCommitment,
        policyHash: policy.policyHash,
      },
      dstChainId: d.dstChainId,
      ciphertext: d.ciphertext,
      dstCommitment: input.dstCommitment,
    } satisfies PreparedExport;
  });
  return {
    user,
    exports,
    async send(i, fee = 1_000_000_000_000_000n) {
      const e = exports[i]!;
      const sentAt = Date.now();
      const r = await sendExportContainer(source, {
        proof: e.proof,
        args: e.args,
        dstChainId: BigInt(e.dstChainId),
        ciphertext: e.ciphertext,
        fee,
      });
      return { messageId: r.messageId, blockNumber: r.receipt.blockNumber, sentAt, minedAt: Date.now() };
    },
  };
}

export const inputHash = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');
