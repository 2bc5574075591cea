import { type Abi, type AbiEvent, type Log, parseEventLogs } from 'viem';
import { formatAbiItem } from 'viem/utils';
import {
  crossChainProofHubAbi,
  crossDomainNullifierAlgebraAbi,
  executionAgnosticStateCommitmentsAbi,
  pilv2OrchestratorAbi,
  policyBoundProofsAbi,
  proofCarryingContainerAbi,
  relayerRegistryAbi,
  verifierRegistryAbi,
} from '../../abi/generated/index.js';

/** Every event of every PIL contract, deduplicated by signature. */
export const pilEventsAbi: readonly AbiEvent[] = (() => {
  const seen = new Map<string, AbiEvent>();
  const abis = [
    proofCarryingContainerAbi,
    crossChainProofHubAbi,
    crossDomainNullifierAlgebraAbi,
    executionAgnosticStateCommitmentsAbi,
    pilv2OrchestratorAbi,
    policyBoundProofsAbi,
    relayerRegistryAbi,
    verifierRegistryAbi,
  ] as Abi[];
  for (const abi of abis) for (const item of abi) if (item.type === 'event') seen.set(formatAbiItem(item), item);
  return [...seen.values()];
})();

/** A decoded PIL event: its name, arguments and the log's address, block and index. */
export type PilEvent = {
  eventName: string;
  args: Record<string, unknown>;
  address: `0x${string}`;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: `0x${string}`;
};

/** Decodes the PIL events among `logs` (others are skipped). */
export function decodePilEvents(logs: readonly Log[]): PilEvent[] {
  return parseEventLogs({ abi: pilEventsAbi, logs: logs as Log[], strict: true }).map((l) => ({
    eventName: l.eventName as string,
    args: l.args as Record<string, unknown>,
    address: l.address,
    blockNumber: l.blockNumber ?? 0n,
    logIndex: l.logIndex ?? 0,
    transactionHash: l.transactionHash ?? '0x',
  }));
}
