// EP-004: what ETH each PIL contract holds and why, and what governance can
// recover (fee-pool surplus through CrossChainProofHub.recoverFunds, slashed
// stake through RelayerRegistry.recoverSlashed, both RECOVERY_ROLE on the 48 h
// timelock). Recipients come from an allow-list in the config file
// (`recovery.<network>.allowedRecipients`) or PIL_RECOVERY_RECIPIENTS.
import { readFileSync } from 'node:fs';
import { type Address, decodeFunctionData, formatEther, getAddress, isAddress } from 'viem';
import { crossChainProofHubAbi, relayerRegistryAbi } from '../../../sdk/src/abi/generated/index.js';
import { readPilContract } from '../../../sdk/src/actions/internal/contract.js';
import { getRelayerSet } from '../../../sdk/src/actions/relayerRegistry/getRelayerSet.js';
import { parseConfigFile } from '../config/load.js';
import type { ChainContext, NetworkContext } from '../context.js';
import { type ContractId, contractIds, contractInfo } from '../contracts.js';
import { ConfigError, InputError } from '../errors.js';
import { pilClient } from '../governance/client.js';
import { allOperations, type TimelockOperation } from '../governance/timelock.js';

export type HeldFunds = {
  contract: ContractId;
  address: Address;
  balance: bigint;
  /** What the contract's accounting says the ETH is for. */
  accounted: Record<string, bigint>;
  /** Recoverable by governance now, and through which call. */
  recoverable: bigint;
  recoverVia?: 'recoverFunds' | 'recoverSlashed';
  /** ETH no function can move (balance beyond the accounting), with why. */
  stuck: bigint;
  notes: string[];
};

export type FundsAssessment = {
  chain: string;
  chainId: number;
  block: bigint;
  contracts: HeldFunds[];
  totalRecoverable: bigint;
  totalStuck: bigint;
};

export async function assessFunds(ctx: NetworkContext, chain: ChainContext): Promise<FundsAssessment> {
  const client = pilClient(ctx, chain);
  const block = await chain.client.getBlockNumber();
  const contracts: HeldFunds[] = [];
  for (const id of contractIds) {
    const address = chain.config.contracts[id];
    if (!address) continue;
    const balance = await chain.client.getBalance({ address, blockNumber: block });
    const entry: HeldFunds = { contract: id, address, balance, accounted: {}, recoverable: 0n, stuck: 0n, notes: [] };
    if (id === 'proofHub') {
      const read = (functionName: 'feePool' | 'totalOwed') =>
        readPilContract<bigint>(client, { contract: 'proofHub', abi: crossChainProofHubAbi, functionName });
      const [feePool, totalOwed] = await Promise.all([read('feePool'), read('totalOwed')]);
      entry.accounted = { feePool, owedToRelayers: totalOwed };
      // Owed fees are claims on the pool: only the surplus above them is recoverable without shorting relayers.
      entry.recoverable = feePool > totalOwed ? feePool - totalOwed : 0n;
      entry.recoverVia = 'recoverFunds';
      entry.stuck = balance > feePool ? balance - feePool : 0n;
      if (totalOwed > feePool) {
        entry.notes.push(
          `fee pool is short of owed fees by ${formatEther(totalOwed - feePool)} ETH: fund it (fundFeePool) before relayers can claim`,
        );
      }
      if (totalOwed > 0n && feePool > 0n)
        entry.notes.push(`${formatEther(totalOwed)} ETH of the pool is owed to relayers and is not recovered`);
    } else if (id === 'relayerRegistry') {
      const set = await getRelayerSet(client);
      const bonded = set.relayers.reduce((s, r) => s + r.bonded, 0n);
      const unbonding = set.relayers.reduce((s, r) => s + r.unbonding, 0n);
      entry.accounted = { bondedStake: bonded, unbondingStake: unbonding, slashed: set.slashedBalance };
      entry.recoverable = set.slashedBalance;
      entry.recoverVia = 'recoverSlashed';
      const accounted = bonded + unbonding + set.slashedBalance;
      entry.stuck = balance > accounted ? balance - accounted : 0n;
      if (bonded + unbonding > 0n)
        entry.notes.push('bonded and unbonding stake belongs to relayers: never recovered (protocol §1)');
      if (balance < accounted)
        entry.notes.push(`balance is ${formatEther(accounted - balance)} ETH below the accounting: investigate`);
    } else {
      entry.stuck = balance;
    }
    if (entry.stuck > 0n) {
      entry.notes.push(
        `${formatEther(entry.stuck)} ETH is outside the contract's accounting (sent directly, or forced by selfdestruct/coinbase): no function moves it; only an upgrade adding one could (UP-001)`,
      );
    }
    contracts.push(entry);
  }
  return {
    chain: chain.config.name,
    chainId: chain.config.chainId,
    block,
    contracts,
    totalRecoverable: contracts.reduce((s, c) => s + c.recoverable, 0n),
    totalStuck: contracts.reduce((s, c) => s + c.stuck, 0n),
  };
}

