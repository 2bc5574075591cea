/** What the monitor uses of the SDK (from source, like the relayer and the CLI). */
export { proofCarryingContainerAbi } from '../../../../packages/sdk/src/abi/generated/index.js';
export { isPaused } from '../../../../packages/sdk/src/actions/orchestrator/isPaused.js';
export { getRelayerSet } from '../../../../packages/sdk/src/actions/relayerRegistry/getRelayerSet.js';
export { getPilEvents } from '../../../../packages/sdk/src/actions/shared/getPilEvents.js';
export { createPilBaseClient, type PilClient } from '../../../../packages/sdk/src/clients/createPilClient.js';
export { computePayloadHash } from '../../../../packages/sdk/src/crypto/note.js';
export { createNodeProverForChain } from '../../../../packages/sdk/src/node/keyedProver.js';
export { fromContractProof, type Prover } from '../../../../packages/sdk/src/prover/prover.js';
