// The PIL contracts as the CLI knows them: a short id used in configs and
// deployments files, the Solidity contract (artifact) name, and the runbook
// environment variable that may carry its address.

export const contractIds = [
  'orchestrator',
  'pc3',
  'pbp',
  'easc',
  'cdna',
  'verifierRegistry',
  'proofHub',
  'relayerRegistry',
] as const;
export type ContractId = (typeof contractIds)[number];

export const contractInfo: Record<ContractId, { artifact: string; envVar?: string }> = {
  orchestrator: { artifact: 'PILv2Orchestrator', envVar: 'ORCHESTRATOR_ADDRESS' },
  pc3: { artifact: 'ProofCarryingContainer', envVar: 'PC3_ADDRESS' },
  pbp: { artifact: 'PolicyBoundProofs', envVar: 'PBP_ADDRESS' },
  easc: { artifact: 'ExecutionAgnosticStateCommitments', envVar: 'EASC_ADDRESS' },
  cdna: { artifact: 'CrossDomainNullifierAlgebra', envVar: 'CDNA_ADDRESS' },
  verifierRegistry: { artifact: 'VerifierRegistry' },
  proofHub: { artifact: 'CrossChainProofHub' },
  relayerRegistry: { artifact: 'RelayerRegistry' },
};
