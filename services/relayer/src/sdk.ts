/**
 * The SDK surface the relayer uses, in one place: every contract read and write,
 * every hash and proof goes through these (never hand-written ABI calls).
 */
export type { Hex } from 'viem';
export { crossChainProofHubAbi, relayerRegistryAbi } from '../../../packages/sdk/src/abi/generated/index.js';
export { isMessageImported } from '../../../packages/sdk/src/actions/cdna/isMessageImported.js';
export type { PreparedCall } from '../../../packages/sdk/src/actions/internal/prepare.js';
export { isPaused } from '../../../packages/sdk/src/actions/orchestrator/isPaused.js';
export { getTreeSize } from '../../../packages/sdk/src/actions/pc3/getTreeSize.js';
export { getOutboxCount } from '../../../packages/sdk/src/actions/proofHub/getOutboxCount.js';
export { getOutboxRootAt } from '../../../packages/sdk/src/actions/proofHub/getOutboxRootAt.js';
export { hasVoted } from '../../../packages/sdk/src/actions/proofHub/hasVoted.js';
export { isAcceptedRoot } from '../../../packages/sdk/src/actions/proofHub/isAcceptedRoot.js';
export { prepareImportMessage } from '../../../packages/sdk/src/actions/proofHub/prepareImportMessage.js';
export { prepareSubmitCheckpoint } from '../../../packages/sdk/src/actions/proofHub/prepareSubmitCheckpoint.js';
export { getRelayer } from '../../../packages/sdk/src/actions/relayerRegistry/getRelayer.js';
export { getRelayerSet } from '../../../packages/sdk/src/actions/relayerRegistry/getRelayerSet.js';
export { getRelayerSetEpoch } from '../../../packages/sdk/src/actions/relayerRegistry/getRelayerSetEpoch.js';
export { prepareSlashEquivocation } from '../../../packages/sdk/src/actions/relayerRegistry/prepareSlashEquivocation.js';
export { prepareSlashWrongCheckpoint } from '../../../packages/sdk/src/actions/relayerRegistry/prepareSlashWrongCheckpoint.js';
export { requestUnstake } from '../../../packages/sdk/src/actions/relayerRegistry/requestUnstake.js';
export { stake } from '../../../packages/sdk/src/actions/relayerRegistry/stake.js';
export { withdrawStake } from '../../../packages/sdk/src/actions/relayerRegistry/withdrawStake.js';
export { getPilEvents } from '../../../packages/sdk/src/actions/shared/getPilEvents.js';
export { createPilBaseClient, type PilClient } from '../../../packages/sdk/src/clients/createPilClient.js';
export {
  checkpointDigest,
  computeMessageId,
  computeOutboxLeaf,
  type OutboxMessage,
  outboxProof,
  outboxRoot,
} from '../../../packages/sdk/src/crypto/message.js';
export { BaseError } from '../../../packages/sdk/src/errors/base.js';
export { ContractRevertError } from '../../../packages/sdk/src/errors/contract.js';
export { mapError } from '../../../packages/sdk/src/errors/map.js';
export { signCheckpoint } from '../../../packages/sdk/src/flows/outbox.js';
export type { CheckpointStruct } from '../../../packages/sdk/src/types/proof.js';
