/** A Groth16 proof as the PIL contracts take it (`struct Groth16Proof`, pB in [x1, x0] order). */
export type ContractProof = {
  a: readonly [bigint, bigint];
  b: readonly [readonly [bigint, bigint], readonly [bigint, bigint]];
  c: readonly [bigint, bigint];
};

/** `struct SpendArgs` (protocol §5): the caller-supplied public inputs of a spend. */
export type SpendArgs = {
  root: bigint;
  rootSize: bigint;
  nullifier: bigint;
  dstCommitment: bigint;
  policyHash: bigint;
};

/** `struct Checkpoint` (protocol §6): a relayer-signed checkpoint of a source outbox. */
export type CheckpointStruct = {
  srcChainId: bigint;
  srcHub: `0x${string}`;
  count: bigint;
  root: `0x${string}`;
};
