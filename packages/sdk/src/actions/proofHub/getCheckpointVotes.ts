import type { Address, Hash, Hex } from 'viem';
import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import { getPilAddress } from '../../clients/resolve.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { mapError } from '../../errors/map.js';
import { readPilContract } from '../internal/contract.js';

export type CheckpointVote = {
  srcChainId: bigint;
  srcHub: Address;
  count: bigint;
  root: Hex;
  signer: Address;
  epoch: bigint;
  votes: bigint;
  /** The root was accepted on this chain (final: it never expires). */
  accepted: boolean;
  blockNumber: bigint;
  transactionHash: Hash;
};
export type GetCheckpointVotesParameters = { signer?: Address | undefined; fromBlock?: bigint | undefined };
export type GetCheckpointVotesReturnType = CheckpointVote[];
export type GetCheckpointVotesErrorType = ConfigError | TransportError;

/** Checkpoint votes counted by this chain's hub (`CheckpointVoted`), optionally of one signer, each with whether its root is accepted. */
export async function getCheckpointVotes(
  client: PilClient,
  parameters: GetCheckpointVotesParameters = {},
): Promise<GetCheckpointVotesReturnType> {
  const address = getPilAddress(client, 'proofHub');
  let logs: { args: unknown; blockNumber: bigint | null; transactionHash: Hash | null }[];
  try {
    logs = await client.public.getContractEvents({
      address,
      abi: crossChainProofHubAbi,
      eventName: 'CheckpointVoted',
      fromBlock: parameters.fromBlock ?? client.fromBlock,
      toBlock: 'latest',
    });
  } catch (err) {
    throw mapError(err, { contractAddress: address, action: `CheckpointVoted events on chain ${client.chainId}` });
  }
  const votes = logs
    .map((l) => ({
      ...(l.args as Omit<CheckpointVote, 'accepted' | 'blockNumber' | 'transactionHash'>),
      blockNumber: l.blockNumber!,
      transactionHash: l.transactionHash!,
    }))
    .filter((v) => !parameters.signer || v.signer.toLowerCase() === parameters.signer.toLowerCase());
  return Promise.all(
    votes.map(async (v) => ({
      ...v,
      accepted: await readPilContract<boolean>(client, {
        contract: 'proofHub',
        abi: crossChainProofHubAbi,
        functionName: 'isAcceptedRoot',
        args: [v.srcChainId, v.srcHub, v.root],
      }),
    })),
  );
}
