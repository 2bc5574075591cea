/**
 * Every contract action, by name. One action per file under actions/<contract>/,
 * each exporting XParameters, XReturnType, XErrorType and `x(client, params)`.
 * Adding an action: write the file, export it from src/index.ts, and list it here
 * so that `createPilClient` binds it as a method (the exports snapshot test shows
 * the change).
 */

import { getRoleHolders } from './access/getRoleHolders.js';
import { getDomain } from './cdna/getDomain.js';
import { getNullifierDomain } from './cdna/getNullifierDomain.js';
import { isMessageImported } from './cdna/isMessageImported.js';
import { isNullifierConsumed } from './cdna/isNullifierConsumed.js';
import { attestCommitment } from './easc/attestCommitment.js';
import { getAttestationDigest } from './easc/getAttestationDigest.js';
import { getBackend } from './easc/getBackend.js';
import { getPendingCommitment } from './easc/getPendingCommitment.js';
import { hasAttested } from './easc/hasAttested.js';
import { registerBackend } from './easc/registerBackend.js';
import { getComponents } from './orchestrator/getComponents.js';
import { getPauseState } from './orchestrator/getPauseState.js';
import { isPaused } from './orchestrator/isPaused.js';
import { isPausedFor } from './orchestrator/isPausedFor.js';
import { pause } from './orchestrator/pause.js';
import { preparePause } from './orchestrator/preparePause.js';
import { prepareUnpause } from './orchestrator/prepareUnpause.js';
import { transition } from './orchestrator/transition.js';
import { unpause } from './orchestrator/unpause.js';
import { deactivatePolicy } from './pbp/deactivatePolicy.js';
import { getPolicy } from './pbp/getPolicy.js';
import { isPolicyActive } from './pbp/isPolicyActive.js';
import { reactivatePolicy } from './pbp/reactivatePolicy.js';
import { registerPolicy } from './pbp/registerPolicy.js';
import { getCurrentRoot } from './pc3/getCurrentRoot.js';
import { getLocalDomainId } from './pc3/getLocalDomainId.js';
import { getRootAt } from './pc3/getRootAt.js';
import { getTreeSize } from './pc3/getTreeSize.js';
import { isKnownRoot } from './pc3/isKnownRoot.js';
import { sendConsumeContainer } from './pc3/sendConsumeContainer.js';
import { sendCreateContainer } from './pc3/sendCreateContainer.js';
import { sendExportContainer } from './pc3/sendExportContainer.js';
import { claimOwedFees } from './proofHub/claimOwedFees.js';
import { fundFeePool } from './proofHub/fundFeePool.js';
import { getAcceptedRootAt } from './proofHub/getAcceptedRootAt.js';
import { getCheckpointVotes } from './proofHub/getCheckpointVotes.js';
import { getExportedMessages } from './proofHub/getExportedMessages.js';
import { getFeePool } from './proofHub/getFeePool.js';
import { getOutboxCount } from './proofHub/getOutboxCount.js';
import { getOutboxRoot } from './proofHub/getOutboxRoot.js';
import { getOutboxRootAt } from './proofHub/getOutboxRootAt.js';
import { getOwedFees } from './proofHub/getOwedFees.js';
import { getRemoteHub } from './proofHub/getRemoteHub.js';
import { hasVoted } from './proofHub/hasVoted.js';
import { importMessage } from './proofHub/importMessage.js';
import { isAcceptedRoot } from './proofHub/isAcceptedRoot.js';
import { prepareImportMessage } from './proofHub/prepareImportMessage.js';
import { prepareRecoverFunds } from './proofHub/prepareRecoverFunds.js';
import { prepareSubmitCheckpoint } from './proofHub/prepareSubmitCheckpoint.js';
import { submitCheckpoint } from './proofHub/submitCheckpoint.js';
import { addRelayer } from './relayerRegistry/addRelayer.js';
import { getActiveRelayerCount } from './relayerRegistry/getActiveRelayerCount.js';
import { getMinStake } from './relayerRegistry/getMinStake.js';
import { getRelayer } from './relayerRegistry/getRelayer.js';
import { getRelayerQuorum } from './relayerRegistry/getRelayerQuorum.js';
import { getRelayerSet } from './relayerRegistry/getRelayerSet.js';
import { getRelayerSetEpoch } from './relayerRegistry/getRelayerSetEpoch.js';
import { isRelayerActive } from './relayerRegistry/isRelayerActive.js';
import { prepareAddRelayer } from './relayerRegistry/prepareAddRelayer.js';
import { prepareRecoverSlashed } from './relayerRegistry/prepareRecoverSlashed.js';
import { prepareRemoveRelayer } from './relayerRegistry/prepareRemoveRelayer.js';
import { prepareSlashEquivocation } from './relayerRegistry/prepareSlashEquivocation.js';
import { prepareSlashWrongCheckpoint } from './relayerRegistry/prepareSlashWrongCheckpoint.js';
import { removeRelayer } from './relayerRegistry/removeRelayer.js';
import { requestUnstake } from './relayerRegistry/requestUnstake.js';
import { slashEquivocation } from './relayerRegistry/slashEquivocation.js';
import { slashWrongCheckpoint } from './relayerRegistry/slashWrongCheckpoint.js';
import { stake } from './relayerRegistry/stake.js';
import { withdrawStake } from './relayerRegistry/withdrawStake.js';
import { getPilEvents } from './shared/getPilEvents.js';
import { hasRole } from './shared/hasRole.js';
import { prepareUpgrade } from './shared/prepareUpgrade.js';
import { watchPilEvents } from './shared/watchPilEvents.js';
import { executeOperation } from './timelock/executeOperation.js';
import { getOperationStatus } from './timelock/getOperationStatus.js';
import { getOperations } from './timelock/getOperations.js';
import { prepareSchedule } from './timelock/prepareSchedule.js';
import { getVerifier } from './verifierRegistry/getVerifier.js';
import { prepareSetVerifier } from './verifierRegistry/prepareSetVerifier.js';
import { verifyProofOnChain } from './verifierRegistry/verifyProofOnChain.js';

