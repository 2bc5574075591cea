// The SDK against a real devnet (two anvil chains, every contract deployed, real
// proofs): event watching, and the incremental modes of scanNotes and
// getCommitmentTree (each call reads only the blocks after the previous one, and
// starts over when the chain reorganised under it).
import { createTestClient, http } from 'viem';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type E2eDevnet, startE2eDevnet } from '../../../e2e/helpers/devnet.js';
import {
  accountFromSeed,
  type NoteScanCursor,
  type PilAccount,
  type PilClientWithActions,
  type PilEvent,
  type SyncedTree,
  signCheckpoint,
} from './index.js';
import { createNodeProver } from './node/index.js';

const prover = createNodeProver();

/** The fromBlock of every eth_getLogs the client sends while `fn` runs. */
async function logRanges<T>(client: PilClientWithActions, fn: () => Promise<T>): Promise<[T, bigint[]]> {
  const spy = vi.spyOn(client.public, 'getLogs');
  try {
    const result = await fn();
    return [result, spy.mock.calls.map((c) => (c[0] as { fromBlock: bigint }).fromBlock)];
  } finally {
    spy.mockRestore();
  }
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('@pil/sdk on a devnet: watchPilEvents, incremental scanNotes and getCommitmentTree', () => {
  let devnet: E2eDevnet;
  let alice: PilAccount;
  let bob: PilAccount;
  let A: PilClientWithActions;
  let B: PilClientWithActions;

  beforeAll(async () => {
    [devnet, alice, bob] = await Promise.all([
      startE2eDevnet(),
      accountFromSeed(new Uint8Array(32).fill(0x5a)),
      accountFromSeed(new Uint8Array(32).fill(0x5b)),
    ]);
    A = devnet.chains[0].pil;
    B = devnet.chains[1].pil;
  }, 180_000);
  afterAll(async () => {
    await prover.terminate();
    await devnet?.stop();
  });

  let aliceCursor: NoteScanCursor;
  let treeA: SyncedTree;

  it('watchPilEvents delivers a created container; after unwatch nothing more arrives', async () => {
    const seen: PilEvent[] = [];
    const errors: unknown[] = [];
    const unwatch = A.watchPilEvents({
      contract: 'pc3',
      eventName: 'ContainerCreated',
      onEvents: (events) => seen.push(...events),
      onError: (e) => errors.push(e),
    });
    const created = await A.createContainer({ prover, recipient: alice, amount: 11n, stateHash: 1n });
    await until(() => seen.length > 0);
    unwatch();
    expect(errors).toEqual([]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      eventName: 'ContainerCreated',
      address: A.addresses.pc3!.toLowerCase(),
      transactionHash: created.hash,
      blockNumber: created.receipt.blockNumber,
    });
    expect(seen[0]!.args.commitment).toBe(created.note.commitment);
    expect(seen[0]!.args.leafIndex).toBe(0n);

    // The first incremental scan and tree sync (from the deployment block).
    aliceCursor = {};
    const notes = await A.scanNotes({ account: alice, cursor: aliceCursor });
    expect(notes.map((n) => n.amount)).toEqual([11n]);
    treeA = await A.getCommitmentTree();
    expect(treeA.size).toBe(1n);

    // Unwatched: a second container is not delivered (give the poller many intervals).
    await A.createContainer({ prover, recipient: alice, amount: 22n, stateHash: 2n });
    await new Promise((r) => setTimeout(r, 500));
    expect(seen).toHaveLength(1);
  });

  it('scanNotes with a cursor reads only the new blocks and keeps the notes found before', async () => {
    await A.createContainer({ prover, recipient: bob, amount: 33n, stateHash: 3n });
    const previous = aliceCursor.blockNumber!;
    const [notes, fromBlocks] = await logRanges(A, () => A.scanNotes({ account: alice, cursor: aliceCursor }));
    expect(fromBlocks.length).toBeGreaterThan(0);
    expect(fromBlocks.every((b) => b === previous + 1n)).toBe(true);
    expect(notes.map((n) => n.amount)).toEqual([11n, 22n]);
    expect(notes.map((n) => n.leafIndex)).toEqual([0n, 1n]);
    // The same as a full scan.
    expect(await A.scanNotes({ account: alice })).toEqual(notes);
    // Nothing new: no logs read at all.
    const [again, none] = await logRanges(A, () => A.scanNotes({ account: alice, cursor: aliceCursor }));
    expect(none).toEqual([]);
    expect(again).toEqual(notes);
    // A cursor belongs to one account and one chain.
    await expect(A.scanNotes({ account: bob, cursor: aliceCursor })).rejects.toThrow(/another account/);
    await expect(B.scanNotes({ account: alice, cursor: aliceCursor })).rejects.toThrow(/cursor is of chain/);
  });

  it('getCommitmentTree with since appends only the new leaves and matches a full rebuild and the chain', async () => {
    const previous = treeA.blockNumber;
    const [synced, fromBlocks] = await logRanges(A, () => A.getCommitmentTree({ since: treeA }));
    expect(fromBlocks.length).toBeGreaterThan(0);
    expect(fromBlocks.every((b) => b === previous + 1n)).toBe(true);
    expect(synced.size).toBe(3n);
    expect(synced.root).toBe(await A.getCurrentRoot());
    expect(synced.root).toBe((await A.getCommitmentTree()).root);
    expect(synced.tree.path(2).root).toBe(synced.root);
    treeA = synced;
    const [same, none] = await logRanges(A, () => A.getCommitmentTree({ since: treeA }));
    expect(none).toEqual([]);
    expect(same.root).toBe(treeA.root);
    await expect(B.getCommitmentTree({ since: treeA })).rejects.toThrow(/tree is of chain/);
  });

  it('an incremental scan sees a spend, and a note exported to B once it is imported there', async () => {
    const [first] = await A.scanNotes({ account: alice, cursor: aliceCursor });
    const exported = await A.exportContainer({
      prover,
      account: alice,
      note: first!,
      dstChainId: B.chainId,
      recipient: bob,
    });
    const left = await A.scanNotes({ account: alice, cursor: aliceCursor });
    expect(left.map((n) => n.amount)).toEqual([22n]);
    expect(
      (await A.scanNotes({ account: alice, cursor: aliceCursor, includeSpent: true })).map((n) => n.spent),
    ).toEqual([true, false]);

    // On B, Bob's scan sees the export on A before its import: pending in the cursor.
    const bobCursor: NoteScanCursor = {};
    expect(await B.scanNotes({ account: bob, sources: [A], cursor: bobCursor })).toEqual([]);
    expect(bobCursor.pending?.map((n) => n.commitment)).toEqual([exported.dstNote.commitment]);
    const sourceBlock = bobCursor.sourceBlocks![String(A.chainId)]!;
    const bBlock = bobCursor.blockNumber!;

    const checkpoint = await A.getOutboxCheckpoint();
    const signatures = await Promise.all(devnet.relayers.slice(0, 2).map((r) => signCheckpoint(r, checkpoint)));
    await B.submitCheckpoint({ checkpoint, signatures });
    const imported = await B.importContainer({ source: A, messageId: exported.messageId });

    const [[bobs, fromB], fromA] = await logRanges(A, () =>
      logRanges(B, () => B.scanNotes({ account: bob, sources: [A], cursor: bobCursor })),
    );
    expect(bobs.map((n) => [n.amount, n.leafIndex])).toEqual([[11n, imported.leafIndex]]);
    expect(bobCursor.pending).toEqual([]);
    // A made no block since (checkpoint and import are on B): its logs are not read again.
    expect(await A.public.getBlockNumber({ cacheTime: 0 })).toBe(sourceBlock);
    expect(fromA).toEqual([]);
    expect(fromB.length).toBeGreaterThan(0);
    expect(fromB.every((b) => b === bBlock + 1n)).toBe(true);
    expect(await B.scanNotes({ account: bob, sources: [A] })).toEqual(bobs);
  });

  it('after a reorganisation, an incremental scan and tree sync drop what vanished', async () => {
    const before = await A.scanNotes({ account: alice, cursor: aliceCursor });
    const tree = await A.getCommitmentTree();
    await A.createContainer({ prover, recipient: alice, amount: 44n, stateHash: 4n });
    expect((await A.scanNotes({ account: alice, cursor: aliceCursor })).map((n) => n.amount)).toContain(44n);
    const grown = await A.getCommitmentTree({ since: tree });
    expect(grown.size).toBe(tree.size + 1n);

    // The create's block is replaced by an empty one at the same height.
    const test = createTestClient({ mode: 'anvil', transport: http(devnet.chains[0].rpcUrl) });
    await test.request({ method: 'anvil_reorg' as never, params: [1, []] as never });

    const after = await A.scanNotes({ account: alice, cursor: aliceCursor });
    expect(after).toEqual(before);
    expect(await A.scanNotes({ account: alice })).toEqual(after);
    const synced = await A.getCommitmentTree({ since: grown });
    expect(synced.size).toBe(tree.size);
    expect(synced.root).toBe(await A.getCurrentRoot());
  });
});
