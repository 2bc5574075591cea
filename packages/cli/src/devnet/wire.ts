// Wiring after deployment, on one devnet chain:
//   1. roles: the deployer takes the roles the wiring needs (verifier, policy,
//      relayer admin) next to the admin role each initializer gave it;
//   2. the orchestrator learns its components; CDNA its callers and the peer
//      chains' domains; EASC its container;
//   3. the Groth16 verifiers of both circuits are deployed and registered with
//      the vkHash from circuits/keys/<circuit>/info.json;
//   4. a default policy is registered;
//   5. the devnet relayer set (3 keys, quorum 2) is admitted and staked;
//   6. governance: the Safe contracts and a 2-of-3 Safe of the devnet owner
//      keys, the 48 h and 6 h TimelockControllers (src/governance/deploy.ts).
// The hand-over (roles to the Safe/timelocks, the deployer renounces every
// role) is `handOverDevnet`, run by up.ts after the hubs are linked.
// A step whose contract (or key, or verifier) does not exist yet is reported as
// skipped with the reason; a step that exists but fails stops the devnet.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Address, keccak256, toBytes, zeroAddress } from 'viem';
import { z } from 'zod';
import { type ContractId, contractInfo } from '../contracts.js';
import type { DevnetPolicy } from '../deployments/schema.js';
import { DeploymentError } from '../errors.js';
import { deployDevnetGovernance, type GovernanceDeployment, handOver } from '../governance/deploy.js';
import type { Logger } from '../logger.js';
import type { ArtifactStore } from './artifacts.js';
import type { DeployedProxy, Deployer } from './deployer.js';
import { defaultPolicy } from './policy.js';
import { wireRelayers } from './relayers.js';
import { roleId } from './roles.js';

export type WiringStep = { step: string; status: 'done' | 'skipped'; reason?: string };
export type WiringReport = {
  steps: WiringStep[];
  auxiliary: Record<string, Address>;
  policies: Record<string, DevnetPolicy>;
  relayers?: { accounts: Address[]; quorum: number };
  governance?: GovernanceDeployment;
};

export type WireOptions = {
  deployer: Deployer;
  artifacts: ArtifactStore;
  proxies: Partial<Record<ContractId, DeployedProxy>>;
  repoRoot: string;
  chainId: number;
  /** Every chain of the devnet (for peer domains). */
  chainIds: number[];
  logger: Logger;
};

/** The roles of protocol §8 (DEFAULT_ADMIN_ROLE is granted by each initializer). */
export const roleNames = [
  'UPGRADER_ROLE',
  'VERIFIER_ADMIN_ROLE',
  'POLICY_ADMIN_ROLE',
  'RECOVERY_ROLE',
  'GUARDIAN_ROLE',
  'UNPAUSER_ROLE',
  'RELAYER_ADMIN_ROLE',
] as const;

/** ETH put into each hub's fee pool (relayer reimbursement; above the runbook's 1 ETH warning). */
export const DEVNET_FEE_POOL = 10n * 10n ** 18n;

export const circuits = [
  { circuit: 'container_create', id: keccak256(toBytes('pil.container_create.v1')) },
  { circuit: 'container_spend', id: keccak256(toBytes('pil.container_spend.v1')) },
] as const;

const circuitInfoSchema = z
  .object({
    circuit: z.string(),
    circuitId: z.string().regex(/^0x[0-9a-f]{64}$/i),
    vkHash: z.string().regex(/^0x[0-9a-f]{64}$/i),
    publicInputs: z.array(z.string()).min(1),
  })
  .loose();

