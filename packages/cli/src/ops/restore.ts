// RP-002 steps 4-5 on a fresh deployment: compare an exported chain state with
// the target chain and re-register what is missing — policies (and their
// active flag), verifiers (the exported runtime code redeployed, then
// setVerifier), execution backends, relayers and the quorum — through the
// target's timelocks (standard 48 h: policies, verifiers, backends; emergency
// 6 h: relayers, quorum). Idempotent: a second run after execution finds
// nothing to do. Tree leaves, nullifiers and imports are not re-registered
// (no contract accepts them from an admin, by design): users migrate by
// re-creating their notes (protocol §2: creation is permissionless and a
// re-creation with the same contents is allowed). See docs/adr/0011.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Address, concat, type Hex, keccak256, numberToHex, size } from 'viem';
import {
  executionAgnosticStateCommitmentsAbi,
  policyBoundProofsAbi,
  relayerRegistryAbi,
  verifierRegistryAbi,
} from '../../../sdk/src/abi/generated/index.js';
import { type PreparedCall, preparePilCall } from '../../../sdk/src/actions/internal/prepare.js';
import type { ChainContext, NetworkContext } from '../context.js';
import { ChainError } from '../errors.js';
import { pilClient } from '../governance/client.js';
import { type TimelockStep, viaTimelock } from '../governance/flows.js';
import type { SafeRunOptions } from '../governance/safe.js';
import type { TimelockKind } from '../governance/timelock.js';
import { chainNow } from '../governance/timelock.js';
import { type ChainState, readChainState } from './state.js';

type ExportedPolicy = {
  policyHash: string;
  createCircuitId: Hex;
  spendCircuitId: Hex;
  attestationQuorum: string | number;
  active: boolean;
  registered: boolean;
};
type ExportedBackend = { backendId: Hex; kind: string | number; signer: Address; active: boolean; registered: boolean };
type ExportedCircuit = {
  circuitId: Hex;
  verifier: Address;
  publicInputs: string | number;
  vkHash: Hex;
  code: Hex;
  codeHash: Hex;
};
type ExportedRelayer = { account: Address; admitted: boolean; active: boolean };

export type RestorePlan = {
  chainId: number;
  standard: PreparedCall[];
  emergency: PreparedCall[];
  verifiers: { circuitId: Hex; code: Hex; codeHash: Hex; vkHash: Hex; publicInputs: number; address?: Address }[];
  actions: string[];
  skipped: string[];
};

/** Creation code that returns `runtime` as the contract's code (no constructor). */
export function initcodeFor(runtime: Hex): Hex {
  const len = size(runtime);
  return concat([`0x61${numberToHex(len, { size: 2 }).slice(2)}80600c6000396000f3`, runtime]);
}

function recordFile(ctx: NetworkContext, chain: ChainContext): string {
  return path.join(ctx.stateDir, 'restore', ctx.network.name, `${chain.config.chainId}.json`);
}

function deployedVerifiers(ctx: NetworkContext, chain: ChainContext): Record<string, Address> {
  const f = recordFile(ctx, chain);
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as { verifiers: Record<string, Address> }).verifiers : {};
}

