/**
 * The two primitives every contract action is built on: `readPilContract` (eth_call)
 * and `writePilContract` (simulate, then send, then wait for the receipt and decode
 * its events). Both map every failure through `mapError`, so an action throws only
 * SDK errors.
 */
import type { Abi, Address, Hash, TransactionReceipt } from 'viem';
import type { PilContractId } from '../../clients/addresses.js';
import type { PilClient } from '../../clients/createPilClient.js';
import { getPilAddress, getWallet } from '../../clients/resolve.js';
import { TransactionError } from '../../errors/families.js';
import { mapError } from '../../errors/map.js';
import { decodePilEvents, type PilEvent } from './events.js';

type Call = {
  contract: PilContractId;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[] | undefined;
  /** Override the deployment's address of `contract`. */
  address?: Address | undefined;
};

type ReadCall = Call & {
  /** Read the state at this block instead of the latest. */
  blockNumber?: bigint | undefined;
};

export async function readPilContract<T>(client: PilClient, call: ReadCall): Promise<T> {
  const address = call.address ?? getPilAddress(client, call.contract);
  try {
    return (await client.public.readContract({
      address,
      abi: call.abi,
      functionName: call.functionName,
      args: call.args ?? [],
      ...(call.blockNumber === undefined ? {} : { blockNumber: call.blockNumber }),
    })) as T;
  } catch (err) {
    throw mapError(err, {
      contractAddress: address,
      functionName: call.functionName,
      action: `${call.contract}.${call.functionName} on chain ${client.chainId}`,
    });
  }
}

/** Simulates a non-view call without sending it (e.g. VerifierRegistry.verifyProof); returns its result. */
export async function simulatePilContract<T>(
  client: PilClient,
  call: Call & { value?: bigint | undefined; account?: Address | undefined },
): Promise<T> {
  const address = call.address ?? getPilAddress(client, call.contract);
  try {
    const { result } = await client.public.simulateContract({
      address,
      abi: call.abi,
      functionName: call.functionName,
      args: call.args ?? [],
      account: call.account ?? client.wallet?.account,
      ...(call.value === undefined ? {} : { value: call.value }),
    });
    return result as T;
  } catch (err) {
    throw mapError(err, {
      contractAddress: address,
      functionName: call.functionName,
      action: `${call.contract}.${call.functionName} on chain ${client.chainId}`,
    });
  }
}

/** What every write action returns (actions add decoded fields of their own). */
export type WriteResult = {
  hash: Hash;
  receipt: TransactionReceipt;
  gasUsed: bigint;
  /** The PIL events the transaction emitted, decoded. */
  events: PilEvent[];
};

export type WriteOptions = {
  /** Gas limit (default: estimated). */
  gas?: bigint | undefined;
};

/**
 * Simulates the call (a revert throws its decoded custom error before anything is
 * sent), sends it with the client's account, waits for the receipt and decodes the
 * events.
 */
export async function writePilContract(
  client: PilClient,
  call: Call & { value?: bigint | undefined } & WriteOptions,
): Promise<WriteResult> {
  const wallet = getWallet(client);
  const address = call.address ?? getPilAddress(client, call.contract);
  const context = {
    contractAddress: address,
    functionName: call.functionName,
    action: `${call.contract}.${call.functionName} on chain ${client.chainId}`,
  };
  let hash: Hash;
  try {
    const { request } = await client.public.simulateContract({
      address,
      abi: call.abi,
      functionName: call.functionName,
      args: call.args ?? [],
      account: wallet.account,
      ...(call.value === undefined ? {} : { value: call.value }),
      ...(call.gas === undefined ? {} : { gas: call.gas }),
    });
    hash = await wallet.writeContract(request);
  } catch (err) {
    throw mapError(err, context);
  }
  let receipt: TransactionReceipt;
  try {
    receipt = await client.public.waitForTransactionReceipt({ hash });
  } catch (err) {
    throw mapError(err, context);
  }
  if (receipt.status !== 'success') {
    throw new TransactionError(`Transaction ${hash} reverted`, {
      details: context.action,
      hint: 'The state changed between simulation and inclusion; simulate again',
    });
  }
  return { hash, receipt, gasUsed: receipt.gasUsed, events: decodePilEvents(receipt.logs) };
}

/** The first decoded event named `eventName`, or a TransactionError (the contract must emit it). */
export function requireEvent(result: WriteResult, eventName: string): PilEvent {
  const event = result.events.find((e) => e.eventName === eventName);
  if (!event) throw new TransactionError(`Transaction ${result.hash} emitted no ${eventName}`);
  return event;
}
