import type { Abi } from 'viem';
import { formatAbiItem } from 'viem/utils';

type AbiError = Extract<Abi[number], { type: 'error' }>;

import {
  crossChainProofHubAbi,
  crossDomainNullifierAlgebraAbi,
  executionAgnosticStateCommitmentsAbi,
  pilv2OrchestratorAbi,
  policyBoundProofsAbi,
  proofCarryingContainerAbi,
  relayerRegistryAbi,
  verifierRegistryAbi,
} from '../abi/generated/index.js';

/**
 * Every custom error any PIL contract can revert with, deduplicated by signature. A revert
 * bubbles up through calls (PC3 → CDNA), so errors are decoded against all of them.
 */
export const pilErrorsAbi: readonly AbiError[] = (() => {
  const seen = new Map<string, AbiError>();
  const abis: Abi[] = [
    proofCarryingContainerAbi,
    crossChainProofHubAbi,
    crossDomainNullifierAlgebraAbi,
    executionAgnosticStateCommitmentsAbi,
    pilv2OrchestratorAbi,
    policyBoundProofsAbi,
    relayerRegistryAbi,
    verifierRegistryAbi,
  ] as Abi[];
  for (const abi of abis) {
    for (const item of abi) {
      if (item.type === 'error') seen.set(formatAbiItem(item), item);
    }
  }
  return [...seen.values()];
})();