/** The recipients funds may be recovered to on this network: config file first, then PIL_RECOVERY_RECIPIENTS. */
export function allowedRecipients(ctx: NetworkContext): { list: Address[]; source: string } {
  const file = ctx.config().file;
  if (file) {
    const parsed = parseConfigFile(readFileSync(file, 'utf8'), file);
    const fromFile = parsed.recovery?.[ctx.network.name]?.allowedRecipients;
    if (fromFile)
      return { list: fromFile.map((a) => checked(a, `${file}: recovery.${ctx.network.name}`)), source: file };
  }
  const env = ctx.env.PIL_RECOVERY_RECIPIENTS;
  if (env)
    return {
      list: env.split(',').map((a) => checked(a.trim(), 'PIL_RECOVERY_RECIPIENTS')),
      source: 'PIL_RECOVERY_RECIPIENTS',
    };
  return { list: [], source: 'none' };
}

function checked(value: string, where: string): Address {
  if (!isAddress(value, { strict: false })) throw new ConfigError(`${where}: "${value}" is not an address`);
  return getAddress(value);
}

export function requireAllowed(ctx: NetworkContext, to: Address): void {
  const { list, source } = allowedRecipients(ctx);
  if (list.some((a) => a.toLowerCase() === to.toLowerCase())) return;
  throw new InputError(
    `${to} is not an allowed recovery recipient on network ${ctx.network.name}; nothing was proposed`,
    {
      details: list.length
        ? `allowed (${source}): ${list.join(', ')}`
        : 'no recipient is allowed: the allow-list is empty',
      hint: `Add it to "recovery": {"${ctx.network.name}": {"allowedRecipients": [...]}} in the config file (reviewed like any governance change), or PIL_RECOVERY_RECIPIENTS`,
    },
  );
}

export type RecoverySource = 'fee-pool' | 'slashed';

/** The latest waiting/ready standard-timelock operation made only of recovery calls to `to`. */
export async function findRecovery(
  ctx: NetworkContext,
  chain: ChainContext,
  to: Address,
): Promise<TimelockOperation | undefined> {
  const ops = await allOperations(ctx, chain);
  return ops
    .filter((op) => op.kind === 'standard' && (op.status === 'waiting' || op.status === 'ready') && op.calls.length > 0)
    .filter((op) =>
      op.calls.every((c) => {
        const abi =
          c.target.toLowerCase() === chain.config.contracts.proofHub?.toLowerCase()
            ? crossChainProofHubAbi
            : relayerRegistryAbi;
        try {
          const d = decodeFunctionData({ abi, data: c.data });
          return (
            (d.functionName === 'recoverFunds' || d.functionName === 'recoverSlashed') &&
            String(d.args?.[0]).toLowerCase() === to.toLowerCase()
          );
        } catch {
          return false;
        }
      }),
    )
    .at(-1);
}

export function contractLabel(id: ContractId): string {
  return contractInfo[id].artifact;
}
