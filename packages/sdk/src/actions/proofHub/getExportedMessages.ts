import type { Address, Hash, Hex } from 'viem';
import { crossChainProofHubAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import { getPilAddress } from '../../clients/resolve.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { mapError } from '../../errors/map.js';

export type ExportedMessage = {
  messageId: Hex;
  index: bigint;
  srcChainId: bigint;
  srcHub: Address;
  dstChainId: bigint;
  dstHub: Address;
  commitment: bigint;
  fee: bigint;
  blockNumber: bigint;
  transactionHash: Hash;
};
export type GetExportedMessagesParameters = {
  dstChainId?: bigint | undefined;
  /** Only messages with `index < beforeCount` (those a checkpoint of that count covers). */
  beforeCount?: bigint | undefined;
  fromBlock?: bigint | undefined;
};
export type GetExportedMessagesReturnType = ExportedMessage[];
export type GetExportedMessagesErrorType = ConfigError | TransportError;

/** Messages appended to this chain's outbox (`MessageExported`), without ciphertexts. */
export async function getExportedMessages(
  client: PilClient,
  parameters: GetExportedMessagesParameters = {},
): Promise<GetExportedMessagesReturnType> {
  const address = getPilAddress(client, 'proofHub');
  try {
    const logs = await client.public.getContractEvents({
      address,
      abi: crossChainProofHubAbi,
      eventName: 'MessageExported',
      fromBlock: parameters.fromBlock ?? client.fromBlock,
      toBlock: 'latest',
    });
    return logs
      .map((l) => {
        const { messageId, index, message } = l.args as {
          messageId: Hex;
          index: bigint;
          message: {
            srcChainId: bigint;
            srcHub: Address;
            dstChainId: bigint;
            dstHub: Address;
            commitment: bigint;
            fee: bigint;
          };
        };
        return {
          messageId,
          index: BigInt(index),
          srcChainId: message.srcChainId,
          srcHub: message.srcHub,
          dstChainId: message.dstChainId,
          dstHub: message.dstHub,
          commitment: message.commitment,
          fee: message.fee,
          blockNumber: l.blockNumber!,
          transactionHash: l.transactionHash!,
        };
      })
      .filter((m) => parameters.dstChainId === undefined || m.dstChainId === parameters.dstChainId)
      .filter((m) => parameters.beforeCount === undefined || m.index < parameters.beforeCount);
  } catch (err) {
    throw mapError(err, { contractAddress: address, action: `MessageExported events on chain ${client.chainId}` });
  }
}
