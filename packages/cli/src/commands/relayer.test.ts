// EP-002 end to end on a devnet: a relayer's unaccepted checkpoint votes (pil
// relayer pending), its removal through the Safe (immediate; votes of the old
// epoch stop counting), the removal that would break the quorum refused with
// nothing proposed, and a new relayer admitted through the 6 h timelock.
import path from 'node:path';
import { type Address, createWalletClient, http, parseAbi, parseEther } from 'viem';
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { crossChainProofHubAbi } from '../../../sdk/src/abi/generated/index.js';
import { removeRelayer } from '../../../sdk/src/actions/relayerRegistry/removeRelayer.js';
import { accountFromSeed, createPilClient, signCheckpoint } from '../../../sdk/src/index.js';
import { createNodeProver, loadDeployments } from '../../../sdk/src/node/index.js';
import { DEVNET_MNEMONIC, devnetRelayerKeys } from '../devnet/accounts.js';
import { asGovernance, useDevnet } from '../test-utils/governance.js';

const registryAbi = parseAbi([
  'function isActive(address) view returns (bool)',
  'function activeCount() view returns (uint256)',
  'function stake() payable',
]);

describe('EP-002 pil relayer remove / pending / add', () => {
  const net = useDevnet();
  const relayer1 = privateKeyToAccount(devnetRelayerKeys[0]!);
  const relayer2 = privateKeyToAccount(devnetRelayerKeys[1]!);

  it('lists the checkpoints a relayer signed that are not accepted', async () => {
    const [dst, src] = net().chains as [ReturnType<typeof net>['chains'][0], ReturnType<typeof net>['chains'][0]];
    const checkpoint = {
      srcChainId: BigInt(src.chainId),
      srcHub: src.deployment.contracts.proofHub!.proxy as Address,
      count: 1n,
      root: `0x${'ab'.repeat(32)}` as const,
    };
    const signature = await relayer1.signTypedData({
      domain: { name: 'PIL Checkpoint', version: '1' },
      types: {
        Checkpoint: [
          { name: 'srcChainId', type: 'uint256' },
          { name: 'srcHub', type: 'address' },
          { name: 'count', type: 'uint64' },
          { name: 'root', type: 'bytes32' },
        ],
      },
      primaryType: 'Checkpoint',
      message: checkpoint,
    });
    const wallet = createWalletClient({ account: relayer1, chain: dst.chain, transport: http(dst.rpcUrl) });
    const hash = await wallet.writeContract({
      address: dst.deployment.contracts.proofHub!.proxy,
      abi: crossChainProofHubAbi,
      functionName: 'submitCheckpoint',
      args: [checkpoint, [signature]],
    });
    expect((await dst.client.waitForTransactionReceipt({ hash })).status).toBe('success');

    const r = await net().cli(['relayer', 'pending', relayer1.address, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const onDst = out.chains.find((c: { chainId: number }) => c.chainId === dst.chainId);
    expect(onDst.checkpoints).toHaveLength(1);
    expect(onDst.checkpoints[0]).toMatchObject({
      srcChainId: String(src.chainId),
      count: '1',
      votes: '1',
      stillCounts: true,
      messages: [],
    });
    expect(out.chains.find((c: { chainId: number }) => c.chainId === src.chainId).checkpoints).toEqual([]);
    const human = await net().cli(['relayer', 'pending', relayer1.address]);
    expect(human.stdout).toMatch(/dst chain\s+src chain\s+count/);
    expect((await net().cli(['relayer', 'pending', relayer2.address])).stdout).toMatch(
      /no unaccepted checkpoint votes/,
    );
  });

  it('lists the exported messages an unaccepted checkpoint covers that are not imported (a real export)', async () => {
    const [a, b] = net().chains as [ReturnType<typeof net>['chains'][0], ReturnType<typeof net>['chains'][0]];
    const user = mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: 8 });
    const [da, db] = loadDeployments('devnet', path.join(net().stateDir, 'deployments'));
    const chainA = createPilClient({ deployment: da!, account: user, pollingInterval: 25 });
    const chainB = createPilClient({ deployment: db!, account: user, pollingInterval: 25 });
    const prover = createNodeProver();
    try {
      const alice = await accountFromSeed(new Uint8Array(32).fill(1));
      const bob = await accountFromSeed(new Uint8Array(32).fill(2));
      await chainA.createContainer({ prover, recipient: alice, amount: 1000n, stateHash: 7n });
      const [note] = await chainA.scanNotes({ account: alice });
      const exported = await chainA.exportContainer({
        prover,
        account: alice,
        note: note!,
        dstChainId: b.chainId,
        recipient: bob,
      });
      const checkpoint = await chainA.getOutboxCheckpoint();
      // Relayer 1 alone: one vote of two, the root is not accepted on B.
      await chainB.submitCheckpoint({ checkpoint, signatures: [await signCheckpoint(relayer1, checkpoint)] });
      const r = JSON.parse(
        (await net().cli(['relayer', 'pending', relayer1.address, '--chain', String(b.chainId), '--json'])).stdout,
      );
      const votes = r.chains[0].checkpoints;
      expect(votes).toHaveLength(1);
      expect(votes[0]).toMatchObject({ srcChainId: String(a.chainId), count: '1', votes: '1', stillCounts: true });
      expect(votes[0].messages).toEqual([{ index: '0', messageId: exported.messageId, dstChainId: String(b.chainId) }]);
      // Relayer 2 completes the quorum: final, nothing pending.
      await chainB.submitCheckpoint({ checkpoint, signatures: [await signCheckpoint(relayer2, checkpoint)] });
      const after = JSON.parse(
        (await net().cli(['relayer', 'pending', relayer1.address, '--chain', String(b.chainId), '--json'])).stdout,
      );
      expect(after.chains[0].checkpoints).toEqual([]);
    } finally {
      await prover.terminate();
    }
  });

  it('removes a relayer at once through the Safe; its old votes stop counting', async () => {
    const started = Date.now();
    const r = await net().cli(['relayer', 'remove', relayer1.address, '--json']);
    const seconds = (Date.now() - started) / 1000;
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.chains.map((c: { status: string; activeAfter: string }) => [c.status, c.activeAfter])).toEqual([
      ['executed', '2'],
      ['executed', '2'],
    ]);
    expect(seconds).toBeLessThan(5);
    for (const c of net().chains) {
      const registry = c.deployment.contracts.relayerRegistry!.proxy;
      expect(
        await c.client.readContract({
          address: registry,
          abi: registryAbi,
          functionName: 'isActive',
          args: [relayer1.address],
        }),
      ).toBe(false);
    }
    const pending = JSON.parse((await net().cli(['relayer', 'pending', relayer1.address, '--json'])).stdout);
    expect(pending.chains[0].checkpoints[0].stillCounts).toBe(false);
  });

  it('refuses a removal that would leave fewer active relayers than the quorum, proposing nothing', async () => {
    const before = JSON.parse((await net().cli(['safe', 'list', '--json'])).stdout).transactions.length;
    const r = await net().cli(['relayer', 'remove', relayer2.address]);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/Only 1 active relayers would remain for quorum 2/);
    expect(r.stderr).toMatch(/pil relayer add/);
    const after = JSON.parse((await net().cli(['safe', 'list', '--json'])).stdout).transactions.length;
    expect(after).toBe(before);
    // The chain refuses it too, whoever asks (here the Safe itself, impersonated).
    await expect(
      asGovernance(net().chains[0]!, 'safe', (client) => removeRelayer(client, { relayer: relayer2.address })),
    ).rejects.toThrow(/would remain|WouldBreakQuorum/);
    const bad = await net().cli(['relayer', 'remove', '0x1234']);
    expect(bad.code).toBe(5);
    expect(bad.stderr).toMatch(/Malformed relayer address/);
  });

  it('admits a new relayer through the 6 h timelock: refused early with the ETA, active after the delay and its stake', async () => {
    const fresh = privateKeyToAccount(generatePrivateKey());
    const scheduled = await net().cli(['relayer', 'add', fresh.address, '--json']);
    expect(scheduled.code).toBe(0);
    const s = JSON.parse(scheduled.stdout);
    expect(s.chains.map((c: { operation: { status: string } }) => c.operation.status)).toEqual(['waiting', 'waiting']);
    const early = await net().cli(['relayer', 'add', fresh.address, '--execute']);
    expect(early.code).toBe(5);
    expect(early.stderr).toContain(`it can execute at ${s.chains[0].operation.etaIso}`);

    await net().warp(6 * 3600);
    const done = await net().cli(['relayer', 'add', fresh.address, '--execute', '--json']);
    expect(done.code).toBe(0);
    for (const c of net().chains) {
      await c.testClient.setBalance({ address: fresh.address, value: parseEther('10') });
      const wallet = createWalletClient({ account: fresh, chain: c.chain, transport: http(c.rpcUrl) });
      const registry = c.deployment.contracts.relayerRegistry!.proxy;
      const hash = await wallet.writeContract({
        address: registry,
        abi: registryAbi,
        functionName: 'stake',
        value: parseEther('1'),
      });
      await c.client.waitForTransactionReceipt({ hash });
      expect(
        await c.client.readContract({
          address: registry,
          abi: registryAbi,
          functionName: 'isActive',
          args: [fresh.address],
        }),
      ).toBe(true);
      expect(await c.client.readContract({ address: registry, abi: registryAbi, functionName: 'activeCount' })).toBe(
        3n,
      );
    }
    // Now relayer 2 may go.
    expect((await net().cli(['relayer', 'remove', relayer2.address, '--chain', '31337'])).code).toBe(0);
    const list = JSON.parse((await net().cli(['relayer', 'list', '--chain', '31337', '--json'])).stdout);
    expect(list.chains[0]).toMatchObject({ quorum: '2', activeCount: '2' });
  });
});
