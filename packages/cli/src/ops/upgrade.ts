// UP-001 building blocks: compile a new implementation (solc-js, project
// settings), check its storage layout against the committed baseline of what
// is deployed (contracts/storage-layouts, OpenZeppelin upgrades-core through
// contracts/scripts/storage-layout.ts), deploy it, and write the
// source-verification bundle an explorer needs. The plan file
// (<stateDir>/upgrades/<network>/<chainId>-<contract>.json) carries the
// implementation and a state snapshot from `propose` to `execute` and `verify`.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Abi, Address, Hex } from 'viem';
import {
  compareLayouts,
  type Compilation as LayoutCompilation,
  layoutOf,
  readBaseline,
  validateCompilation,
} from '../../../../contracts/scripts/storage-layout.js';
import type { ChainContext, NetworkContext } from '../context.js';
import { type ContractId, contractInfo } from '../contracts.js';
import { linkBytecode } from '../devnet/artifacts.js';
import { ChainError, InputError } from '../errors.js';
import { type Compilation, compile, contractOf, contractsRoot, sourceFile } from './solc.js';
import type { ChainState } from './state.js';

export type UpgradePlan = {
  contract: ContractId;
  contractName: string;
  source: string;
  chainId: number;
  implementation: Address;
  deployTx: Hex;
  hasVersion: boolean;
  bundle: string;
  preparedAt: string;
  /** The contract's state when the upgrade was proposed (for `verify`: state preserved). */
  before?: { block: string; state: ChainState['contracts'][ContractId] };
};

export function planPath(ctx: NetworkContext, chain: ChainContext, id: ContractId): string {
  return path.join(ctx.stateDir, 'upgrades', ctx.network.name, `${chain.config.chainId}-${id}.json`);
}

export function readPlan(ctx: NetworkContext, chain: ChainContext, id: ContractId): UpgradePlan {
  const f = planPath(ctx, chain, id);
  if (!existsSync(f)) {
    throw new InputError(`No prepared upgrade of ${id} on ${chain.config.name}`, {
      hint: `Run pil upgrade prepare ${id} --network ${ctx.network.name} first`,
    });
  }
  return JSON.parse(readFileSync(f, 'utf8')) as UpgradePlan;
}

export function writePlan(ctx: NetworkContext, chain: ChainContext, plan: UpgradePlan): void {
  const f = planPath(ctx, chain, plan.contract);
  mkdirSync(path.dirname(f), { recursive: true });
  writeFileSync(f, `${JSON.stringify(plan, null, 2)}\n`);
}

function findSource(name: string): string {
  const walk = (d: string): string | undefined => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        const found = walk(p);
        if (found) return found;
      } else if (e.name === `${name}.sol`) return p;
    }
    return undefined;
  };
  const found = walk(path.join(contractsRoot, 'src'));
  if (!found) throw new InputError(`No source for ${name} under contracts/src`);
  return path.relative(contractsRoot, found);
}

export type Candidate = {
  compilation: Compilation;
  source: string;
  name: string;
  abi: Abi;
  bytecode: Hex;
  linkReferences: Record<string, Record<string, { start: number; length: number }[]>>;
};

/** Compiles the new implementation: `--source file.sol[:Name]` (relative to the cwd), or the contract's own source. */
export function compileCandidate(id: ContractId, sourceOption: string | undefined, cwd: string): Candidate {
  const [file, explicitName] = sourceOption ? sourceOption.split(':') : [undefined, undefined];
  const rel = file ? path.relative(contractsRoot, path.resolve(cwd, file)) : findSource(contractInfo[id].artifact);
  const sources = sourceFile(rel);
  const key = Object.keys(sources)[0]!;
  const name = explicitName ?? (file ? path.basename(file, '.sol') : contractInfo[id].artifact);
  const compilation = compile(sources);
  return { compilation, ...contractOf(compilation, `${key}:${name}`) };
}

export type LayoutCheck = { ok: true; baseline: string } | { ok: false; baseline: string; explanation: string };

/** The candidate's layout against the committed baseline of the deployed contract. */
export function checkLayout(id: ContractId, candidate: Candidate): LayoutCheck {
  const baselineName = contractInfo[id].artifact;
  const baseline = readBaseline(baselineName);
  if (!baseline) throw new InputError(`No storage-layout baseline for ${baselineName} (contracts/storage-layouts)`);
  const c = candidate.compilation as unknown as LayoutCompilation;
  const data = validateCompilation(c, contractsRoot);
  const updated = layoutOf(data, `${candidate.source}:${candidate.name}`);
  const result = compareLayouts(baseline, updated);
  return result.ok
    ? { ok: true, baseline: `contracts/storage-layouts/${baselineName}.json` }
    : { ok: false, baseline: `contracts/storage-layouts/${baselineName}.json`, explanation: result.explanation };
}

/** Deploys the candidate (libraries linked) with the context's wallet. */
export async function deployCandidate(
  ctx: NetworkContext,
  chain: ChainContext,
  candidate: Candidate,
  libraries: Record<string, Address>,
): Promise<{ address: Address; txHash: Hex }> {
  const bytecode = linkBytecode(
    {
      name: candidate.name,
      bytecode: candidate.bytecode,
      linkReferences: candidate.linkReferences,
      abi: candidate.abi,
    } as never,
    libraries,
  );
  const wallet = ctx.wallet(chain);
  const hash = await wallet.sendTransaction({ data: bytecode });
  const receipt = await chain.client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !receipt.contractAddress)
    throw new ChainError(`Deploying ${candidate.name} failed on ${chain.config.name} (${hash})`);
  return { address: receipt.contractAddress, txHash: hash };
}

/** What an explorer (Etherscan's verifysourcecode, Sourcify, Blockscout) needs: standard JSON input, compiler, constructor args, libraries. */
export function writeBundle(
  dir: string,
  chain: ChainContext,
  candidate: Candidate,
  address: Address,
  libraries: Record<string, Address>,
): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${candidate.name}-${chain.config.chainId}-${address}.json`);
  const linked = Object.fromEntries(
    Object.entries(candidate.linkReferences).flatMap(([source, libs]) =>
      Object.keys(libs).map((name) => [`${source}:${name}`, libraries[name]]),
    ),
  );
  const bundle = {
    chainId: chain.config.chainId,
    address,
    contractName: `${candidate.source}:${candidate.name}`,
    compilerVersion: candidate.compilation.solcLongVersion,
    codeformat: 'solidity-standard-json-input',
    optimizationUsed: 1,
    runs: 200,
    evmVersion: 'cancun',
    constructorArguments: '0x',
    constructorArgumentsNote:
      'PIL implementations take no constructor arguments (the constructor disables initializers); the proxy is initialized through initialize()',
    libraries: linked,
    standardJsonInput: candidate.compilation.input,
  };
  writeFileSync(file, `${JSON.stringify(bundle, null, 2)}\n`);
  return file;
}
