// EP-003 (verifier rotation), EP-004 (funds assess/recover) and RP-002 (state
// export/verify/restore) end to end on one devnet (plus a fresh one for the
// restore), with chain time travel for the 48 h timelock.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as snarkjs from 'snarkjs';
import { type Address, type Hex, keccak256, parseAbi, parseEther, parseEventLogs, toHex, zeroHash } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, describe, expect, it } from 'vitest';
import { CIRCUIT_IDS, keyPaths } from '../../../../circuits/src/artifacts.js';
import { releaseCurves } from '../../../../circuits/src/ceremony.js';
import { toSolidityProof } from '../../../../circuits/src/prover.js';
import { relayerRegistryAbi, verifierRegistryAbi } from '../../../sdk/src/abi/generated/index.js';
import { getBackend } from '../../../sdk/src/actions/easc/getBackend.js';
import { registerBackend } from '../../../sdk/src/actions/easc/registerBackend.js';
import { registerPolicy } from '../../../sdk/src/actions/pbp/registerPolicy.js';
import { fundFeePool } from '../../../sdk/src/actions/proofHub/fundFeePool.js';
import { addRelayer } from '../../../sdk/src/actions/relayerRegistry/addRelayer.js';
import { getRelayer } from '../../../sdk/src/actions/relayerRegistry/getRelayer.js';
import { getRelayerQuorum } from '../../../sdk/src/actions/relayerRegistry/getRelayerQuorum.js';
import { slashEquivocation } from '../../../sdk/src/actions/relayerRegistry/slashEquivocation.js';
import { createPilBaseClient } from '../../../sdk/src/clients/createPilClient.js';
import { devnetRelayerKeys } from '../devnet/accounts.js';
import { checksumOf } from '../ops/state.js';
import { asGovernance, type DevnetFixture, startTestDevnet, useDevnet } from '../test-utils/governance.js';

const H48 = 48 * 3600;
const dir = mkdtempSync(path.join(tmpdir(), 'pil-recovery-'));
// biome-ignore lint/suspicious/noExplicitAny: the test walks the commands' untyped --json output
type Json = any;
const json = (s: string): Json => JSON.parse(s);
const fixture = json(
  readFileSync(
    path.join(keyPaths('container_create').dir, '..', '..', 'fixtures', 'container_create', 'create.json'),
    'utf8',
  ),
);