export const contractActions = {
  // cdna
  getDomain,
  getNullifierDomain,
  isMessageImported,
  isNullifierConsumed,
  // easc
  attestCommitment,
  getAttestationDigest,
  getBackend,
  getPendingCommitment,
  hasAttested,
  registerBackend,
  // orchestrator
  getComponents,
  isPaused,
  isPausedFor,
  pause,
  transition,
  // pbp
  deactivatePolicy,
  getPolicy,
  isPolicyActive,
  reactivatePolicy,
  registerPolicy,
  // pc3
  getCurrentRoot,
  getLocalDomainId,
  getRootAt,
  getTreeSize,
  isKnownRoot,
  sendConsumeContainer,
  sendCreateContainer,
  sendExportContainer,
  // proofHub
  claimOwedFees,
  fundFeePool,
  getAcceptedRootAt,
  getFeePool,
  getOutboxCount,
  getOutboxRoot,
  getOutboxRootAt,
  getOwedFees,
  getRemoteHub,
  hasVoted,
  importMessage,
  isAcceptedRoot,
  submitCheckpoint,
  // relayerRegistry
  getActiveRelayerCount,
  getMinStake,
  getRelayer,
  getRelayerQuorum,
  getRelayerSetEpoch,
  isRelayerActive,
  requestUnstake,
  slashEquivocation,
  slashWrongCheckpoint,
  stake,
  withdrawStake,
  // shared
  getPilEvents,
  hasRole,
  watchPilEvents,
  // verifierRegistry
  getVerifier,
  verifyProofOnChain,
  getRoleHolders,
  getPauseState,
  preparePause,
  prepareUnpause,
  unpause,
  getCheckpointVotes,
  getExportedMessages,
  prepareImportMessage,
  prepareRecoverFunds,
  prepareSubmitCheckpoint,
  addRelayer,
  getRelayerSet,
  prepareAddRelayer,
  prepareRecoverSlashed,
  prepareRemoveRelayer,
  prepareSlashEquivocation,
  prepareSlashWrongCheckpoint,
  removeRelayer,
  prepareUpgrade,
  executeOperation,
  getOperationStatus,
  getOperations,
  prepareSchedule,
  prepareSetVerifier,
} as const;
