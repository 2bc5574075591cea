// Issue 3 §2: a container crosses from chain A to chain B with real proofs, real
// relayer signatures and the SDK's flows; then every refusal the protocol promises
// is exercised, each with its mapped SDK error and no state change.
import { type Hex, parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  crossChainProofHubAbi as hubAbi,
  proofCarryingContainerAbi as pc3Abi,
  relayerRegistryAbi as registryAbi,
} from '../packages/sdk/src/abi/generated/index.js';
import {
  accountFromSeed,
  type CreateContainerReturnType,
  computeDomainId,
  computePayloadHash,
  deactivatePolicy,
  type ExportContainerReturnType,
  InvalidProofError,
  MessageAlreadyImportedError,
  NotFoundError,
  NullifierAlreadyConsumedError,
  type OwnedNote,
  type PilAccount,
  type PilClient,
  PolicyInactiveError,
  RootNotAcceptedError,
  reactivatePolicy,
  SignerNotActiveError,
  signCheckpoint,
  toOwnedNote,
} from '../packages/sdk/src/index.js';
import { createNodeProver } from '../packages/sdk/src/node/index.js';
import { asRoleHolder, type E2eDevnet, startE2eDevnet } from './helpers/devnet.js';

const prover = createNodeProver();
const gas: Record<string, bigint> = {};

async function stateOf(pil: PilClient) {
  const [treeSize, root, outboxCount, feePool, epoch] = await Promise.all([
    pil.public.readContract({ address: pil.addresses.pc3!, abi: pc3Abi, functionName: 'treeSize' }),
    pil.public.readContract({ address: pil.addresses.pc3!, abi: pc3Abi, functionName: 'currentRoot' }),
    pil.public.readContract({ address: pil.addresses.proofHub!, abi: hubAbi, functionName: 'outboxCount' }),
    pil.public.readContract({ address: pil.addresses.proofHub!, abi: hubAbi, functionName: 'feePool' }),
    pil.public.readContract({ address: pil.addresses.relayerRegistry!, abi: registryAbi, functionName: 'epoch' }),
  ]);
  return { treeSize, root, outboxCount, feePool, epoch };
}

