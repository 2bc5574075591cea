import type { Address } from 'viem';
import { pilv2OrchestratorAbi } from '../../abi/generated/index.js';
import type { PilClient } from '../../clients/createPilClient.js';
import type { ConfigError, TransportError } from '../../errors/families.js';
import { readPilContract } from '../internal/contract.js';

export type GetPauseStateParameters = {
  /** Contracts whose own flag to read (default: every PIL contract the client knows). */
  targets?: Address[] | undefined;
};
export type GetPauseStateReturnType = {
  chainPaused: boolean;
  contracts: { address: Address; ownFlag: boolean; paused: boolean }[];
};
export type GetPauseStateErrorType = ConfigError | TransportError;

/** The chain flag and each contract's own flag (protocol §7). */
export async function getPauseState(
  client: PilClient,
  parameters: GetPauseStateParameters = {},
): Promise<GetPauseStateReturnType> {
  const targets =
    parameters.targets ??
    (Object.entries(client.addresses)
      .filter(([id, a]) => id !== 'orchestrator' && a)
      .map(([, a]) => a) as Address[]);
  const read = <T>(functionName: string, args: readonly unknown[] = []) =>
    readPilContract<T>(client, {
      contract: 'orchestrator',
      abi: pilv2OrchestratorAbi,
      functionName,
      args,
    });
  const chainPaused = await read<boolean>('chainPaused');
  const contracts = await Promise.all(
    targets.map(async (address) => {
      const ownFlag = await read<boolean>('contractPaused', [address]);
      return { address, ownFlag, paused: chainPaused || ownFlag };
    }),
  );
  return { chainPaused, contracts };
}
