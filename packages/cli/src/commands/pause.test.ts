// EP-001 and RP-001 end to end on a devnet: pause through the Safe (refused for
// a stranger and for a single owner, on the client and on chain), effective in
// the block it executes; unpause scheduled on the 6 h timelock, refused early
// with the ETA, executed after `pil devnet warp 6h`; cancel through the Safe.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { encodeFunctionData, type Hex, parseAbi } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { pause as sdkPause } from '../../../sdk/src/actions/orchestrator/pause.js';
import { createPilBaseClient } from '../../../sdk/src/clients/createPilClient.js';
import { repoRoot } from '../context.js';
import { devnetOwnerKeys } from '../governance/layout.js';
import { useDevnet } from '../test-utils/governance.js';

const cast = path.join(repoRoot, 'node_modules', '.bin', 'cast');
const isPausedAbi = parseAbi(['function isPaused() view returns (bool)']);

describe('EP-001 pil pause / RP-001 pil unpause', () => {
  const net = useDevnet();
  const paused = async (i = 0, blockNumber?: bigint) => {
    const c = net().chains[i]!;
    return c.client.readContract({
      address: c.deployment.contracts.orchestrator!.proxy,
      abi: isPausedAbi,
      functionName: 'isPaused',
      ...(blockNumber === undefined ? {} : { blockNumber }),
    });
  };

  it('refuses a stranger: the guardian role on chain, and as a Safe signer', async () => {
    const c = net().chains[0]!;
    const stranger = generatePrivateKey();
    await c.testClient.setBalance({ address: privateKeyToAccount(stranger).address, value: 10n ** 18n });
    const client = createPilBaseClient({
      publicClient: c.client,
      account: privateKeyToAccount(stranger),
      rpcUrl: c.rpcUrl,
      addresses: { orchestrator: c.deployment.contracts.orchestrator!.proxy },
      pollingInterval: 25,
    });
    await expect(sdkPause(client)).rejects.toThrow(/GUARDIAN_ROLE|Unauthorized|not allowed|role/i);

    const r = await net().cli(['pause', '--json'], { SAFE_SIGNER_KEYS: stranger });
    expect(r.code).toBe(5);
    expect(JSON.parse(r.stdout).error.shortMessage).toMatch(/is not an owner of Safe .*refused/);
    expect(await paused(0)).toBe(false);
    expect(await paused(1)).toBe(false);
  });

  it('refuses a single owner (nothing sent), and so does the Safe on chain; a second signature made elsewhere completes it', async () => {
    const r = await net().cli(['pause', '--signers', '1', '--chain', '31337']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/Insufficient signatures: 1 of 2/);
    expect(await paused(0)).toBe(false);
    const hash = r.stderr.match(/Safe transaction (0x[0-9a-f]{64})/)![1] as Hex;

    // The Safe itself refuses one signature (GS020), whatever a client does.
    const shown = JSON.parse((await net().cli(['safe', 'show', hash, '--json'])).stdout);
    expect(shown.signatures).toHaveLength(1);
    expect(shown.decoded[0].function).toBe('pauseAll');
    const c = net().chains[0]!;
    const safeAbi = parseAbi([
      'function execTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, bytes signatures) payable returns (bool)',
    ]);
    const pending = JSON.parse(readFileSync(shown.file, 'utf8'));
    const t = pending.tx;
    const data = encodeFunctionData({
      abi: safeAbi,
      functionName: 'execTransaction',
      args: [
        t.to,
        BigInt(t.value),
        t.data,
        t.operation,
        BigInt(t.safeTxGas),
        BigInt(t.baseGas),
        BigInt(t.gasPrice),
        t.gasToken,
        t.refundReceiver,
        Object.values(pending.signatures)[0] as Hex,
      ],
    });
    const owner1 = privateKeyToAccount(devnetOwnerKeys[0]!).address;
    await expect(c.client.call({ account: owner1, to: c.governance.safe, data })).rejects.toThrow(/GS020/);

    // `pil safe execute` refuses too, before sending anything.
    const early = await net().cli(['safe', 'execute', hash]);
    expect(early.code).toBe(5);
    expect(early.stderr).toMatch(/Insufficient signatures: 1 of 2/);

    // Owner 2 signs elsewhere with cast; the signature is added to the pending file; then it executes.
    const sig = execFileSync(cast, ['wallet', 'sign', '--no-hash', '--private-key', devnetOwnerKeys[1]!, hash])
      .toString()
      .trim();
    const signed = await net().cli(['safe', 'sign', hash, '--signature', sig, '--json']);
    expect(signed.code).toBe(0);
    expect(JSON.parse(signed.stdout).signatures).toHaveLength(2);
    const executed = await net().cli(['safe', 'execute', hash, '--json']);
    expect(executed.code).toBe(0);
    const block = BigInt(JSON.parse(executed.stdout).blockNumber);
    // Takes effect in the block it executes.
    expect(await paused(0, block - 1n)).toBe(false);
    expect(await paused(0, block)).toBe(true);
    expect(await paused(1)).toBe(false);
  });

  it('pauses every chain through the Safe at once, in the block it executes; the runbook cast lines see it', async () => {
    const started = Date.now();
    const r = await net().cli(['pause', '--json']);
    const seconds = (Date.now() - started) / 1000;
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.chains).toHaveLength(2);
    for (const [i, ch] of out.chains.entries()) {
      expect(ch.status).toBe('executed');
      expect(ch.paused).toBe(true);
      expect(ch.signatures).toHaveLength(2);
      expect(await paused(i, BigInt(ch.blockNumber))).toBe(true);
    }
    expect(seconds).toBeLessThan(5);
    const c = net().chains[1]!;
    for (const contract of Object.values(c.deployment.contracts)) {
      const out = execFileSync(cast, ['call', contract!.proxy, 'isPaused()(bool)', '--rpc-url', c.rpcUrl])
        .toString()
        .trim();
      expect(out).toBe('true');
    }
  });

  it('schedules the unpause on the 6 h timelock, refuses it early with the ETA, executes it after warping 6 h', async () => {
    const scheduled = await net().cli(['unpause', '--json']);
    expect(scheduled.code).toBe(0);
    const s = JSON.parse(scheduled.stdout);
    for (const ch of s.chains) {
      expect(ch.step).toBe('scheduled');
      expect(ch.operation.status).toBe('waiting');
      expect(ch.operation.secondsLeft).toBeGreaterThan(6 * 3600 - 60);
      expect(ch.operation.secondsLeft).toBeLessThanOrEqual(6 * 3600);
    }
    const eta = s.chains[0].operation.etaIso as string;
    const twice = await net().cli(['unpause', '--chain', '31337']);
    expect(twice.code).toBe(5);
    expect(twice.stderr).toContain(
      `RP-001 unpause is already scheduled on devnet-31337: operation ${s.chains[0].operation.id}`,
    );

    const ops = JSON.parse((await net().cli(['pending-ops', '--json'])).stdout);
    expect(ops.chains.map((c: { operations: unknown[] }) => c.operations.length)).toEqual([1, 1]);
    expect(ops.chains[0].operations[0]).toMatchObject({
      kind: 'emergency',
      status: 'waiting',
      calls: ['PILv2Orchestrator.unpause()'],
    });

    const early = await net().cli(['unpause', '--execute']);
    expect(early.code).toBe(5);
    expect(early.stderr).toContain(`is not ready: it can execute at ${eta}`);
    expect(early.stderr).toMatch(/pil devnet warp 6h/);
    expect(await paused(0)).toBe(true);

    const warp = await net().cli(['devnet', 'warp', '5h59m']);
    expect(warp.code).toBe(0);
    expect((await net().cli(['unpause', '--execute'])).code).toBe(5);
    await net().cli(['devnet', 'warp', '1m']);
    const done = await net().cli(['unpause', '--execute', '--json']);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout).chains.map((c: { paused: boolean }) => c.paused)).toEqual([false, false]);
    expect(await paused(0)).toBe(false);
    expect(await paused(1)).toBe(false);
    const again = await net().cli(['unpause', '--execute']);
    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/no scheduled RP-001 unpause/);
  });

  it('pauses one contract only, and cancels a scheduled unpause through the Safe', async () => {
    const c = net().chains[0]!;
    const r = await net().cli(['pause', '--contract', 'pc3', '--chain', '31337', '--json']);
    expect(r.code).toBe(0);
    const pc3 = c.deployment.contracts.pc3!.proxy;
    const hub = c.deployment.contracts.proofHub!.proxy;
    expect(await c.client.readContract({ address: pc3, abi: isPausedAbi, functionName: 'isPaused' })).toBe(true);
    expect(await c.client.readContract({ address: hub, abi: isPausedAbi, functionName: 'isPaused' })).toBe(false);
    expect(await paused(0)).toBe(false);

    const s = JSON.parse((await net().cli(['unpause', '--contract', 'pc3', '--chain', '31337', '--json'])).stdout);
    const id = s.chains[0].operation.id as string;
    expect(s.chains[0].operation.calls[0]).toMatch(/unpauseContract/);
    // The cancel is signed by two owners elsewhere with eth_sign (EIP-191, e.g. a hardware wallet): cast without --no-hash.
    const proposed = await net().cli(['timelock', 'cancel', id.slice(0, 12), '--propose-only', '--signers', '1']);
    expect(proposed.code).toBe(0);
    const hash = proposed.stdout.match(/transaction (0x[0-9a-f]{64})/)![1]!;
    const ethSign = execFileSync(cast, ['wallet', 'sign', '--private-key', devnetOwnerKeys[2]!, hash])
      .toString()
      .trim();
    const added = await net().cli(['safe', 'sign', hash, '--signature', ethSign, '--json']);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout).signedNow).toEqual([privateKeyToAccount(devnetOwnerKeys[2]!).address]);
    const stranger = execFileSync(cast, ['wallet', 'sign', '--no-hash', '--private-key', generatePrivateKey(), hash])
      .toString()
      .trim();
    const refused = await net().cli(['safe', 'sign', hash, '--signature', stranger]);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toMatch(/is not an owner of Safe/);
    const cancel = await net().cli(['safe', 'execute', hash, '--json']);
    expect(cancel.code).toBe(0);
    const show = JSON.parse((await net().cli(['timelock', 'show', id, '--json'])).stdout);
    expect(show.status).toBe('cancelled');
    await net().cli(['devnet', 'warp', '7h']);
    const exec = await net().cli(['timelock', 'execute', id]);
    expect(exec.code).toBe(5);
    expect(exec.stderr).toMatch(/cancelled|not scheduled/);
    expect(await c.client.readContract({ address: pc3, abi: isPausedAbi, functionName: 'isPaused' })).toBe(true);
  });
});
