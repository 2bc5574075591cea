/**
 * What the indexer uses of the SDK and of the governance ABIs (from source, like the relayer,
 * the monitor and the CLI): our contracts' generated ABIs, the OpenZeppelin TimelockController
 * and the Safe (SafeL2 1.4.1) ABIs, read from the shipped artifacts (no network).
 */

export { safeContractAbis, timelockFullAbi } from '../../../packages/cli/src/governance/abis.js';
export {
  crossChainProofHubAbi,
  crossDomainNullifierAlgebraAbi,
  erc1967ProxyAbi,
  executionAgnosticStateCommitmentsAbi,
  pilv2OrchestratorAbi,
  policyBoundProofsAbi,
  proofCarryingContainerAbi,
  relayerRegistryAbi,
  verifierRegistryAbi,
} from '../../../packages/sdk/src/abi/generated/index.js';
