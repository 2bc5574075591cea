/**
 * @pil/sdk — the browser-safe core: clients, contract actions, flows, notes and keys,
 * the commitment tree, payload encryption, errors and ABIs. Node-only parts (the
 * prover with its shipped circuit artifacts, deployments files on disk) are in
 * `@pil/sdk/node`.
 *
 * Explicit named exports only: index.test.ts snapshots this list.
 */

// --- actions: shared
export type { WriteOptions, WriteResult } from './actions/internal/contract.js';
export type { PilEvent } from './actions/internal/events.js';
export { decodePilEvents, pilEventsAbi } from './actions/internal/events.js';
// --- actions: orchestrator
export type { IsPausedErrorType, IsPausedParameters, IsPausedReturnType } from './actions/orchestrator/isPaused.js';
export { isPaused } from './actions/orchestrator/isPaused.js';
export type { PauseErrorType, PauseParameters, PauseReturnType } from './actions/orchestrator/pause.js';
export { pause } from './actions/orchestrator/pause.js';
// --- actions: pc3
export type { GetTreeSizeErrorType, GetTreeSizeParameters, GetTreeSizeReturnType } from './actions/pc3/getTreeSize.js';
export { getTreeSize } from './actions/pc3/getTreeSize.js';
export type {
  SendCreateContainerErrorType,
  SendCreateContainerParameters,
  SendCreateContainerReturnType,
} from './actions/pc3/sendCreateContainer.js';
export { sendCreateContainer } from './actions/pc3/sendCreateContainer.js';
// --- clients
export type { PilAddresses, PilContractId, PilDeployment, PilPolicy } from './clients/addresses.js';
export { parseDeployment, pilContractIds } from './clients/addresses.js';
export type {
  CreatePilClientParameters,
  PilClient,
  PilClientWithActions,
} from './clients/createPilClient.js';
export { createPilBaseClient, createPilClient } from './clients/createPilClient.js';
export type { PilActions } from './clients/decorators.js';
export { pilActions } from './clients/decorators.js';
export { getPilAddress, getPolicy, getWallet } from './clients/resolve.js';

// --- errors
export * from './errors/index.js';

// --- types
export type { ContractProof, SpendArgs } from './types/proof.js';