export async function wire(options: WireOptions): Promise<WiringReport> {
  const { deployer, artifacts, proxies, logger } = options;
  const steps: WiringStep[] = [];
  const auxiliary: Record<string, Address> = {};
  const policies: Record<string, DevnetPolicy> = {};
  const abi = (id: ContractId) => artifacts.get(contractInfo[id].artifact).abi;
  const call = (id: ContractId, fn: string, args: readonly unknown[]) =>
    deployer.call(proxies[id]!.proxy, abi(id), fn, args, contractInfo[id].artifact);
  const skip = (step: string, reason: string) => {
    steps.push({ step, status: 'skipped', reason });
    logger.debug({ step, reason }, 'wiring step skipped');
  };
  const done = (step: string) => steps.push({ step, status: 'done' });
  const absent = (ids: ContractId[]) => ids.filter((id) => !proxies[id]);
  const addr = (id: ContractId): Address => proxies[id]?.proxy ?? zeroAddress;

  // 1. Roles: the deployer (admin from each initializer) takes only the roles the
  // wiring below uses; the hand-over gives every role to governance and renounces these.
  const admin = deployer.account;
  const wiringRoles: [ContractId, string][] = [
    ['verifierRegistry', 'VERIFIER_ADMIN_ROLE'],
    ['pbp', 'POLICY_ADMIN_ROLE'],
    ['relayerRegistry', 'RELAYER_ADMIN_ROLE'],
  ];
  for (const [id, role] of wiringRoles) if (proxies[id]) await call(id, 'grantRole', [roleId(role), admin]);
  done('roles (deployer: admin plus the wiring roles, until the hand-over)');

  // 2. Components.
  if (absent(['orchestrator']).length) skip('orchestrator components', 'not deployed: orchestrator');
  else {
    await call('orchestrator', 'setComponents', [
      {
        container: addr('pc3'),
        policies: addr('pbp'),
        stateCommitments: addr('easc'),
        nullifiers: addr('cdna'),
        verifierRegistry: addr('verifierRegistry'),
        hub: addr('proofHub'),
        relayerRegistry: addr('relayerRegistry'),
      },
    ]);
    const missing = absent(['pc3', 'pbp', 'easc', 'cdna', 'verifierRegistry', 'proofHub', 'relayerRegistry']);
    if (missing.length) skip('orchestrator components (complete)', `set to zero: ${missing.join(', ')}`);
    else done('orchestrator components');
  }
  if (proxies.cdna) {
    await call('cdna', 'setCallers', [addr('pc3'), addr('proofHub')]);
    const appId = keccak256(toBytes('PIL.v2'));
    for (const peer of options.chainIds.filter((c) => c !== options.chainId)) {
      await call('cdna', 'registerDomain', [BigInt(peer), appId]);
    }
    const missing = absent(['pc3', 'proofHub']);
    if (missing.length) skip('CDNA callers', `set to zero: ${missing.join(', ')}`);
    else done('CDNA callers and peer domains');
  } else skip('CDNA callers and peer domains', 'not deployed: cdna');
  if (proxies.easc && proxies.pc3) {
    await call('easc', 'setContainer', [addr('pc3')]);
    done('EASC container');
  } else skip('EASC container', `not deployed: ${absent(['easc', 'pc3']).join(', ')}`);

  if (proxies.proofHub && proxies.pc3 && proxies.cdna && proxies.relayerRegistry) {
    await call('proofHub', 'setDependencies', [addr('pc3'), addr('cdna'), addr('relayerRegistry')]);
    await deployer.call(addr('proofHub'), abi('proofHub'), 'fundFeePool', [], 'CrossChainProofHub', DEVNET_FEE_POOL);
    done('hub dependencies and fee pool (10 ETH)');
  } else
    skip(
      'hub dependencies and fee pool',
      `not deployed: ${absent(['proofHub', 'pc3', 'cdna', 'relayerRegistry']).join(', ')}`,
    );

  // 3. Verifiers.
  for (const { circuit, id } of circuits) {
    const step = `verifier ${circuit}`;
    if (!proxies.verifierRegistry) {
      skip(step, 'not deployed: verifierRegistry');
      continue;
    }
    const infoFile = path.join(options.repoRoot, 'circuits', 'keys', circuit, 'info.json');
    if (!existsSync(infoFile)) {
      skip(step, `no key info at circuits/keys/${circuit}/info.json`);
      continue;
    }
    const info = circuitInfoSchema.parse(JSON.parse(readFileSync(infoFile, 'utf8')));
    if (info.circuitId.toLowerCase() !== id) {
      throw new DeploymentError(
        `circuits/keys/${circuit}/info.json has circuitId ${info.circuitId}, the protocol says ${id}`,
      );
    }
    const verifierName = findVerifier(artifacts, circuit);
    if (!verifierName) {
      skip(step, `no verifier contract for ${circuit} under contracts/src/verifiers`);
      continue;
    }
    const verifier = await deployer.deploy(verifierName);
    auxiliary[verifierName] = verifier.address;
    await call('verifierRegistry', 'setVerifier', [id, verifier.address, info.vkHash, info.publicInputs.length]);
    done(step);
  }

  // 4. Default policy.
  if (proxies.pbp) {
    const policy = await defaultPolicy(circuits[0].id, circuits[1].id);
    await call('pbp', 'registerPolicy', [
      BigInt(policy.policyHash),
      policy.createCircuitId,
      policy.spendCircuitId,
      policy.attestationQuorum,
    ]);
    policies[policy.name] = policy;
    done(`policy "${policy.name}"`);
  } else skip('default policy', 'not deployed: pbp');

  // 5. Relayers.
  let relayers: WiringReport['relayers'];
  if (proxies.relayerRegistry) {
    relayers = await wireRelayers({
      deployer,
      address: addr('relayerRegistry'),
      abi: abi('relayerRegistry'),
      hub: addr('proofHub'),
    });
    done('relayer set (3 relayers, quorum 2)');
  } else skip('relayer set (3 relayers, quorum 2)', 'not deployed: relayerRegistry');

  // 6. Governance.
  const governance = await deployDevnetGovernance(deployer);
  auxiliary.Safe = governance.safe;
  auxiliary.StandardTimelock = governance.standardTimelock;
  auxiliary.EmergencyTimelock = governance.emergencyTimelock;
  done('governance (Safe 2-of-3, 48 h and 6 h timelocks)');

  return { steps, auxiliary, policies, governance, ...(relayers ? { relayers } : {}) };
}

/** Roles to the Safe and the timelocks (protocol §8); the deployer renounces every role it holds. */
export async function handOverDevnet(
  deployer: Deployer,
  proxies: Partial<Record<ContractId, DeployedProxy>>,
  report: WiringReport,
): Promise<void> {
  if (!report.governance) return;
  await handOver(deployer, proxies, report.governance);
  report.steps.push({ step: 'hand-over (deployer renounced every role)', status: 'done' });
}

/** The verifier contract of a circuit: a contract under src/verifiers whose name mentions it. */
export function findVerifier(artifacts: ArtifactStore, circuit: string): string | undefined {
  const key = circuit.replace(/_/g, '').toLowerCase();
  return artifacts
    .list()
    .map((a) => a.name)
    .filter((name) => name.toLowerCase().includes(key) && /verifier/i.test(name) && !/^I[A-Z]/.test(name))
    .find((name) => artifacts.get(name).sourcePath.startsWith('src/verifiers/'));
}
