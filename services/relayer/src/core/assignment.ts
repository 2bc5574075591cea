/**
 * Who delivers a message (docs/adr/0010-relayer.md). The owner is
 * `activeSet[messageId mod n]` and delivers as soon as the message's root is accepted.
 * Another relayer takes a message over only once the owner has made no progress on it
 * for a full grace period: it delivered nothing at all, or only messages that come after
 * this one in the source's order. Measuring the grace from the owner's progress rather
 * than from the clock keeps the others from sending duplicates (which revert but take
 * block space) while a live owner works through a queue longer than the grace period.
 * Relayers learn each other's progress only from MessageImported events on the chain.
 */

/** Imports seen of one owner; per source, the times its highest delivered index grew. */
export class OwnerProgress {
  lastImportAt: number;
  private readonly highs = new Map<number, { idx: number; at: number }[]>();

  constructor(since: number) {
    this.lastImportAt = since;
  }

  record(src: number, idx: number, at: number): void {
    this.lastImportAt = Math.max(this.lastImportAt, at);
    const list = this.highs.get(src) ?? [];
    this.highs.set(src, list);
    if (list.length === 0 || idx > list.at(-1)!.idx) {
      list.push({ idx, at });
      if (list.length > 1024) list.splice(0, list.length - 1024);
    }
  }

  /** When the owner first delivered a message of `src` after `idx` (undefined: not yet). */
  passedAt(src: number, idx: number): number | undefined {
    const list = this.highs.get(src);
    if (!list || list.length === 0 || list.at(-1)!.idx <= idx) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.idx > idx) hi = mid;
      else lo = mid + 1;
    }
    return list[lo]!.at;
  }
}

export function ownerOf(activeSet: readonly string[], messageId: string): string | undefined {
  if (activeSet.length === 0) return undefined;
  return activeSet[Number(BigInt(messageId) % BigInt(activeSet.length))];
}

export type TakeoverInput = {
  me: string;
  owner: string | undefined;
  /** When this relayer first saw the message deliverable (root accepted). */
  readyAt: number;
  now: number;
  graceMs: number;
  /** The owner's imports as seen by this relayer (undefined: none since `since`). */
  progress: OwnerProgress | undefined;
  /** When this relayer started watching (an owner never seen is idle since then). */
  since: number;
  src: number;
  idx: number;
};

/** Whether this relayer delivers the message now. */
export function mayDeliver(x: TakeoverInput): boolean {
  if (x.owner === undefined || x.owner === x.me) return true;
  if (x.now < x.readyAt + x.graceMs) return false;
  const lastImportAt = x.progress?.lastImportAt ?? x.since;
  if (x.now - lastImportAt >= x.graceMs) return true; // the owner is idle
  const passedAt = x.progress?.passedAt(x.src, x.idx);
  return passedAt !== undefined && x.now - passedAt >= x.graceMs; // the owner skipped it
}
