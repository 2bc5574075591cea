// ABIs the governance flows speak: ours (generated in @pil/sdk), the
// OpenZeppelin TimelockController and the Safe 1.4.1 contracts (shipped
// artifacts, read from node_modules: no network).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Abi } from 'viem';
import * as generated from '../../../sdk/src/abi/generated/index.js';
import { safeArtifactsDir } from './deploy.js';

const require = createRequire(import.meta.url);

export { timelockAbi } from '../../../sdk/src/actions/timelock/timelockAbi.js';

function hardhatAbi(file: string): Abi {
  return (JSON.parse(readFileSync(file, 'utf8')) as { abi: Abi }).abi;
}

let safeAbis: { safe: Abi; multiSend: Abi; factory: Abi } | undefined;
/** SafeL2, MultiSend and SafeProxyFactory ABIs (1.4.1). */
export function safeContractAbis(): { safe: Abi; multiSend: Abi; factory: Abi } {
  safeAbis ??= {
    safe: hardhatAbi(path.join(safeArtifactsDir(), 'SafeL2.sol', 'SafeL2.json')),
    multiSend: hardhatAbi(path.join(safeArtifactsDir(), 'libraries', 'MultiSend.sol', 'MultiSend.json')),
    factory: hardhatAbi(path.join(safeArtifactsDir(), 'proxies', 'SafeProxyFactory.sol', 'SafeProxyFactory.json')),
  };
  return safeAbis;
}

let timelockFull: Abi | undefined;
/** The complete TimelockController ABI of the OpenZeppelin build we deploy. */
export function timelockFullAbi(): Abi {
  timelockFull ??= hardhatAbi(require.resolve('@openzeppelin/contracts/build/contracts/TimelockController.json'));
  return timelockFull;
}

/** Our contracts' ABIs by contract name (implementations, not interfaces). */
export function pilAbis(): { name: string; abi: Abi }[] {
  const names: [string, Abi][] = [
    ['PILv2Orchestrator', generated.pilv2OrchestratorAbi],
    ['ProofCarryingContainer', generated.proofCarryingContainerAbi],
    ['PolicyBoundProofs', generated.policyBoundProofsAbi],
    ['ExecutionAgnosticStateCommitments', generated.executionAgnosticStateCommitmentsAbi],
    ['CrossDomainNullifierAlgebra', generated.crossDomainNullifierAlgebraAbi],
    ['VerifierRegistry', generated.verifierRegistryAbi],
    ['CrossChainProofHub', generated.crossChainProofHubAbi],
    ['RelayerRegistry', generated.relayerRegistryAbi],
    ['ERC1967Proxy', generated.erc1967ProxyAbi],
  ];
  return names.map(([name, abi]) => ({ name, abi }));
}

/** Every ABI `pil decode` knows, ours first. */
export function allAbis(): { name: string; abi: Abi }[] {
  const s = safeContractAbis();
  return [
    ...pilAbis(),
    { name: 'TimelockController', abi: timelockFullAbi() },
    { name: 'Safe', abi: s.safe },
    { name: 'MultiSend', abi: s.multiSend },
    { name: 'SafeProxyFactory', abi: s.factory },
  ];
}
