/**
 * Circuit benchmarks for `npm run bench`: constraint counts, Groth16 proof and verify
 * times with snarkjs, and the gas of the generated Solidity verifiers for a direct
 * transaction on anvil, beside the Groth16 floor.
 *
 * Floor of one verifyProof transaction with n public inputs (EIP-1108 / EIP-2028):
 *   21,000 base + calldata (16 gas per non-zero byte, 4 per zero byte)
 *   + 45,000 + 4 x 34,000 (one 4-pair pairing check) + n x 6,150 (ecMul 6,000 + ecAdd 150).
 */

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import {
  createPublicClient,
  createWalletClient,
  defineChain,
  encodeFunctionData,
  type Hex,
  hexToBytes,
  http,
  parseAbi,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import {
  CIRCUITS,
  type CircuitInfo,
  type CircuitName,
  keyPaths,
  VERIFIER_CONTRACTS,
} from '../circuits/src/artifacts.js';
import { releaseCurves } from '../circuits/src/ceremony.js';
import { readFixture } from '../circuits/src/fixtures.js';
import { prove, solidityProofFromJson, verify } from '../circuits/src/prover.js';
import { createScenario, spendScenario } from '../circuits/src/scenarios.js';
import { verifierPath } from '../circuits/src/verifiers.js';
import { startAnvil } from '../packages/cli/src/chain/anvil.js';
import type { Row } from './table.js';

const SECTION = 'circuits';
const RUNS = 7;
/** anvil's first default account (public test key). */
const ANVIL_KEY: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';

export async function benchCircuits(): Promise<Row[]> {
  const rows: Row[] = [];
  try {
    for (const circuit of CIRCUITS) {
      const info = JSON.parse(await readFile(keyPaths(circuit).info, 'utf8')) as CircuitInfo;
      rows.push({
        section: SECTION,
        metric: `${circuit} constraints (--O2)`,
        value: info.constraints.toLocaleString('en-US'),
        target: `<= ${(2 ** info.ptauPower).toLocaleString('en-US')} (2^${info.ptauPower} ptau)`,
      });
    }
    for (const circuit of CIRCUITS) rows.push(...(await benchProver(circuit)));
    rows.push(...(await benchGas()));
  } finally {
    await releaseCurves();
  }
  return rows;
}

async function benchProver(circuit: CircuitName): Promise<Row[]> {
  const input =
    circuit === 'container_create'
      ? (await createScenario('bench')).input
      : (await spendScenario({ kind: 'export', label: 'bench', leafIndex: 4, treeSize: 5 })).input;
  await prove(circuit, input); // warm-up: wasm compile, curve threads
  const proveMs: number[] = [];
  const verifyMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const { proof, publicSignals } = await prove(circuit, input);
    proveMs.push(performance.now() - t);
    t = performance.now();
    if (!(await verify(circuit, publicSignals, proof))) throw new Error(`${circuit}: fresh proof does not verify`);
    verifyMs.push(performance.now() - t);
  }
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  return [
    {
      section: SECTION,
      metric: `${circuit} proof time median (snarkjs fullProve, ${RUNS} runs)`,
      value: ms(quantile(proveMs, 0.5)),
      // TOOLCHAIN.md: about 0.9-1.5 s for a depth-20 spend circuit on an idle 2-core machine.
      ...(circuit === 'container_spend' ? { target: '<= 1.5 s idle' } : {}),
    },
    { section: SECTION, metric: `${circuit} proof time p95`, value: ms(quantile(proveMs, 0.95)) },
    { section: SECTION, metric: `${circuit} off-chain verify median`, value: ms(quantile(verifyMs, 0.5)) },
  ];
}

const VERIFY_ABI = parseAbi([
  'function verifyProof(uint256[2] a, uint256[2][2] b, uint256[2] c, uint256[3] pub) view returns (bool)',
  'function verifyProof(uint256[2] a, uint256[2][2] b, uint256[2] c, uint256[7] pub) view returns (bool)',
]);

