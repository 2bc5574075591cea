/**
 * Observability as a typed event union: every component emits these; logs and
 * metrics subscribe. Events carry ids, chain ids, counts and hashes only: never a
 * key, an RPC URL, a ciphertext or anything of a note.
 */
export type RelayerEvent =
  | { type: 'seen'; messageId: string; src: number; dst: number; index: number }
  | { type: 'checkpoint.signed'; src: number; dst: number; count: number; root: string }
  | { type: 'checkpoint.accepted'; src: number; dst: number; count: number }
  | { type: 'relayed'; messageId: string; dst: number; txHash: string; latencyMs: number }
  | { type: 'skipped'; messageId: string; dst: number; reason: 'delivered_by_other' }
  | { type: 'failed'; messageId: string; dst: number; reason: string }
  | { type: 'retry'; what: string; attempt: number; delayMs: number; error: string }
  | { type: 'backlog'; dst: number; depth: number }
  | { type: 'reorg'; chainId: number; from: number; to: number }
  | { type: 'vanished'; messageId: string; src: number }
  | { type: 'tx.sent'; chainId: number; nonce: number; hash: string; kind: string }
  | { type: 'tx.replaced'; chainId: number; nonce: number; oldHash: string; newHash: string }
  | { type: 'tx.mined'; chainId: number; nonce: number; hash: string; status: string; kind: string }
  | { type: 'paused'; chainId: number }
  | { type: 'alert'; severity: 'critical' | 'warning'; message: string; chainId: number; signer?: string }
  | { type: 'slashed'; chainId: number; signer: string; kind: 'wrong-root' | 'equivocation'; txHash: string };

export type EventBus = {
  emit(e: RelayerEvent): void;
  on(fn: (e: RelayerEvent) => void): () => void;
};

export function createEventBus(): EventBus {
  const subs = new Set<(e: RelayerEvent) => void>();
  return {
    emit(e) {
      for (const fn of subs) fn(e);
    },
    on(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}

/** Error text safe for logs and /status: the first line only, with URLs and long hex blobs cut. */
export function safeError(err: unknown): string {
  const e = err as { shortMessage?: string; message?: string; name?: string };
  const text = (e?.shortMessage ?? e?.message ?? String(err)).split('\n')[0] ?? '';
  return `${e?.name && e.name !== 'Error' ? `${e.name}: ` : ''}${text}`
    .replace(/(https?|wss?):\/\/\S+/g, '<url>')
    .replace(/0x[0-9a-fA-F]{130,}/g, '<data>')
    .slice(0, 300);
}
