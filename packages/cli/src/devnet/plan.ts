// What the devnet deploys on each chain, and how it is wired. Contract
// addresses are predicted from the deployer's nonce before anything is sent,
// so an initializer may name any other PIL proxy (including ones deployed
// after it). Initializer arguments are resolved by parameter name.
import { type Abi, type AbiFunction, type AbiParameter, type Address, zeroAddress } from 'viem';
import { type ContractId, contractIds, contractInfo } from '../contracts.js';
import { DeploymentError } from '../errors.js';
import type { ArtifactStore } from './artifacts.js';
import type { DeployedProxy, Deployer } from './deployer.js';

/** Deployment order: dependencies first (it only matters for initializers that call other contracts). */
export const deployOrder: readonly ContractId[] = [
  'verifierRegistry',
  'pbp',
  'cdna',
  'easc',
  'pc3',
  'relayerRegistry',
  'proofHub',
  'orchestrator',
];

/** Parameter-name aliases (lower case, underscores stripped) → the PIL contract they name. */
const contractAliases: Record<string, ContractId> = {
  orchestrator: 'orchestrator',
  pilv2orchestrator: 'orchestrator',
  pc3: 'pc3',
  container: 'pc3',
  containers: 'pc3',
  proofcarryingcontainer: 'pc3',
  pbp: 'pbp',
  policies: 'pbp',
  policyregistry: 'pbp',
  policyboundproofs: 'pbp',
  easc: 'easc',
  commitments: 'easc',
  executionagnosticstatecommitments: 'easc',
  cdna: 'cdna',
  nullifiers: 'cdna',
  crossdomainnullifieralgebra: 'cdna',
  verifierregistry: 'verifierRegistry',
  verifiers: 'verifierRegistry',
  registry: 'verifierRegistry',
  statecommitments: 'easc',
  hub: 'proofHub',
  proofhub: 'proofHub',
  crosschainproofhub: 'proofHub',
  relayerregistry: 'relayerRegistry',
  relayers: 'relayerRegistry',
};

/** Accounts that hold roles on the devnet (the deployer until governance contracts take over). */
const adminAliases = new Set([
  'admin',
  'initialadmin',
  'defaultadmin',
  'owner',
  'initialowner',
  'governance',
  'guardian',
  'upgrader',
  'pauser',
  'unpauser',
  'verifieradmin',
  'policyadmin',
  'relayeradmin',
  'recovery',
  'timelock',
  'emergencytimelock',
  'safe',
]);

export type PlanValues = {
  admin: Address;
  /** Extra named values for initializer parameters (numbers, addresses), keyed by normalized name. */
  named: Record<string, unknown>;
};

/** Initializer values of the devnet that are not addresses (RelayerRegistry: stake, unbonding, initial quorum). */
export const devnetNamedValues: Record<string, unknown> = {
  minstake: 10n ** 18n,
  unbondingperiod: 3600n,
  // The registry needs a quorum of at least 1 at initialization; it becomes 2 once relayers are staked.
  quorum: 1n,
};

export function normalizeParamName(name: string | undefined): string {
  return (name ?? '').replace(/_/g, '').toLowerCase();
}

export function resolveArgs(
  contract: string,
  fn: AbiFunction,
  addresses: Partial<Record<ContractId, Address>>,
  values: PlanValues,
): unknown[] {
  const resolve = (input: AbiParameter, where: string): unknown => {
    const key = normalizeParamName(input.name);
    if (key in values.named) return values.named[key];
    if (input.type === 'tuple' && 'components' in input) {
      return Object.fromEntries(input.components.map((c) => [c.name, resolve(c, `${where}.${c.name}`)]));
    }
    if (input.type === 'address') {
      if (adminAliases.has(key)) return values.admin;
      const id = contractAliases[key] ?? contractAliases[key.replace(/(address|contract|addr)$/, '')];
      if (id) return addresses[id] ?? zeroAddress;
    }
    throw new DeploymentError(
      `Cannot resolve initializer argument ${contract}.${fn.name}(… ${input.type} ${where} …)`,
      {
        hint: 'Add it to the devnet plan (packages/cli/src/devnet/plan.ts)',
      },
    );
  };
  return fn.inputs.map((input) => resolve(input, input.name ?? '?'));
}

export function initializerOf(abi: Abi): AbiFunction | undefined {
  return abi.find((i): i is AbiFunction => i.type === 'function' && i.name === 'initialize');
}

export type PlanResult = {
  proxies: Partial<Record<ContractId, DeployedProxy>>;
  /** PIL contracts with no build artifact (not written yet). */
  missing: ContractId[];
};

/** Deploys every PIL contract that has an artifact, each behind an ERC1967Proxy, initialized in one step. */
export async function deployProxies(
  deployer: Deployer,
  artifacts: ArtifactStore,
  values: PlanValues,
): Promise<PlanResult> {
  const present = deployOrder.filter((id) => artifacts.has(contractInfo[id].artifact));
  const missing = contractIds.filter((id) => !present.includes(id));
  // Libraries first, so that the nonces of the implementation/proxy pairs are known.
  for (const id of present) await deployer.linkFor(artifacts.get(contractInfo[id].artifact));
  const predicted: Partial<Record<ContractId, Address>> = {};
  for (const [i, id] of present.entries()) predicted[id] = await deployer.predictAddress(2 * i + 1);
  const proxies: Partial<Record<ContractId, DeployedProxy>> = {};
  for (const id of present) {
    const { artifact: name } = contractInfo[id];
    const init = initializerOf(artifacts.get(name).abi);
    const args = init ? resolveArgs(name, init, predicted, values) : [];
    const deployed = await deployer.deployProxy(name, init?.name, args);
    if (deployed.proxy.toLowerCase() !== predicted[id]!.toLowerCase()) {
      throw new DeploymentError(`${name} proxy landed at ${deployed.proxy}, not at the predicted ${predicted[id]}`);
    }
    deployer.logger.debug({ contract: name, proxy: deployed.proxy }, 'deployed');
    proxies[id] = deployed;
  }
  return { proxies, missing };
}
