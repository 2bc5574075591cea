/**
 * One sender per chain: nonces assigned locally and pipelined (many transactions in
 * flight), EIP-1559 fees from the latest base fee, every broadcast recorded in the
 * database before it leaves, and a transaction not mined within `stuckAfterMs`
 * re-sent with the same nonce and fees raised by `feeBumpPercent` (a replacement).
 * Failures of the preflight (eth_estimateGas = simulation) are mapped by the SDK and
 * thrown to the caller, who decides from the error what the message's state becomes.
 */
import type { Chain, Hash, Hex, LocalAccount, PublicClient, TransactionReceipt, Transport } from 'viem';
import type { ChainConfig } from '../config/schema.js';
import { mapError, type PreparedCall } from '../sdk.js';
import type { Db } from './db.js';
import type { EventBus } from './events.js';
import { defaultGasLimit } from './gas.js';
import { isRetryable, sleep } from './retry.js';

export type SendResult =
  | { kind: 'mined'; hash: Hash; receipt: TransactionReceipt; nonce: number }
  /** Our nonce was used by another transaction of ours (e.g. one sent before a restart). */
  | { kind: 'consumed'; nonce: number };

type Fees = { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint };

export type SendMeta = {
  kind: string;
  ref: string;
  onSent?: (hash: Hash, nonce: number) => void;
  /**
   * The gas limit from the estimate, which is then taken at a pinned block (`blockNumber`,
   * so the caller can read the state it was estimated on). Default: `gasMarginPercent`.
   */
  gasLimit?: (estimate: bigint, blockNumber: bigint) => Promise<bigint>;
};

export class TxSender {
  private next: number | undefined;
  private lock: Promise<void> = Promise.resolve();
  private inFlight = 0;

  constructor(
    private readonly opts: {
      chain: ChainConfig;
      client: PublicClient<Transport, Chain>;
      account: LocalAccount;
      db: Db;
      bus: EventBus;
    },
  ) {}

  get pending(): number {
    return this.inFlight;
  }

  private async withLock<T>(fn: () => Promise<T>): Promise<T> {
    const prev = this.lock;
    let release!: () => void;
    this.lock = new Promise((r) => {
      release = r;
    });
    await prev;
    try {
      return await fn();
    } finally {
      release();
    }
  }

  private async fees(): Promise<Fees> {
    const { client, chain } = this.opts;
    const block = await client.getBlock({ blockTag: 'latest' });
    const base = block.baseFeePerGas ?? 1_000_000_000n;
    const tip = 1_000_000_000n;
    let maxFee = base * 2n + tip;
    if (maxFee > chain.maxFeePerGas) maxFee = chain.maxFeePerGas;
    return { maxFeePerGas: maxFee, maxPriorityFeePerGas: tip < maxFee ? tip : maxFee };
  }

  /** Simulates (estimateGas), then sends with the next nonce and waits for it to be mined. */
  async send(call: PreparedCall, meta: SendMeta) {
    const { client, account, chain } = this.opts;
    while (this.inFlight >= chain.maxInFlight) await sleep(chain.pollIntervalMs);
    let gas: bigint;
    try {
      const blockNumber = meta.gasLimit ? await client.getBlockNumber({ cacheTime: 0 }) : undefined;
      const estimate = await client.estimateGas({
        account,
        to: call.to,
        data: call.data,
        value: call.value,
        ...(blockNumber === undefined ? {} : { blockNumber }),
      });
      gas =
        meta.gasLimit && blockNumber !== undefined
          ? await meta.gasLimit(estimate, blockNumber)
          : defaultGasLimit(estimate, chain.gasMarginPercent);
    } catch (err) {
      throw mapError(err, { contractAddress: call.to, action: `${call.description} on chain ${chain.chainId}` });
    }
    this.inFlight++;
    try {
      const sent = await this.withLock(async () => {
        if (this.next === undefined) {
          this.next = await client.getTransactionCount({ address: account.address, blockTag: 'pending' });
        }
        const nonce = this.next;
        const fees = await this.fees();
        const hash = await this.broadcast(call, gas, nonce, fees, meta);
        this.next = nonce + 1;
        return { nonce, hash, fees };
      });
      return await this.track(call, gas, sent.nonce, sent.fees, [sent.hash], meta);
    } finally {
      this.inFlight--;
    }
  }

