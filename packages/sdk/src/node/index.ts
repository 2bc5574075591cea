/**
 * @pil/sdk/node — Node-only parts: the prover over the circuit artifacts shipped in
 * the package, and deployments files on disk. Everything else is in `@pil/sdk`.
 */
export { loadDeployment, loadDeployments } from './deployments.js';
export { artifactsForKeyHash, createNodeProverForChain, vkHashOfFile } from './keyedProver.js';
export { artifactsDir, circuitArtifacts, createNodeProver, inMemory } from './prover.js';
