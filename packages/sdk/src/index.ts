/**
 * @pil/sdk — the browser-safe core: clients, contract actions, flows, notes and keys,
 * the commitment tree, payload encryption, errors and ABIs. Node-only parts (the
 * prover with its shipped circuit artifacts, deployments files on disk) are in
 * `@pil/sdk/node`.
 *
 * Explicit named exports only: index.test.ts snapshots this list.
 */

// --- ABIs
export * from './abi/index.js';
// --- actions: governance, relaying and recovery (prepare* return calls for a Safe or timelock)
export type {
  GetRoleHoldersErrorType,
  GetRoleHoldersParameters,
  GetRoleHoldersReturnType,
} from './actions/access/getRoleHolders.js';
export { getRoleHolders, knownRoleNames, roleIdOf } from './actions/access/getRoleHolders.js';
// --- actions: cdna
export type { GetDomainErrorType, GetDomainParameters, GetDomainReturnType } from './actions/cdna/getDomain.js';
export { getDomain } from './actions/cdna/getDomain.js';
export type {
  GetNullifierDomainErrorType,
  GetNullifierDomainParameters,
  GetNullifierDomainReturnType,
} from './actions/cdna/getNullifierDomain.js';
export { getNullifierDomain } from './actions/cdna/getNullifierDomain.js';
export type {
  IsMessageImportedErrorType,
  IsMessageImportedParameters,
  IsMessageImportedReturnType,
} from './actions/cdna/isMessageImported.js';
export { isMessageImported } from './actions/cdna/isMessageImported.js';
export type {
  IsNullifierConsumedErrorType,
  IsNullifierConsumedParameters,
  IsNullifierConsumedReturnType,
} from './actions/cdna/isNullifierConsumed.js';
export { isNullifierConsumed } from './actions/cdna/isNullifierConsumed.js';
// --- actions: easc
export type {
  AttestCommitmentErrorType,
  AttestCommitmentParameters,
  AttestCommitmentReturnType,
} from './actions/easc/attestCommitment.js';
export { attestCommitment } from './actions/easc/attestCommitment.js';
export type {
  GetAttestationDigestErrorType,
  GetAttestationDigestParameters,
  GetAttestationDigestReturnType,
} from './actions/easc/getAttestationDigest.js';
export { getAttestationDigest } from './actions/easc/getAttestationDigest.js';
export type { GetBackendErrorType, GetBackendParameters, GetBackendReturnType } from './actions/easc/getBackend.js';
export { getBackend } from './actions/easc/getBackend.js';
export type {
  GetPendingCommitmentErrorType,
  GetPendingCommitmentParameters,
  GetPendingCommitmentReturnType,
} from './actions/easc/getPendingCommitment.js';
export { getPendingCommitment } from './actions/easc/getPendingCommitment.js';
export type { HasAttestedErrorType, HasAttestedParameters, HasAttestedReturnType } from './actions/easc/hasAttested.js';
export { hasAttested } from './actions/easc/hasAttested.js';
export type {
  RegisterBackendErrorType,
  RegisterBackendParameters,
  RegisterBackendReturnType,
} from './actions/easc/registerBackend.js';
export { registerBackend } from './actions/easc/registerBackend.js';
// --- actions: shared
export type { WriteOptions, WriteResult } from './actions/internal/contract.js';
export type { PilEvent } from './actions/internal/events.js';
export { decodePilEvents, pilEventsAbi } from './actions/internal/events.js';
// --- actions: orchestrator
export type {
  GetComponentsErrorType,
  GetComponentsParameters,
  GetComponentsReturnType,
} from './actions/orchestrator/getComponents.js';
export { getComponents } from './actions/orchestrator/getComponents.js';
export type {
  GetPauseStateErrorType,
  GetPauseStateParameters,
  GetPauseStateReturnType,
} from './actions/orchestrator/getPauseState.js';
export { getPauseState } from './actions/orchestrator/getPauseState.js';
// --- actions: orchestrator
export type { IsPausedErrorType, IsPausedParameters, IsPausedReturnType } from './actions/orchestrator/isPaused.js';
export { isPaused } from './actions/orchestrator/isPaused.js';
export type {
  IsPausedForErrorType,
  IsPausedForParameters,
  IsPausedForReturnType,
} from './actions/orchestrator/isPausedFor.js';
export { isPausedFor } from './actions/orchestrator/isPausedFor.js';
export type { PauseErrorType, PauseParameters, PauseReturnType } from './actions/orchestrator/pause.js';
export { pause } from './actions/orchestrator/pause.js';
export type {
  PreparePauseErrorType,
  PreparePauseParameters,
  PreparePauseReturnType,
} from './actions/orchestrator/preparePause.js';
export { preparePause } from './actions/orchestrator/preparePause.js';
export type {
  PrepareUnpauseErrorType,
  PrepareUnpauseParameters,
  PrepareUnpauseReturnType,
} from './actions/orchestrator/prepareUnpause.js';
export { prepareUnpause } from './actions/orchestrator/prepareUnpause.js';
export type {
  TransitionErrorType,
  TransitionParameters,
  TransitionReturnType,
} from './actions/orchestrator/transition.js';
export { transition } from './actions/orchestrator/transition.js';
export type { UnpauseErrorType, UnpauseParameters, UnpauseReturnType } from './actions/orchestrator/unpause.js';
export { unpause } from './actions/orchestrator/unpause.js';
// --- actions: pbp
export type {
  DeactivatePolicyErrorType,
  DeactivatePolicyParameters,
  DeactivatePolicyReturnType,
} from './actions/pbp/deactivatePolicy.js';
export { deactivatePolicy } from './actions/pbp/deactivatePolicy.js';
export type { GetPolicyErrorType, GetPolicyParameters, GetPolicyReturnType } from './actions/pbp/getPolicy.js';
export { getPolicy } from './actions/pbp/getPolicy.js';
export type {
  IsPolicyActiveErrorType,
  IsPolicyActiveParameters,
  IsPolicyActiveReturnType,
} from './actions/pbp/isPolicyActive.js';
export { isPolicyActive } from './actions/pbp/isPolicyActive.js';
export type {
  ReactivatePolicyErrorType,
  ReactivatePolicyParameters,
  ReactivatePolicyReturnType,
} from './actions/pbp/reactivatePolicy.js';
export { reactivatePolicy } from './actions/pbp/reactivatePolicy.js';
export type {
  RegisterPolicyErrorType,
  RegisterPolicyParameters,
  RegisterPolicyReturnType,
} from './actions/pbp/registerPolicy.js';
export { registerPolicy } from './actions/pbp/registerPolicy.js';
// --- actions: pc3
export type {
  GetCurrentRootErrorType,
  GetCurrentRootParameters,
  GetCurrentRootReturnType,
} from './actions/pc3/getCurrentRoot.js';
export { getCurrentRoot } from './actions/pc3/getCurrentRoot.js';
export type {
  GetLocalDomainIdErrorType,
  GetLocalDomainIdParameters,
  GetLocalDomainIdReturnType,
} from './actions/pc3/getLocalDomainId.js';
export { getLocalDomainId } from './actions/pc3/getLocalDomainId.js';
export type { GetRootAtErrorType, GetRootAtParameters, GetRootAtReturnType } from './actions/pc3/getRootAt.js';
export { getRootAt } from './actions/pc3/getRootAt.js';
// --- actions: pc3
export type { GetTreeSizeErrorType, GetTreeSizeParameters, GetTreeSizeReturnType } from './actions/pc3/getTreeSize.js';
export { getTreeSize } from './actions/pc3/getTreeSize.js';
export type { IsKnownRootErrorType, IsKnownRootParameters, IsKnownRootReturnType } from './actions/pc3/isKnownRoot.js';
export { isKnownRoot } from './actions/pc3/isKnownRoot.js';
export type {
  SendConsumeContainerErrorType,
  SendConsumeContainerParameters,
  SendConsumeContainerReturnType,
} from './actions/pc3/sendConsumeContainer.js';
export { sendConsumeContainer } from './actions/pc3/sendConsumeContainer.js';
export type {
  SendCreateContainerErrorType,
  SendCreateContainerParameters,
  SendCreateContainerReturnType,
} from './actions/pc3/sendCreateContainer.js';
export { sendCreateContainer } from './actions/pc3/sendCreateContainer.js';
export type {
  SendExportContainerErrorType,
  SendExportContainerParameters,
  SendExportContainerReturnType,
} from './actions/pc3/sendExportContainer.js';
export { sendExportContainer } from './actions/pc3/sendExportContainer.js';
// --- actions: proofHub
export type {
  ClaimOwedFeesErrorType,
  ClaimOwedFeesParameters,
  ClaimOwedFeesReturnType,
} from './actions/proofHub/claimOwedFees.js';
export { claimOwedFees } from './actions/proofHub/claimOwedFees.js';
export type {
  FundFeePoolErrorType,
  FundFeePoolParameters,
  FundFeePoolReturnType,
} from './actions/proofHub/fundFeePool.js';
export { fundFeePool } from './actions/proofHub/fundFeePool.js';
export type {
  GetAcceptedRootAtErrorType,
  GetAcceptedRootAtParameters,
  GetAcceptedRootAtReturnType,
} from './actions/proofHub/getAcceptedRootAt.js';
export { getAcceptedRootAt } from './actions/proofHub/getAcceptedRootAt.js';
export type {
  CheckpointVote,
  GetCheckpointVotesErrorType,
  GetCheckpointVotesParameters,
  GetCheckpointVotesReturnType,
} from './actions/proofHub/getCheckpointVotes.js';
export { getCheckpointVotes } from './actions/proofHub/getCheckpointVotes.js';
export type {
  ExportedMessage,
  GetExportedMessagesErrorType,
  GetExportedMessagesParameters,
  GetExportedMessagesReturnType,
} from './actions/proofHub/getExportedMessages.js';
export { getExportedMessages } from './actions/proofHub/getExportedMessages.js';
export type { GetFeePoolErrorType, GetFeePoolParameters, GetFeePoolReturnType } from './actions/proofHub/getFeePool.js';
export { getFeePool } from './actions/proofHub/getFeePool.js';
export type {
  GetOutboxCountErrorType,
  GetOutboxCountParameters,
  GetOutboxCountReturnType,
} from './actions/proofHub/getOutboxCount.js';
export { getOutboxCount } from './actions/proofHub/getOutboxCount.js';
export type {
  GetOutboxRootErrorType,
  GetOutboxRootParameters,
  GetOutboxRootReturnType,
} from './actions/proofHub/getOutboxRoot.js';
export { getOutboxRoot } from './actions/proofHub/getOutboxRoot.js';
export type {
  GetOutboxRootAtErrorType,
  GetOutboxRootAtParameters,
  GetOutboxRootAtReturnType,
} from './actions/proofHub/getOutboxRootAt.js';
export { getOutboxRootAt } from './actions/proofHub/getOutboxRootAt.js';
export type {
  GetOwedFeesErrorType,
  GetOwedFeesParameters,
  GetOwedFeesReturnType,
} from './actions/proofHub/getOwedFees.js';
export { getOwedFees } from './actions/proofHub/getOwedFees.js';
export type {
  GetRemoteHubErrorType,
  GetRemoteHubParameters,
  GetRemoteHubReturnType,
} from './actions/proofHub/getRemoteHub.js';
export { getRemoteHub } from './actions/proofHub/getRemoteHub.js';
export type { HasVotedErrorType, HasVotedParameters, HasVotedReturnType } from './actions/proofHub/hasVoted.js';
export { hasVoted } from './actions/proofHub/hasVoted.js';
export type {
  ImportMessageErrorType,
  ImportMessageParameters,
  ImportMessageReturnType,
} from './actions/proofHub/importMessage.js';
export { importMessage } from './actions/proofHub/importMessage.js';
export type {
  IsAcceptedRootErrorType,
  IsAcceptedRootParameters,
  IsAcceptedRootReturnType,
} from './actions/proofHub/isAcceptedRoot.js';
export { isAcceptedRoot } from './actions/proofHub/isAcceptedRoot.js';
export type {
  PrepareImportMessageErrorType,
  PrepareImportMessageParameters,
  PrepareImportMessageReturnType,
} from './actions/proofHub/prepareImportMessage.js';
export { prepareImportMessage } from './actions/proofHub/prepareImportMessage.js';
export type {
  PrepareRecoverFundsErrorType,
  PrepareRecoverFundsParameters,
  PrepareRecoverFundsReturnType,
} from './actions/proofHub/prepareRecoverFunds.js';
export { prepareRecoverFunds } from './actions/proofHub/prepareRecoverFunds.js';
export type {
  PrepareSubmitCheckpointErrorType,
  PrepareSubmitCheckpointParameters,
  PrepareSubmitCheckpointReturnType,
} from './actions/proofHub/prepareSubmitCheckpoint.js';
export { prepareSubmitCheckpoint } from './actions/proofHub/prepareSubmitCheckpoint.js';
export type {
  SubmitCheckpointErrorType,
  SubmitCheckpointParameters,
  SubmitCheckpointReturnType,
} from './actions/proofHub/submitCheckpoint.js';
export { submitCheckpoint } from './actions/proofHub/submitCheckpoint.js';
export type {
  AddRelayerErrorType,
  AddRelayerParameters,
  AddRelayerReturnType,
} from './actions/relayerRegistry/addRelayer.js';
export { addRelayer } from './actions/relayerRegistry/addRelayer.js';
// --- actions: relayerRegistry
export type {
  GetActiveRelayerCountErrorType,
  GetActiveRelayerCountParameters,
  GetActiveRelayerCountReturnType,
} from './actions/relayerRegistry/getActiveRelayerCount.js';
export { getActiveRelayerCount } from './actions/relayerRegistry/getActiveRelayerCount.js';
export type {
  GetMinStakeErrorType,
  GetMinStakeParameters,
  GetMinStakeReturnType,
} from './actions/relayerRegistry/getMinStake.js';
export { getMinStake } from './actions/relayerRegistry/getMinStake.js';
export type {
  GetRelayerErrorType,
  GetRelayerParameters,
  GetRelayerReturnType,
} from './actions/relayerRegistry/getRelayer.js';
export { getRelayer } from './actions/relayerRegistry/getRelayer.js';
export type {
  GetRelayerQuorumErrorType,
  GetRelayerQuorumParameters,
  GetRelayerQuorumReturnType,
} from './actions/relayerRegistry/getRelayerQuorum.js';
export { getRelayerQuorum } from './actions/relayerRegistry/getRelayerQuorum.js';
export type {
  GetRelayerSetErrorType,
  GetRelayerSetParameters,
  GetRelayerSetReturnType,
  RelayerStatus,
} from './actions/relayerRegistry/getRelayerSet.js';
export { getRelayerSet } from './actions/relayerRegistry/getRelayerSet.js';
export type {
  GetRelayerSetEpochErrorType,
  GetRelayerSetEpochParameters,
  GetRelayerSetEpochReturnType,
} from './actions/relayerRegistry/getRelayerSetEpoch.js';
export { getRelayerSetEpoch } from './actions/relayerRegistry/getRelayerSetEpoch.js';
export type {
  IsRelayerActiveErrorType,
  IsRelayerActiveParameters,
  IsRelayerActiveReturnType,
} from './actions/relayerRegistry/isRelayerActive.js';
export { isRelayerActive } from './actions/relayerRegistry/isRelayerActive.js';
export type {
  PrepareAddRelayerErrorType,
  PrepareAddRelayerParameters,
  PrepareAddRelayerReturnType,
} from './actions/relayerRegistry/prepareAddRelayer.js';
export { prepareAddRelayer } from './actions/relayerRegistry/prepareAddRelayer.js';
export type {
  PrepareRecoverSlashedErrorType,
  PrepareRecoverSlashedParameters,
  PrepareRecoverSlashedReturnType,
} from './actions/relayerRegistry/prepareRecoverSlashed.js';
export { prepareRecoverSlashed } from './actions/relayerRegistry/prepareRecoverSlashed.js';
export type {
  PrepareRemoveRelayerErrorType,
  PrepareRemoveRelayerParameters,
  PrepareRemoveRelayerReturnType,
} from './actions/relayerRegistry/prepareRemoveRelayer.js';
export { prepareRemoveRelayer } from './actions/relayerRegistry/prepareRemoveRelayer.js';
export type {
  PrepareSlashEquivocationErrorType,
  PrepareSlashEquivocationParameters,
  PrepareSlashEquivocationReturnType,
} from './actions/relayerRegistry/prepareSlashEquivocation.js';
export { prepareSlashEquivocation } from './actions/relayerRegistry/prepareSlashEquivocation.js';
export type {
  PrepareSlashWrongCheckpointErrorType,
  PrepareSlashWrongCheckpointParameters,
  PrepareSlashWrongCheckpointReturnType,
} from './actions/relayerRegistry/prepareSlashWrongCheckpoint.js';
export { prepareSlashWrongCheckpoint } from './actions/relayerRegistry/prepareSlashWrongCheckpoint.js';
export type {
  RemoveRelayerErrorType,
  RemoveRelayerParameters,
  RemoveRelayerReturnType,
} from './actions/relayerRegistry/removeRelayer.js';
export { removeRelayer } from './actions/relayerRegistry/removeRelayer.js';
export type {
  RequestUnstakeErrorType,
  RequestUnstakeParameters,
  RequestUnstakeReturnType,
} from './actions/relayerRegistry/requestUnstake.js';
export { requestUnstake } from './actions/relayerRegistry/requestUnstake.js';
export type {
  SlashEquivocationErrorType,
  SlashEquivocationParameters,
  SlashEquivocationReturnType,
} from './actions/relayerRegistry/slashEquivocation.js';
export { slashEquivocation } from './actions/relayerRegistry/slashEquivocation.js';
export type {
  SlashWrongCheckpointErrorType,
  SlashWrongCheckpointParameters,
  SlashWrongCheckpointReturnType,
} from './actions/relayerRegistry/slashWrongCheckpoint.js';
export { slashWrongCheckpoint } from './actions/relayerRegistry/slashWrongCheckpoint.js';
export type { StakeErrorType, StakeParameters, StakeReturnType } from './actions/relayerRegistry/stake.js';
export { stake } from './actions/relayerRegistry/stake.js';
export type {
  WithdrawStakeErrorType,
  WithdrawStakeParameters,
  WithdrawStakeReturnType,
} from './actions/relayerRegistry/withdrawStake.js';
export { withdrawStake } from './actions/relayerRegistry/withdrawStake.js';
// --- actions: shared
export type {
  GetPilEventsErrorType,
  GetPilEventsParameters,
  GetPilEventsReturnType,
} from './actions/shared/getPilEvents.js';
export { getPilEvents, pilEvent } from './actions/shared/getPilEvents.js';
export type { HasRoleErrorType, HasRoleParameters, HasRoleReturnType } from './actions/shared/hasRole.js';
export { hasRole, roleId } from './actions/shared/hasRole.js';
export type {
  PrepareUpgradeErrorType,
  PrepareUpgradeParameters,
  PrepareUpgradeReturnType,
} from './actions/shared/prepareUpgrade.js';
export { IMPLEMENTATION_SLOT, prepareUpgrade } from './actions/shared/prepareUpgrade.js';
export type {
  WatchPilEventsErrorType,
  WatchPilEventsParameters,
  WatchPilEventsReturnType,
} from './actions/shared/watchPilEvents.js';
export { watchPilEvents } from './actions/shared/watchPilEvents.js';
export type {
  ExecuteOperationErrorType,
  ExecuteOperationParameters,
  ExecuteOperationReturnType,
} from './actions/timelock/executeOperation.js';
export { executeOperation } from './actions/timelock/executeOperation.js';
export type {
  GetOperationStatusErrorType,
  GetOperationStatusParameters,
  GetOperationStatusReturnType,
  OperationStatus,
} from './actions/timelock/getOperationStatus.js';
export { getOperationStatus } from './actions/timelock/getOperationStatus.js';
export type {
  GetOperationsErrorType,
  GetOperationsParameters,
  GetOperationsReturnType,
  TimelockOperation,
} from './actions/timelock/getOperations.js';
export { getOperations } from './actions/timelock/getOperations.js';
export type {
  PrepareCancelErrorType,
  PrepareCancelParameters,
  PrepareCancelReturnType,
} from './actions/timelock/prepareCancel.js';
export { prepareCancel } from './actions/timelock/prepareCancel.js';
export type {
  PrepareScheduleErrorType,
  PrepareScheduleParameters,
  PrepareScheduleReturnType,
  TimelockCall,
} from './actions/timelock/prepareSchedule.js';
export { prepareSchedule, timelockOperationId } from './actions/timelock/prepareSchedule.js';
export { timelockAbi } from './actions/timelock/timelockAbi.js';
// --- actions: verifierRegistry
export type {
  GetVerifierErrorType,
  GetVerifierParameters,
  GetVerifierReturnType,
} from './actions/verifierRegistry/getVerifier.js';
export { getVerifier } from './actions/verifierRegistry/getVerifier.js';
export type {
  PrepareSetVerifierErrorType,
  PrepareSetVerifierParameters,
  PrepareSetVerifierReturnType,
} from './actions/verifierRegistry/prepareSetVerifier.js';
export { prepareSetVerifier } from './actions/verifierRegistry/prepareSetVerifier.js';
export type {
  VerifyProofOnChainErrorType,
  VerifyProofOnChainParameters,
  VerifyProofOnChainReturnType,
} from './actions/verifierRegistry/verifyProofOnChain.js';
export { verifyProofOnChain } from './actions/verifierRegistry/verifyProofOnChain.js';
// --- clients
export type { PilAddresses, PilContractId, PilDeployment, PilPolicy } from './clients/addresses.js';
export { parseDeployment, pilContractIds } from './clients/addresses.js';
export type { CreatePilClientParameters, PilClient, PilClientWithActions } from './clients/createPilClient.js';
export { createPilBaseClient, createPilClient } from './clients/createPilClient.js';
export type { PilActions } from './clients/decorators.js';
export { pilActions } from './clients/decorators.js';
export { getPilAddress, getWallet, resolvePolicy } from './clients/resolve.js';
// --- cryptography and encryption
export * from './crypto/index.js';
export type { EncryptionKeyPair } from './encryption/payload.js';
export {
  decryptPayload,
  encryptPayload,
  generateEncryptionKeyPair,
  matchesViewTag,
  PAYLOAD_VERSION,
  PayloadDecryptionError,
} from './encryption/payload.js';
// --- errors
export * from './errors/index.js';
// --- flows
export type {
  ConsumeContainerErrorType,
  ConsumeContainerParameters,
  ConsumeContainerReturnType,
} from './flows/consumeContainer.js';
export { consumeContainer } from './flows/consumeContainer.js';
export type {
  CreateContainerErrorType,
  CreateContainerParameters,
  CreateContainerReturnType,
} from './flows/createContainer.js';
export { createContainer } from './flows/createContainer.js';
export type {
  ExportContainerErrorType,
  ExportContainerParameters,
  ExportContainerReturnType,
} from './flows/exportContainer.js';
export { exportContainer } from './flows/exportContainer.js';
export type {
  ImportContainerErrorType,
  ImportContainerParameters,
  ImportContainerReturnType,
} from './flows/importContainer.js';
export { importContainer } from './flows/importContainer.js';
export type { OutboxEntry } from './flows/outbox.js';
export { getOutboxCheckpoint, getOutboxMessage, getOutboxMessages, signCheckpoint } from './flows/outbox.js';
export type { PreparedSpend } from './flows/spend.js';
export { prepareSpend } from './flows/spend.js';
export type {
  WaitForImportErrorType,
  WaitForImportParameters,
  WaitForImportReturnType,
} from './flows/waitForImport.js';
export { waitForImport } from './flows/waitForImport.js';
// --- keys and notes
export type { PilAccount, PilRecipient } from './keys/account.js';
export { accountFromSeed, decodeRecipient, encodeRecipient, generateSeed, toRecipient } from './keys/account.js';
export type { RecipientRecord } from './keys/registry.js';
export {
  RECIPIENT_DOMAIN,
  RECIPIENT_ENS_TEXT_KEY,
  RECIPIENT_TYPES,
  signRecipientRecord,
  verifyRecipientRecord,
} from './keys/registry.js';
export type { Note, NoteContents, OwnedNote } from './notes/note.js';
export { createNote, decodeNotePlaintext, encodeNotePlaintext, toOwnedNote, tryOpenNote } from './notes/note.js';
export type { NoteScanCursor, ScanNotesParameters, ScanNotesReturnType, ScannedNote } from './notes/scan.js';
export { scanNotes } from './notes/scan.js';
// --- prover (browser-safe; @pil/sdk/node adds the shipped artifacts)
export type {
  CircuitArtifacts,
  CircuitInput,
  CircuitName,
  Groth16Proof,
  ProofResult,
  Prover,
  VerificationKey,
} from './prover/prover.js';
export {
  CIRCUIT_IDS,
  CIRCUITS,
  createProver,
  fromContractProof,
  normalizeInput,
  PUBLIC_INPUTS,
  terminateProverThreads,
  toContractProof,
  verifyProof,
} from './prover/prover.js';
// --- commitment tree
export type { GetCommitmentTreeParameters, GetTreeLeavesParameters, SyncedTree, TreeLeafEvent } from './tree/sync.js';
export { getCommitmentTree, getTreeLeaves } from './tree/sync.js';
// --- types
export type { CheckpointStruct, ContractProof, SpendArgs } from './types/proof.js';