export async function planRestore(
  ctx: NetworkContext,
  chain: ChainContext,
  exported: ChainState,
): Promise<RestorePlan> {
  const client = pilClient(ctx, chain);
  const latest = await chain.client.getBlockNumber();
  const target = await readChainState(chain, latest, 0n);
  const plan: RestorePlan = {
    chainId: chain.config.chainId,
    standard: [],
    emergency: [],
    verifiers: [],
    actions: [],
    skipped: [],
  };
  const call = (
    contract: 'pbp' | 'easc' | 'verifierRegistry' | 'relayerRegistry',
    abi: unknown,
    functionName: string,
    args: unknown[],
  ) => preparePilCall(client, { contract, label: contract, abi: abi as never, functionName, args });

  // Policies.
  const ePolicies = ((exported.contracts.pbp?.policies ?? []) as ExportedPolicy[]).filter((p) => p.registered);
  const tPolicies = (target.contracts.pbp?.policies ?? []) as ExportedPolicy[];
  for (const p of ePolicies) {
    const t = tPolicies.find((x) => x.policyHash === p.policyHash);
    if (!t) {
      plan.standard.push(
        call('pbp', policyBoundProofsAbi, 'registerPolicy', [
          BigInt(p.policyHash),
          p.createCircuitId,
          p.spendCircuitId,
          Number(p.attestationQuorum),
        ]),
      );
      plan.actions.push(`register policy ${p.policyHash}`);
      if (!p.active) plan.standard.push(call('pbp', policyBoundProofsAbi, 'deactivatePolicy', [BigInt(p.policyHash)]));
    } else {
      if (
        t.createCircuitId !== p.createCircuitId ||
        t.spendCircuitId !== p.spendCircuitId ||
        String(t.attestationQuorum) !== String(p.attestationQuorum)
      ) {
        plan.skipped.push(
          `policy ${p.policyHash} is registered with other circuits or quorum (a policy hash is registered once)`,
        );
      }
      if (t.active !== p.active) {
        plan.standard.push(
          call('pbp', policyBoundProofsAbi, p.active ? 'reactivatePolicy' : 'deactivatePolicy', [BigInt(p.policyHash)]),
        );
        plan.actions.push(`${p.active ? 'reactivate' : 'deactivate'} policy ${p.policyHash}`);
      }
    }
  }
  // Verifiers: the exported code, redeployed (or reused from an earlier run).
  const already = deployedVerifiers(ctx, chain);
  const eCircuits = (exported.contracts.verifierRegistry?.circuits ?? []) as ExportedCircuit[];
  const tCircuits = (target.contracts.verifierRegistry?.circuits ?? []) as ExportedCircuit[];
  for (const c of eCircuits) {
    const t = tCircuits.find((x) => x.circuitId === c.circuitId);
    if (t && t.vkHash === c.vkHash) continue;
    if (keccak256(c.code) !== c.codeHash) {
      plan.skipped.push(`verifier of ${c.circuitId}: exported code does not match its code hash`);
      continue;
    }
    const reuse = already[c.codeHash];
    const reusable = reuse && (await chain.client.getCode({ address: reuse })) === c.code ? reuse : undefined;
    plan.verifiers.push({
      circuitId: c.circuitId,
      code: c.code,
      codeHash: c.codeHash,
      vkHash: c.vkHash,
      publicInputs: Number(c.publicInputs),
      ...(reusable ? { address: reusable } : {}),
    });
    plan.actions.push(`verifier of ${c.circuitId}: key ${c.vkHash}${t ? ` (replaces ${t.vkHash})` : ''}`);
  }
  // Execution backends.
  const eBackends = ((exported.contracts.easc?.backends ?? []) as ExportedBackend[]).filter((b) => b.registered);
  const tBackends = (target.contracts.easc?.backends ?? []) as ExportedBackend[];
  for (const b of eBackends) {
    const t = tBackends.find((x) => x.backendId === b.backendId);
    if (!t) {
      plan.standard.push(
        call('easc', executionAgnosticStateCommitmentsAbi, 'registerBackend', [b.backendId, Number(b.kind), b.signer]),
      );
      plan.actions.push(`register backend ${b.backendId} (signer ${b.signer})`);
      if (!b.active)
        plan.standard.push(call('easc', executionAgnosticStateCommitmentsAbi, 'deactivateBackend', [b.backendId]));
    } else if (t.active && !b.active) {
      plan.standard.push(call('easc', executionAgnosticStateCommitmentsAbi, 'deactivateBackend', [b.backendId]));
      plan.actions.push(`deactivate backend ${b.backendId}`);
    } else if (!t.active && b.active) {
      plan.skipped.push(`backend ${b.backendId} is inactive here and cannot be reactivated: register a new backend id`);
    }
  }
  // Relayers and quorum (emergency timelock).
  const rr = exported.contracts.relayerRegistry as { relayers?: ExportedRelayer[]; quorum?: string } | undefined;
  const trr = target.contracts.relayerRegistry as
    | { relayers?: ExportedRelayer[]; quorum?: string; activeCount?: string }
    | undefined;
  if (rr && trr) {
    for (const r of (rr.relayers ?? []).filter((x) => x.admitted)) {
      if ((trr.relayers ?? []).some((x) => x.account === r.account && x.admitted)) continue;
      plan.emergency.push(call('relayerRegistry', relayerRegistryAbi, 'addRelayer', [r.account]));
      plan.actions.push(`admit relayer ${r.account} (it must stake on this deployment)`);
    }
    if (rr.quorum !== trr.quorum) {
      if (BigInt(trr.activeCount ?? 0) >= BigInt(rr.quorum ?? 0)) {
        plan.emergency.push(call('relayerRegistry', relayerRegistryAbi, 'setQuorum', [BigInt(rr.quorum!)]));
        plan.actions.push(`set quorum ${trr.quorum} → ${rr.quorum}`);
      } else {
        plan.skipped.push(
          `quorum ${rr.quorum}: only ${trr.activeCount} relayer(s) are active here; once the admitted relayers have staked, run the restore again`,
        );
      }
    }
  }
  const tHub = target.contracts.proofHub as { remoteHubs?: Record<string, Address> } | undefined;
  const eHub = exported.contracts.proofHub as { remoteHubs?: Record<string, Address> } | undefined;
  for (const id of Object.keys(eHub?.remoteHubs ?? {})) {
    if (!tHub?.remoteHubs?.[id])
      plan.skipped.push(
        `remote hub of chain ${id}: the recovery deployment's own hub address there is needed (setRemoteHub through the 48 h timelock once both sides are deployed)`,
      );
  }
  return plan;
}

