import type { Address } from 'viem';
import { relayerRegistryAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import { getPilAddress } from '../../clients/resolve.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { mapError } from '../../errors/map.js';
import { readPilContract } from '../internal/contract.js';

export type GetRelayerSetParameters = undefined;
export type RelayerStatus = {
  address: Address;
  admitted: boolean;
  active: boolean;
  bonded: bigint;
  unbonding: bigint;
  unbondingReadyAt: bigint;
};
export type GetRelayerSetReturnType = {
  quorum: bigint;
  activeCount: bigint;
  epoch: bigint;
  minStake: bigint;
  slashedBalance: bigint;
  /** Every relayer ever admitted (from `RelayerAdded` events), with its current record. */
  relayers: RelayerStatus[];
};
export type GetRelayerSetErrorType = ConfigError | TransportError;

/** The relayer set of this chain's RelayerRegistry: quorum, epoch and each relayer's record. */
export async function getRelayerSet(client: PilClient): Promise<GetRelayerSetReturnType> {
  const address = getPilAddress(client, 'relayerRegistry');
  const read = <T>(functionName: string, args: readonly unknown[] = []) =>
    readPilContract<T>(client, { contract: 'relayerRegistry', abi: relayerRegistryAbi, functionName, args });
  let added: Address[];
  try {
    const logs = await client.public.getContractEvents({
      address,
      abi: relayerRegistryAbi,
      eventName: 'RelayerAdded',
      fromBlock: client.fromBlock,
      toBlock: 'latest',
    });
    added = [...new Set(logs.map((l) => (l.args as { relayer: Address }).relayer))];
  } catch (err) {
    throw mapError(err, { contractAddress: address, action: `RelayerAdded events on chain ${client.chainId}` });
  }
  const [quorum, activeCount, epoch, minStake, slashedBalance] = await Promise.all([
    read<bigint>('quorum'),
    read<bigint>('activeCount'),
    read<bigint>('epoch'),
    read<bigint>('minStake'),
    read<bigint>('slashedBalance'),
  ]);
  const relayers = await Promise.all(
    added.map(async (relayer) => {
      const [record, active] = await Promise.all([
        read<{ admitted: boolean; unbondingReadyAt: bigint; bonded: bigint; unbonding: bigint }>('getRelayer', [
          relayer,
        ]),
        read<boolean>('isActive', [relayer]),
      ]);
      return {
        address: relayer,
        admitted: record.admitted,
        active,
        bonded: record.bonded,
        unbonding: record.unbonding,
        unbondingReadyAt: BigInt(record.unbondingReadyAt),
      };
    }),
  );
  return { quorum, activeCount, epoch, minStake, slashedBalance, relayers };
}