describe('a container crosses from chain A to chain B (SDK flows, real proofs, anvil)', () => {
  let devnet: E2eDevnet;
  let alice: PilAccount;
  let bob: PilAccount;
  let created: CreateContainerReturnType;
  let aliceNote: OwnedNote;
  let exported: ExportContainerReturnType;

  beforeAll(async () => {
    [devnet, alice, bob] = await Promise.all([
      startE2eDevnet(),
      accountFromSeed(new Uint8Array(32).fill(0xa1)),
      accountFromSeed(new Uint8Array(32).fill(0xb0)),
    ]);
  }, 180_000);
  afterAll(async () => {
    await devnet?.stop();
    if (Object.keys(gas).length)
      console.warn(`gas: ${JSON.stringify(gas, (_, v) => (typeof v === 'bigint' ? Number(v) : v))}`);
  });

  const A = () => devnet.chains[0];
  const B = () => devnet.chains[1];

  it('creates on A with a real create proof, and the owner finds the note by scanning', async () => {
    created = await A().pil.createContainer({ prover, recipient: alice, amount: 1_000n, stateHash: 42n });
    gas.createContainer = created.gasUsed;
    expect(created.leafIndex).toBe(0n);
    const scanned = await A().pil.scanNotes({ account: alice });
    expect(scanned.map((n) => n.commitment)).toEqual([created.note.commitment]);
    expect(await A().pil.scanNotes({ account: bob })).toEqual([]);
    aliceNote = scanned[0]!;
    expect(aliceNote.amount).toBe(1_000n);
    const synced = await A().pil.getCommitmentTree();
    expect(synced.root).toBe(await A().pil.getCurrentRoot());
  });

  it('exports the note to B with a real spend proof', async () => {
    exported = await A().pil.exportContainer({
      prover,
      account: alice,
      note: aliceNote,
      dstChainId: B().chainId,
      recipient: bob,
      fee: parseEther('0.01'),
    });
    gas.exportContainer = exported.gasUsed;
    expect(exported.message.dstChainId).toBe(BigInt(B().chainId));
    expect(await A().pil.isNullifierConsumed({ nullifier: aliceNote.nullifier })).toBe(true);
  });

  it('a quorum of relayer keys checkpoints A on B; the container is imported and found by its new owner', async () => {
    const checkpoint = await A().pil.getOutboxCheckpoint();
    const signatures = await Promise.all(devnet.relayers.slice(0, 2).map((r) => signCheckpoint(r, checkpoint)));
    const submitted = await B().pil.submitCheckpoint({ checkpoint, signatures });
    gas.submitCheckpoint = submitted.gasUsed;
    expect(submitted.events.map((e) => e.eventName)).toContain('CheckpointAccepted');

    const [imported, waited] = await Promise.all([
      B().pil.importContainer({ source: A().pil, messageId: exported.messageId }),
      B().pil.waitForImport({ messageId: exported.messageId, timeout: 30_000 }),
    ]);
    gas.importMessage = imported.gasUsed;
    expect(waited.leafIndex).toBe(imported.leafIndex);
    expect(waited.commitment).toBe(exported.dstNote.commitment);
    expect(imported.paid).toBe(parseEther('0.01'));

    const bobs = await B().pil.scanNotes({ account: bob, sources: [A().pil] });
    expect(bobs).toHaveLength(1);
    expect(bobs[0]).toMatchObject({ amount: 1_000n, stateHash: 42n, chainId: B().chainId });
    expect((await B().pil.getCommitmentTree()).root).toBe(await B().pil.getCurrentRoot());
  });

  it('refuses a replay of the import on B (MessageAlreadyImported), state unchanged', async () => {
    const before = await stateOf(B().pil);
    const err = await B()
      .pil.importContainer({ source: A().pil, messageId: exported.messageId })
      .catch((e) => e);
    expect(err).toBeInstanceOf(MessageAlreadyImportedError);
    expect((err as MessageAlreadyImportedError).messageId).toBe(exported.messageId);
    expect(await stateOf(B().pil)).toEqual(before);
  });

  it('refuses a second export of the same note on A (NullifierAlreadyConsumed with nullifier and domain)', async () => {
    const before = await stateOf(A().pil);
    const err = await A()
      .pil.exportContainer({ prover, account: alice, note: aliceNote, dstChainId: B().chainId, recipient: alice })
      .catch((e) => e);
    expect(err).toBeInstanceOf(NullifierAlreadyConsumedError);
    expect((err as NullifierAlreadyConsumedError).nullifier).toBe(aliceNote.nullifier);
    expect((err as NullifierAlreadyConsumedError).domainId).toBe(computeDomainId(A().chainId));
    expect(err.shortMessage).toMatch(/already consumed/);
    expect(await stateOf(A().pil)).toEqual(before);
  });

  it('refuses a copied create proof with other ciphertext (InvalidProof), state unchanged', async () => {
    const before = await stateOf(A().pil);
    const other: Hex = `${created.note.ciphertext.slice(0, -2)}00` as Hex;
    expect(computePayloadHash(other)).not.toBe(created.note.payloadHash);
    const err = await A()
      .pil.sendCreateContainer({
        proof: created.proof,
        commitment: created.note.commitment,
        policyHash: created.note.policyHash,
        ciphertext: other,
      })
      .catch((e) => e);
    expect(err).toBeInstanceOf(InvalidProofError);
    expect(await stateOf(A().pil)).toEqual(before);
  });

  it('refuses creation under an inactive policy (PolicyInactive), state unchanged', async () => {
    const policyHash = created.note.policyHash;
    const guardian = await asRoleHolder(A(), 'pbp', 'GUARDIAN_ROLE');
    await deactivatePolicy(guardian, { policyHash });
    try {
      const before = await stateOf(A().pil);
      const err = await A()
        .pil.createContainer({ prover, recipient: alice, amount: 5n })
        .catch((e) => e);
      expect(err).toBeInstanceOf(PolicyInactiveError);
      expect((err as PolicyInactiveError).policyHash).toBe(policyHash);
      expect(await stateOf(A().pil)).toEqual(before);
    } finally {
      await reactivatePolicy(await asRoleHolder(A(), 'pbp', 'POLICY_ADMIN_ROLE'), { policyHash });
    }
  });

  describe('a second export: unsigned, under-quorum and removed-relayer roots', () => {
    let second: ExportContainerReturnType;

    beforeAll(async () => {
      const c = await A().pil.createContainer({ prover, recipient: alice, amount: 7n });
      const note = await toOwnedNote(alice, c.note, { chainId: A().chainId, leafIndex: c.leafIndex! });
      second = await A().pil.exportContainer({ prover, account: alice, note, dstChainId: B().chainId, recipient: bob });
    }, 60_000);

    it('refuses an import under a root nobody signed (RootNotAccepted), state unchanged', async () => {
      const before = await stateOf(B().pil);
      const noCheckpoint = await B()
        .pil.importContainer({ source: A().pil, messageId: second.messageId })
        .catch((e) => e);
      expect(noCheckpoint).toBeInstanceOf(NotFoundError);
      expect(noCheckpoint.retryable).toBe(true);
      const { root } = await A().pil.getOutboxCheckpoint();
      const err = await B()
        .pil.importContainer({ source: A().pil, messageId: second.messageId, root })
        .catch((e) => e);
      expect(err).toBeInstanceOf(RootNotAcceptedError);
      expect((err as RootNotAcceptedError).root).toBe(root);
      expect(await stateOf(B().pil)).toEqual(before);
    });

    it('an under-quorum checkpoint is not accepted and the import is refused', async () => {
      const checkpoint = await A().pil.getOutboxCheckpoint();
      await B().pil.submitCheckpoint({
        checkpoint,
        signatures: [await signCheckpoint(devnet.relayers[0]!, checkpoint)],
      });
      expect(await B().pil.isAcceptedRoot(checkpoint)).toBe(false);
      const before = await stateOf(B().pil);
      const err = await B()
        .pil.importContainer({ source: A().pil, messageId: second.messageId, root: checkpoint.root })
        .catch((e) => e);
      expect(err).toBeInstanceOf(RootNotAcceptedError);
      expect(await B().pil.isMessageImported({ messageId: second.messageId })).toBe(false);
      expect(await stateOf(B().pil)).toEqual(before);
    });

    it("a removed relayer's signature is refused (SignerNotActive); the remaining quorum delivers", async () => {
      const removed = devnet.relayers[2]!;
      const guardian = await asRoleHolder(B(), 'relayerRegistry', 'GUARDIAN_ROLE');
      const hash = await guardian.wallet!.writeContract({
        address: guardian.addresses.relayerRegistry!,
        abi: registryAbi,
        functionName: 'removeRelayer',
        args: [removed.address],
      });
      await guardian.public.waitForTransactionReceipt({ hash });
      expect(await B().pil.isRelayerActive({ relayer: removed.address })).toBe(false);
      const checkpoint = await A().pil.getOutboxCheckpoint();
      const before = await stateOf(B().pil);
      const err = await B()
        .pil.submitCheckpoint({
          checkpoint,
          signatures: await Promise.all([devnet.relayers[1]!, removed].map((r) => signCheckpoint(r, checkpoint))),
        })
        .catch((e) => e);
      expect(err).toBeInstanceOf(SignerNotActiveError);
      expect((err as SignerNotActiveError).signer).toBe(removed.address);
      expect(await B().pil.isAcceptedRoot(checkpoint)).toBe(false);
      expect(await stateOf(B().pil)).toEqual(before);

      // Relayers 1 and 2 (active, same epoch) reach the quorum; the message arrives.
      const signatures = await Promise.all(devnet.relayers.slice(0, 2).map((r) => signCheckpoint(r, checkpoint)));
      await B().pil.submitCheckpoint({ checkpoint, signatures });
      const imported = await B().pil.importContainer({ source: A().pil, messageId: second.messageId });
      expect(imported.commitment).toBe(second.dstNote.commitment);
    });
  });

  it('the new owner consumes the imported note on B', async () => {
    const [note] = await B().pil.scanNotes({ account: bob, sources: [A().pil] });
    const consumed = await B().pil.consumeContainer({ prover, account: bob, note: note!, recipient: alice });
    gas.consumeContainer = consumed.gasUsed;
    expect(consumed.leafIndex).toBeDefined();
    const alices = await B().pil.scanNotes({ account: alice });
    expect(alices.map((n) => n.commitment)).toContain(consumed.dstNote.commitment);
  });
});