export type RestoreResult = {
  chain: string;
  chainId: number;
  now: number;
  actions: string[];
  skipped: string[];
  deployed: { circuitId: Hex; address: Address; codeHash: Hex }[];
  steps: { kind: TimelockKind; step: TimelockStep }[];
};

export async function runRestore(
  ctx: NetworkContext,
  chain: ChainContext,
  plan: RestorePlan,
  options: SafeRunOptions & { execute: boolean },
): Promise<RestoreResult> {
  const deployed: RestoreResult['deployed'] = [];
  const standard = [...plan.standard];
  if (plan.verifiers.length) {
    const record = deployedVerifiers(ctx, chain);
    for (const v of plan.verifiers) {
      let address = v.address;
      if (!address) {
        if (options.execute) {
          throw new ChainError(`The verifier for ${v.circuitId} was never deployed here`, {
            hint: 'Run the restore without --execute first',
          });
        }
        const wallet = ctx.wallet(chain);
        const hash = await wallet.sendTransaction({ data: initcodeFor(v.code) });
        const receipt = await chain.client.waitForTransactionReceipt({ hash });
        if (receipt.status !== 'success' || !receipt.contractAddress)
          throw new ChainError(`Deploying the verifier for ${v.circuitId} failed (${hash})`);
        address = receipt.contractAddress;
        record[v.codeHash] = address;
        deployed.push({ circuitId: v.circuitId, address, codeHash: v.codeHash });
        const f = recordFile(ctx, chain);
        mkdirSync(path.dirname(f), { recursive: true });
        writeFileSync(f, `${JSON.stringify({ verifiers: record }, null, 2)}\n`);
      }
      standard.push(
        preparePilCall(pilClient(ctx, chain), {
          contract: 'verifierRegistry',
          label: 'VerifierRegistry',
          abi: verifierRegistryAbi,
          functionName: 'setVerifier',
          args: [v.circuitId, address, v.vkHash, v.publicInputs],
        }),
      );
    }
  }
  const steps: RestoreResult['steps'] = [];
  const command = `pil state restore <file> --network ${ctx.network.name}`;
  for (const [kind, calls] of [
    ['standard', standard],
    ['emergency', plan.emergency],
  ] as const) {
    if (!calls.length) continue;
    steps.push({
      kind,
      step: await viaTimelock(
        ctx,
        chain,
        kind,
        calls,
        `RP-002 restore (${calls.length} call${calls.length > 1 ? 's' : ''})`,
        { ...options, command },
      ),
    });
  }
  return {
    chain: chain.config.name,
    chainId: chain.config.chainId,
    now: await chainNow(chain),
    actions: plan.actions,
    skipped: plan.skipped,
    deployed,
    steps,
  };
}
