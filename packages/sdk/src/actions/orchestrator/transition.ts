import { type ByteArray, bytesToHex, type Hex } from 'viem';
import { pilv2OrchestratorAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type {
  ContractRevertError,
  InvalidProofError,
  NullifierAlreadyConsumedError,
  PolicyInactiveError,
  UnknownRootError,
} from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import type { ContractProof, SpendArgs } from '../../types/proof.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type TransitionParameters = WriteOptions & {
  proof: ContractProof;
  args: SpendArgs;
  /** This chain for a local spend, another for an export. */
  dstChainId: bigint;
  ciphertext: Hex | ByteArray;
  fee?: bigint | undefined;
};
export type TransitionReturnType = WriteResult;
export type TransitionErrorType =
  | NullifierAlreadyConsumedError
  | UnknownRootError
  | PolicyInactiveError
  | InvalidProofError
  | ContractRevertError
  | ConfigError
  | TransactionError
  | TransportError;

/** `PILv2Orchestrator.transition`: the coordinated spend (local or export) in one call. */
export async function transition(client: PilClient, parameters: TransitionParameters): Promise<TransitionReturnType> {
  const ciphertext =
    typeof parameters.ciphertext === 'string' ? parameters.ciphertext : bytesToHex(parameters.ciphertext);
  return writePilContract(client, {
    contract: 'orchestrator',
    abi: pilv2OrchestratorAbi,
    functionName: 'transition',
    args: [parameters.proof, parameters.args, parameters.dstChainId, ciphertext],
    value: parameters.fee ?? 0n,
    gas: parameters.gas,
  });
}