  private async broadcast(call: PreparedCall, gas: bigint, nonce: number, fees: Fees, meta: SendMeta): Promise<Hash> {
    const { client, account, chain, db, bus } = this.opts;
    const raw = await account.signTransaction({
      type: 'eip1559',
      chainId: chain.chainId,
      to: call.to,
      data: call.data,
      value: call.value,
      gas,
      nonce,
      ...fees,
    });
    const { keccak256 } = await import('viem');
    const hash = keccak256(raw);
    // Durable before it leaves: a restart finds the hash and the nonce.
    db.q.addTx.run(
      chain.chainId,
      nonce,
      hash,
      meta.kind,
      meta.ref,
      String(fees.maxFeePerGas),
      String(fees.maxPriorityFeePerGas),
      Date.now(),
    );
    meta.onSent?.(hash, nonce);
    for (let attempt = 1; ; attempt++) {
      try {
        await client.request({ method: 'eth_sendRawTransaction', params: [raw as Hex] });
        break;
      } catch (err) {
        const text = String((err as Error).message ?? err).toLowerCase();
        if (text.includes('already known') || text.includes('already imported')) break;
        if (text.includes('nonce too low')) {
          // An earlier attempt whose answer was lost may have landed: then it is ours.
          if (attempt > 1 && (await client.getTransactionReceipt({ hash }).catch(() => undefined))) break;
          // Our nonce view is stale (another process or a restart): resync and let the caller retry.
          this.next = undefined;
          throw mapError(err, { action: `send ${meta.kind} on chain ${chain.chainId}` });
        }
        if (!isRetryable(err) || attempt >= 6) {
          this.next = undefined;
          throw mapError(err, { action: `send ${meta.kind} on chain ${chain.chainId}` });
        }
        await sleep(Math.min(2000, 100 * 2 ** attempt));
      }
    }
    bus.emit({ type: 'tx.sent', chainId: chain.chainId, nonce, hash, kind: meta.kind });
    return hash;
  }

  /** Waits for one of `hashes` (same nonce) to be mined, replacing the transaction when stuck. */
  async track(
    call: PreparedCall | undefined,
    gas: bigint,
    nonce: number,
    fees: Fees,
    hashes: Hash[],
    meta: SendMeta,
  ): Promise<SendResult> {
    const { client, account, chain, bus } = this.opts;
    let lastSent = Date.now();
    let current = fees;
    for (;;) {
      await sleep(chain.pollIntervalMs);
      for (const hash of hashes) {
        const receipt = await client.getTransactionReceipt({ hash }).catch(() => undefined);
        if (receipt) {
          bus.emit({ type: 'tx.mined', chainId: chain.chainId, nonce, hash, status: receipt.status, kind: meta.kind });
          return { kind: 'mined', hash, receipt, nonce };
        }
      }
      const mined = await client
        .getTransactionCount({ address: account.address, blockTag: 'latest' })
        .catch(() => undefined);
      if (mined !== undefined && mined > nonce) {
        // One more look at our hashes (the receipt may have raced the nonce read).
        for (const hash of hashes) {
          const receipt = await client.getTransactionReceipt({ hash }).catch(() => undefined);
          if (receipt) return { kind: 'mined', hash, receipt, nonce };
        }
        return { kind: 'consumed', nonce };
      }
      if (call && Date.now() - lastSent > chain.stuckAfterMs) {
        const bump = BigInt(100 + chain.feeBumpPercent);
        const fresh = await this.fees().catch(() => current);
        let maxFee = (current.maxFeePerGas * bump) / 100n;
        if (fresh.maxFeePerGas > maxFee) maxFee = fresh.maxFeePerGas;
        if (maxFee > chain.maxFeePerGas) maxFee = chain.maxFeePerGas;
        const tip = (current.maxPriorityFeePerGas * bump) / 100n;
        const next = { maxFeePerGas: maxFee, maxPriorityFeePerGas: tip < maxFee ? tip : maxFee };
        if (next.maxFeePerGas > current.maxFeePerGas) {
          try {
            const hash = await this.broadcast(call, gas, nonce, next, meta);
            bus.emit({ type: 'tx.replaced', chainId: chain.chainId, nonce, oldHash: hashes.at(-1)!, newHash: hash });
            hashes.push(hash);
            current = next;
          } catch {
            // nonce too low: the old one got mined; the loop finds its receipt
          }
        }
        lastSent = Date.now();
      }
    }
  }

  resetNonce(): void {
    this.next = undefined;
  }
}
