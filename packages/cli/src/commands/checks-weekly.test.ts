// `pil checks weekly` on a devnet: the deployment's role handover is in the audit log; two
// containers created show in the volume and gas figures; a refused pause (a stranger, sent
// without simulation) shows as an error pattern with its decoded error; after 8 days of
// chain time a 7-day review is empty.
import path from 'node:path';
import { encodeFunctionData, parseAbi, parseEther } from 'viem';
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { accountFromSeed, createPilClient } from '../../../sdk/src/index.js';
import { createNodeProver, loadDeployments } from '../../../sdk/src/node/index.js';
import { DEVNET_MNEMONIC } from '../devnet/accounts.js';
import { useDevnet } from '../test-utils/governance.js';

type Weekly = {
  ok: boolean;
  chains: {
    chainId: number;
    volume: { day: string; create: number }[];
    gas: { kind: string; count: number; mean: number }[];
    errors: { error: string; count: number }[];
    failed: number;
    sent: number;
    audit: { contract: string; event: string; args: string }[];
  }[];
};

describe('pil checks weekly', () => {
  const net = useDevnet();
  const weekly = async (...args: string[]) => {
    const r = await net().cli(['checks', 'weekly', '--chain', '31337', '--json', ...args]);
    return { code: r.code, stderr: r.stderr, report: JSON.parse(r.stdout) as Weekly };
  };

  it('reports volume, gas, errors and the admin audit log of the last 7 days', async () => {
    const c = net().chains[0]!;
    const user = mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: 8 });
    const [da] = loadDeployments('devnet', path.join(net().stateDir, 'deployments'));
    const chainA = createPilClient({ deployment: da!, account: user, pollingInterval: 25 });
    const prover = createNodeProver();
    try {
      const alice = await accountFromSeed(new Uint8Array(32).fill(3));
      await chainA.createContainer({ prover, recipient: alice, amount: 10n, stateHash: 1n });
      await chainA.createContainer({ prover, recipient: alice, amount: 20n, stateHash: 2n });
    } finally {
      await prover.terminate();
    }
    const stranger = privateKeyToAccount(generatePrivateKey());
    await c.testClient.setBalance({ address: stranger.address, value: parseEther('1') });
    await c.testClient.impersonateAccount({ address: stranger.address });
    const refused = await c.client.request({
      method: 'eth_sendTransaction',
      params: [
        {
          from: stranger.address,
          to: c.deployment.contracts.orchestrator!.proxy,
          data: encodeFunctionData({ abi: parseAbi(['function pause()']), functionName: 'pause' }),
          gas: '0x30d40',
        },
      ],
    } as never);
    expect((await c.client.waitForTransactionReceipt({ hash: refused as `0x${string}` })).status).toBe('reverted');

    const { code, stderr, report } = await weekly();
    expect(code, stderr).toBe(0);
    const a = report.chains[0]!;
    expect(a.chainId).toBe(31337);
    expect(a.volume.reduce((n, d) => n + d.create, 0)).toBe(2);
    expect(a.gas.find((g) => g.kind === 'create')).toMatchObject({ count: 2 });
    expect(a.gas.find((g) => g.kind === 'create')!.mean).toBeGreaterThan(200_000);
    expect(a.failed).toBe(1);
    expect(a.errors).toEqual([
      expect.objectContaining({ error: expect.stringMatching(/AccessControlUnauthorizedAccount/), count: 1 }),
    ]);
    // The deployment handed every role to governance: grants and the deployer's renouncements.
    expect(a.audit.some((e) => e.event === 'RoleGranted' && e.contract === 'orchestrator')).toBe(true);
    expect(a.audit.some((e) => e.event === 'RoleRevoked')).toBe(true);
    expect(a.audit.some((e) => e.event === 'PolicyRegistered')).toBe(true);

    const human = await net().cli(['checks', 'weekly', '--chain', '31337']);
    expect(human.stdout).toMatch(/audit log\n/);
    expect(human.stdout).toMatch(/errors: 1 of \d+ PIL transactions reverted/);
  }, 120_000);

  it('a 7-day review after 8 days of chain time is empty', async () => {
    await net().warp(8 * 86_400);
    const { code, report } = await weekly();
    expect(code).toBe(0);
    const a = report.chains[0]!;
    expect(a.audit).toEqual([]);
    expect(a.volume.reduce((n, d) => n + d.create, 0)).toBe(0);
    expect(a.failed).toBe(0);
  }, 60_000);

  it('refuses a bad --days', async () => {
    const r = await net().cli(['checks', 'weekly', '--days', '0']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/--days/);
  });
});