describe('EP-003 / EP-004 / RP-002 on a devnet', () => {
  const net = useDevnet();
  let fresh: DevnetFixture | undefined;
  afterAll(async () => {
    await fresh?.stop();
  });
  const recipient = privateKeyToAccount(generatePrivateKey()).address;
  const configFile = path.join(dir, 'pil.config.json');
  writeFileSync(configFile, JSON.stringify({ networks: {}, recovery: { devnet: { allowedRecipients: [recipient] } } }));

  const clientFor = async (i: number, key = generatePrivateKey()) => {
    const c = net().chains[i]!;
    const account = privateKeyToAccount(key);
    await c.testClient.setBalance({ address: account.address, value: parseEther('100') });
    const addresses = Object.fromEntries(Object.entries(c.deployment.contracts).map(([id, x]) => [id, x!.proxy]));
    return createPilBaseClient({ publicClient: c.client, account, rpcUrl: c.rpcUrl, addresses, pollingInterval: 25 });
  };

  it('EP-004: assess shows the fee pool and slashed stake; recovery refuses a recipient off the allow-list, then runs through the 48 h timelock', async () => {
    const c = net().chains[0]!;
    const pool0 = BigInt(
      json((await net().cli(['funds', 'assess', '--chain', '31337', '--json'])).stdout).chains[0].contracts.find(
        (x: Json) => x.contract === 'proofHub',
      ).recoverable,
    );
    await fundFeePool(await clientFor(0), { value: parseEther('2') });
    // Slash relayer 3 for equivocation (two roots for one count, signed by it).
    const relayer = privateKeyToAccount(devnetRelayerKeys[2]!);
    const cp = (root: Hex) => ({
      srcChainId: 31338n,
      srcHub: net().chains[1]!.deployment.contracts.proofHub!.proxy,
      count: 1n,
      root,
    });
    const sign = (root: Hex) =>
      relayer.signTypedData({
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
        message: cp(root),
      });
    const r1 = `0x${'11'.repeat(32)}` as Hex;
    const r2 = `0x${'22'.repeat(32)}` as Hex;
    await slashEquivocation(await clientFor(0), {
      a: cp(r1),
      signatureA: await sign(r1),
      b: cp(r2),
      signatureB: await sign(r2),
    });

    const assess = await net().cli(['funds', 'assess', '--chain', '31337', '--json']);
    expect(assess.code, assess.stderr).toBe(0);
    const report = json(assess.stdout).chains[0];
    const hub = report.contracts.find((x: Json) => x.contract === 'proofHub');
    const reg = report.contracts.find((x: Json) => x.contract === 'relayerRegistry');
    expect(BigInt(hub.recoverable)).toBe(pool0 + parseEther('2'));
    expect(BigInt(reg.recoverable)).toBeGreaterThan(0n);
    expect(BigInt(reg.accounted.slashed)).toBe(BigInt(reg.recoverable));
    expect(BigInt(reg.stuck)).toBe(0n);
    const human = await net().cli(['funds', 'assess']);
    expect(human.stdout).toMatch(/CrossChainProofHub .*recoverFunds/);

    const opsBefore = json((await net().cli(['pending-ops', '--json'])).stdout);
    const stranger = privateKeyToAccount(generatePrivateKey()).address;
    const refused = await net().cli(['funds', 'recover', '--to', stranger, '--config', configFile, '--json']);
    expect(refused.code).toBe(5);
    expect(json(refused.stdout).error.shortMessage).toMatch(/not an allowed recovery recipient.*nothing was proposed/);
    const bad = await net().cli(['funds', 'recover', '--to', '0x1234', '--config', configFile]);
    expect(bad.code).toBe(5);
    const tooMuch = await net().cli([
      'funds',
      'recover',
      '--to',
      recipient,
      '--from',
      'fee-pool',
      '--amount',
      '500',
      '--chain',
      '31337',
      '--config',
      configFile,
    ]);
    expect(tooMuch.code).toBe(5);
    expect(json((await net().cli(['pending-ops', '--json'])).stdout)).toEqual(opsBefore);

    const scheduled = await net().cli([
      'funds',
      'recover',
      '--to',
      recipient,
      '--chain',
      '31337',
      '--config',
      configFile,
      '--json',
    ]);
    expect(scheduled.code, scheduled.stderr).toBe(0);
    const op = json(scheduled.stdout).chains[0].operation;
    expect(op.kind).toBe('standard');
    expect(op.calls.join(' ')).toMatch(/recoverFunds.*recoverSlashed/);
    const early = await net().cli([
      'funds',
      'recover',
      '--to',
      recipient,
      '--execute',
      '--chain',
      '31337',
      '--config',
      configFile,
    ]);
    expect(early.code).toBe(5);
    expect(early.stderr).toMatch(/not ready: it can execute at .*pil devnet warp 48h/s);
    await net().warp(H48);
    const done = await net().cli([
      'funds',
      'recover',
      '--to',
      recipient,
      '--execute',
      '--chain',
      '31337',
      '--config',
      configFile,
      '--json',
    ]);
    expect(done.code, done.stderr).toBe(0);
    expect(BigInt(json(done.stdout).chains[0].received)).toBe(BigInt(hub.recoverable) + BigInt(reg.recoverable));
    expect(await c.client.getBalance({ address: recipient })).toBe(BigInt(hub.recoverable) + BigInt(reg.recoverable));
    const after = json((await net().cli(['funds', 'assess', '--chain', '31337', '--json'])).stdout).chains[0];
    expect(after.totalRecoverable).toBe('0');
  }, 120_000);

  let exported = '';
  it('RP-002: state export at a block, verify against the chain, and refuse a tampered file', async () => {
    const c = net().chains[0]!;
    const block = await c.client.getBlockNumber();
    exported = path.join(dir, 'state.json');
    const r = await net().cli([
      'state',
      'export',
      '--block',
      `31337=${block}`,
      '--chain',
      '31337',
      '--out',
      exported,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const file = json(readFileSync(exported, 'utf8'));
    expect(file.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    const s = file.chains[0].contracts;
    expect(s.pc3.treeSize).toBe('0');
    expect(s.pbp.policies).toHaveLength(1);
    expect(s.relayerRegistry.relayers).toHaveLength(3);
    expect(s.verifierRegistry.circuits).toHaveLength(2);
    expect(s.orchestrator.roles.GUARDIAN_ROLE).toEqual([c.governance.safe]);
    // The chain moves on; the export still verifies at its block.
    await fundFeePool(await clientFor(0), { value: 1n });
    const ok = await net().cli(['state', 'verify', exported, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(json(ok.stdout).ok).toBe(true);

    const tampered = json(readFileSync(exported, 'utf8'));
    tampered.chains[0].contracts.relayerRegistry.quorum = '1';
    writeFileSync(path.join(dir, 'bad-checksum.json'), JSON.stringify(tampered));
    const badSum = await net().cli(['state', 'verify', path.join(dir, 'bad-checksum.json')]);
    expect(badSum.code).toBe(8);
    expect(badSum.stdout).toMatch(/CHECKSUM MISMATCH/);
    tampered.checksum = checksumOf(tampered as never);
    writeFileSync(path.join(dir, 'bad-value.json'), JSON.stringify(tampered));
    const badValue = await net().cli(['state', 'verify', path.join(dir, 'bad-value.json'), '--json']);
    expect(badValue.code).toBe(8);
    expect(json(badValue.stdout).chains[0].differences).toEqual([
      { chainId: 31337, path: 'contracts.relayerRegistry.quorum', exported: '1', onChain: '2' },
    ]);
    const future = await net().cli(['state', 'export', '--block', '99999999', '--out', path.join(dir, 'x.json')]);
    expect(future.code).toBe(5);
  }, 120_000);

  it('EP-003: a new key from a ceremony step is rotated in through the 48 h timelock; an old-key proof is then refused and evented', async () => {
    const c = net().chains[0]!;
    const zkey = path.join(dir, 'cc_0001.zkey');
    const contrib = await net().cli([
      'ceremony',
      'contribute',
      keyPaths('container_create').zkey,
      '--name',
      'carol',
      '--out',
      zkey,
      '--transcript',
      path.join(dir, 't.json'),
      '--json',
    ]);
    expect(contrib.code, contrib.stderr).toBe(0);
    const fin = await net().cli([
      'ceremony',
      'finalize',
      zkey,
      '--circuit',
      'container_create',
      '--out',
      path.join(dir, 'keys'),
      '--unverified',
      '--json',
    ]);
    expect(fin.code, fin.stderr).toBe(0);
    const vkHash = json(fin.stdout).vkHash as Hex;
    expect(vkHash).not.toBe(fixture.vkHash);

    const wrong = await net().cli([
      'verifier',
      'rotate',
      'container_create',
      '--zkey',
      zkey,
      '--vk',
      keyPaths('container_create').vk,
    ]);
    expect(wrong.code).toBe(5);
    expect(wrong.stderr).toMatch(/is not the verification key of/);
    const sched = await net().cli([
      'verifier',
      'rotate',
      'container_create',
      '--artifacts',
      path.join(dir, 'keys'),
      '--chain',
      '31337',
      '--json',
    ]);
    expect(sched.code, sched.stderr).toBe(0);
    const early = await net().cli([
      'verifier',
      'rotate',
      'container_create',
      '--artifacts',
      path.join(dir, 'keys'),
      '--chain',
      '31337',
      '--execute',
    ]);
    expect(early.code).toBe(5);
    expect(early.stderr).toMatch(/not ready/);
    await net().warp(H48);
    const exec = await net().cli([
      'verifier',
      'rotate',
      'container_create',
      '--artifacts',
      path.join(dir, 'keys'),
      '--chain',
      '31337',
      '--execute',
      '--json',
    ]);
    expect(exec.code, exec.stderr).toBe(0);
    expect(json(exec.stdout).chains[0].current.vkHash).toBe(vkHash);

    const registry = c.deployment.contracts.verifierRegistry!.proxy;
    const circuitId = CIRCUIT_IDS.container_create;
    const pub = (fixture.publicSignals as string[]).map(BigInt);
    const sol = fixture.solidity;
    const proof = { a: sol.a.map(BigInt), b: sol.b.map((r: string[]) => r.map(BigInt)), c: sol.c.map(BigInt) };
    const key = generatePrivateKey();
    const client = await clientFor(0, key);
    const account = privateKeyToAccount(key);
    const sim = await c.client.simulateContract({
      address: registry,
      abi: verifierRegistryAbi,
      functionName: 'verifyProof',
      args: [circuitId, proof as never, pub],
      account,
    });
    expect(sim.result).toBe(false);
    const hash = await client.wallet!.writeContract({
      address: registry,
      abi: verifierRegistryAbi,
      functionName: 'verifyProof',
      args: [circuitId, proof as never, pub],
      chain: c.chain,
      account,
    });
    const receipt = await c.client.waitForTransactionReceipt({ hash });
    const events = parseEventLogs({
      abi: verifierRegistryAbi,
      logs: receipt.logs,
      eventName: 'RetiredKeyProofRejected',
    });
    expect(events.map((e) => e.args)).toEqual([{ circuitId, retiredVkHash: fixture.vkHash }]);
    // The monitor alerts on it (the runbook: old-proof attempts are alerted).
    const monitored = JSON.parse(
      (await net().cli(['monitor', 'status', '--chain', String(c.chainId), '--json'])).stdout,
    );
    expect(monitored.alerts).toContainEqual(
      expect.objectContaining({ key: `retired_key_proofs:${c.chainId}`, severity: 'warning', value: 1 }),
    );

    // A proof under the new key (same input, new zkey) is accepted.
    const { proof: p2, publicSignals } = await snarkjs.groth16.fullProve(
      fixture.input,
      keyPaths('container_create').wasm,
      path.join(dir, 'keys', 'container_create', 'container_create_final.zkey'),
    );
    await releaseCurves();
    const s2 = toSolidityProof(p2, publicSignals);
    const ok = await c.client.simulateContract({
      address: registry,
      abi: verifierRegistryAbi,
      functionName: 'verifyProof',
      args: [circuitId, { a: s2.a, b: s2.b, c: s2.c } as never, s2.publicInputs],
      account,
    });
    expect(ok.result).toBe(true);

    // The SDK's Node prover picks the artifacts whose key the registry names now.
    const { createNodeProverForChain } = await import('../../../sdk/src/node/keyedProver.js');
    const keysDir = path.join(dir, 'keys');
    const prover = await createNodeProverForChain(client, {
      artifactDirs: [keyPaths('container_create').dir.replace(/container_create$/, ''), keysDir],
    });
    expect(prover.keys.container_create).toEqual({ vkHash, dir: keysDir });
    expect(prover.keys.container_spend.dir).not.toBe(keysDir);
    await prover.terminate();
  }, 180_000);

  it('RP-002 steps 4-5: restore re-registers the exported policies, verifiers, backends, relayers and quorum on a fresh deployment', async () => {
    const c = net().chains[0]!;
    // State worth restoring: a second policy, the rotated verifier, a backend, a fourth relayer, and
    // quorum 1 (one relayer was slashed above: two are active here).
    const backendId = keccak256(toHex('restore-backend'));
    const backendSigner = privateKeyToAccount(generatePrivateKey()).address;
    const fourth = privateKeyToAccount(generatePrivateKey()).address;
    await asGovernance(c, 'standardTimelock', async (client) => {
      await registerPolicy(client, {
        policyHash: 12345n,
        createCircuitId: CIRCUIT_IDS.container_create,
        spendCircuitId: CIRCUIT_IDS.container_spend,
        attestationQuorum: 0,
      });
      await registerBackend(client, { backendId, kind: 0, signer: backendSigner });
    });
    await asGovernance(c, 'emergencyTimelock', async (client) => {
      await addRelayer(client, { relayer: fourth });
      const hash = await client.wallet!.writeContract({
        address: c.deployment.contracts.relayerRegistry!.proxy,
        abi: relayerRegistryAbi,
        functionName: 'setQuorum',
        args: [1n],
      });
      expect((await client.public.waitForTransactionReceipt({ hash })).status).toBe('success');
    });
    const file = path.join(dir, 'state2.json');
    expect((await net().cli(['state', 'export', '--chain', '31337', '--out', file])).code).toBe(0);
    fresh = await startTestDevnet({ chainIds: [31337] });
    const restore = await fresh.cli(['state', 'restore', file, '--json']);
    expect(restore.code, restore.stderr).toBe(0);
    const out = json(restore.stdout).chains[0];
    expect(out.actions.join('\n')).toMatch(/register policy 12345/);
    expect(out.actions.join('\n')).toMatch(/verifier of .*key/);
    expect(out.actions).toContain(`register backend ${backendId} (signer ${backendSigner})`);
    expect(out.actions).toContain(`admit relayer ${fourth} (it must stake on this deployment)`);
    expect(out.actions).toContain('set quorum 2 → 1');
    await fresh.warp(H48);
    const exec = await fresh.cli(['state', 'restore', file, '--execute', '--json']);
    expect(exec.code, exec.stderr).toBe(0);
    const again = await fresh.cli(['state', 'restore', file, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(json(again.stdout).chains[0].actions).toEqual([]);
    const fc = fresh.chains[0]!;
    const entry = await fc.client.readContract({
      address: fc.deployment.contracts.verifierRegistry!.proxy,
      abi: verifierRegistryAbi,
      functionName: 'verifierOf',
      args: [CIRCUIT_IDS.container_create],
    });
    const exportedVk = json(readFileSync(file, 'utf8')).chains[0].contracts.verifierRegistry.circuits.find(
      (x: Json) => x.circuitId === CIRCUIT_IDS.container_create,
    ).vkHash;
    expect(entry.vkHash).toBe(exportedVk);
    const pol = await fc.client.readContract({
      address: fc.deployment.contracts.pbp!.proxy,
      abi: parseAbi(['function isActive(uint256) view returns (bool)']),
      functionName: 'isActive',
      args: [12345n],
    });
    expect(pol).toBe(true);
    const restored = createPilBaseClient({
      publicClient: fc.client,
      addresses: {
        easc: fc.deployment.contracts.easc!.proxy,
        relayerRegistry: fc.deployment.contracts.relayerRegistry!.proxy,
      },
      pollingInterval: 25,
    });
    expect(await getBackend(restored, { backendId })).toMatchObject({ signer: backendSigner, active: true });
    expect((await getRelayer(restored, { relayer: fourth })).admitted).toBe(true);
    expect(await getRelayerQuorum(restored)).toBe(1n);
    expect(zeroHash).toBeDefined();
  }, 240_000);
});
void (0 as unknown as Address);