async function benchGas(): Promise<Row[]> {
  const bytecodes = compileVerifiers(
    Object.fromEntries(await Promise.all(CIRCUITS.map(async (c) => [c, await readFile(verifierPath(c), 'utf8')]))),
  );
  const anvil = await startAnvil({ chainId: 31337 });
  try {
    const transport = http(anvil.rpcUrl);
    const account = privateKeyToAccount(ANVIL_KEY);
    const chain = defineChain({
      id: anvil.chainId,
      name: 'anvil',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [anvil.rpcUrl] } },
    });
    const wallet = createWalletClient({ account, transport, chain });
    const client = createPublicClient({ transport, chain });
    const rows: Row[] = [];
    for (const circuit of CIRCUITS) {
      const hash = await wallet.deployContract({ abi: VERIFY_ABI, bytecode: bytecodes[circuit] });
      const deployed = await client.waitForTransactionReceipt({ hash });
      if (!deployed.contractAddress) throw new Error(`${circuit}: verifier deployment failed`);
      const fixture = await readFixture(circuit, circuit === 'container_create' ? 'create' : 'export');
      const p = solidityProofFromJson(fixture.solidity);
      const data = encodeFunctionData({
        abi: VERIFY_ABI,
        functionName: 'verifyProof',
        args: [p.a, p.b, p.c, p.publicInputs as never],
      });
      const ok = await client.call({ to: deployed.contractAddress, data });
      if (ok.data !== `0x${'0'.repeat(63)}1`) throw new Error(`${circuit}: verifier refused its fixture`);
      // A direct transaction with an explicit limit (estimateGas of a bool-returning
      // verifier under-estimates: the pairing precompile fails silently at low gas).
      const tx = await wallet.sendTransaction({ to: deployed.contractAddress, data, gas: 1_000_000n });
      const receipt = await client.waitForTransactionReceipt({ hash: tx });
      const n = p.publicInputs.length;
      const floor = groth16Floor(data, n);
      rows.push({
        section: SECTION,
        metric: `${VERIFIER_CONTRACTS[circuit]}.verifyProof tx gas (${n} public inputs)`,
        value: receipt.gasUsed.toLocaleString('en-US'),
        target: `floor ${floor.toLocaleString('en-US')} (+${(((Number(receipt.gasUsed) - floor) / floor) * 100).toFixed(1)} %)`,
      });
      rows.push({
        section: SECTION,
        metric: `${VERIFIER_CONTRACTS[circuit]} deployment gas`,
        value: deployed.gasUsed.toLocaleString('en-US'),
      });
    }
    return rows;
  } finally {
    await anvil.stop();
  }
}

/** 21,000 + calldata + 45,000 + 4 x 34,000 + n x 6,150. */
export function groth16Floor(calldata: Hex, publicInputs: number): number {
  let calldataGas = 0;
  for (const b of hexToBytes(calldata)) calldataGas += b === 0 ? 4 : 16;
  return 21_000 + calldataGas + 45_000 + 4 * 34_000 + publicInputs * 6_150;
}

interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts: Record<string, Record<string, { evm: { bytecode: { object: string } } }>>;
}

/** Compile the verifiers with solc-js as contracts/foundry.toml does (optimizer 200 runs, cancun). */
function compileVerifiers(sources: Record<string, string>): Record<CircuitName, Hex> {
  const require = createRequire(import.meta.url);
  const solc = require('solc') as { compile(input: string): string };
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(Object.entries(sources).map(([c, content]) => [`${c}.sol`, { content }])),
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
      metadata: { bytecodeHash: 'none', appendCBOR: false },
      outputSelection: { '*': { '*': ['evm.bytecode.object'] } },
    },
  };
  const out = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput;
  const errors = (out.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const result = {} as Record<CircuitName, Hex>;
  for (const circuit of CIRCUITS) {
    const object = out.contracts[`${circuit}.sol`]?.[VERIFIER_CONTRACTS[circuit]]?.evm.bytecode.object;
    if (!object) throw new Error(`solc produced no bytecode for ${VERIFIER_CONTRACTS[circuit]}`);
    result[circuit] = `0x${object}`;
  }
  return result;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}
