import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ContractRevertError } from '../../errors/contract.js';
import type { ConfigError, TransactionError, TransportError } from '../../errors/families.js';
import { type WriteOptions, type WriteResult, writePilContract } from '../internal/contract.js';

export type ClaimOwedFeesParameters = WriteOptions | undefined;
export type ClaimOwedFeesReturnType = WriteResult;
export type ClaimOwedFeesErrorType = ContractRevertError | ConfigError | TransactionError | TransportError;

/** Pays the caller the fees owed to it. Simulates, sends with the client's account and waits for the receipt. */
export async function claimOwedFees(
  client: PilClient,
  parameters?: ClaimOwedFeesParameters,
): Promise<ClaimOwedFeesReturnType> {
  return writePilContract(client, {
    contract: 'proofHub',
    abi: crossChainProofHubAbi,
    functionName: 'claimOwedFees',
    gas: parameters?.gas,
  });
}
