import { encodeFunctionData, encodePacked, parseAbi, size, zeroAddress, zeroHash } from 'viem';
import { describe, expect, it } from 'vitest';
import { pilv2OrchestratorAbi, relayerRegistryAbi } from '../../../sdk/src/abi/generated/index.js';
import { parseDuration } from '../commands/warp.js';
import { timelockAbi } from './abis.js';
import { decodeCall, decodeRevert, formatCall, parseCalldata, unpackMultiSend } from './decode.js';
import { formatDuration, formatEta, warpArg } from './timelock.js';

const orchestrator = '0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1';
const registry = '0xA51c1fc2f0D1a1b8494Ed1FE312d7C3a78Ed91C0';
const timelock = '0x4C2F7092C2aE51D986bEFEe378e50BD4dB99C901';

describe('decode', () => {
  it('decodes Safe → MultiSend → timelock schedule → PIL call, all the way down', () => {
    const unpause = encodeFunctionData({ abi: pilv2OrchestratorAbi, functionName: 'unpause' });
    const add = encodeFunctionData({ abi: relayerRegistryAbi, functionName: 'addRelayer', args: [zeroAddress] });
    const schedule = encodeFunctionData({
      abi: timelockAbi,
      functionName: 'scheduleBatch',
      args: [[orchestrator, registry], [0n, 0n], [unpause, add], zeroHash, zeroHash, 21600n],
    });
    const remove = encodeFunctionData({ abi: relayerRegistryAbi, functionName: 'removeRelayer', args: [zeroAddress] });
    const packed = (to: `0x${string}`, data: `0x${string}`) =>
      encodePacked(['uint8', 'address', 'uint256', 'uint256', 'bytes'], [0, to, 0n, BigInt(size(data)), data]);
    const multi = encodeFunctionData({
      abi: parseAbi(['function multiSend(bytes transactions) payable']),
      functionName: 'multiSend',
      args: [`${packed(timelock, schedule)}${packed(registry, remove).slice(2)}` as `0x${string}`],
    });
    expect(unpackMultiSend(decodeCall(multi).args[0]!.value as `0x${string}`)).toHaveLength(2);
    const call = decodeCall(multi, { labels: (a) => (a === timelock ? 'EmergencyTimelock' : undefined) });
    expect(call.function).toBe('multiSend');
    expect(call.inner!.map((c) => c.function)).toEqual(['scheduleBatch', 'removeRelayer']);
    expect(call.inner![0]!.contract).toBe('EmergencyTimelock');
    expect(call.inner![0]!.inner!.map((c) => `${c.contract}.${c.function}`)).toEqual([
      'PILv2Orchestrator.unpause',
      'RelayerRegistry.addRelayer',
    ]);
    expect(formatCall(call)).toMatch(/↳ RelayerRegistry.*removeRelayer\(address\)/);
  });

  it('decodes custom errors and refuses malformed calldata', () => {
    const data = encodeFunctionData({
      abi: parseAbi(['function WouldBreakQuorum(uint256,uint256)']),
      functionName: 'WouldBreakQuorum',
      args: [1n, 2n],
    });
    expect(decodeRevert(data)).toBe('WouldBreakQuorum(1, 2)');
    expect(() => parseCalldata('0x123')).toThrow(/Malformed calldata/);
    expect(() => parseCalldata('hello')).toThrow(/Malformed calldata/);
    expect(decodeCall('0xdeadbeef').unknown).toBe(true);
  });
});

describe('durations', () => {
  it('parses warp durations', () => {
    expect(parseDuration('6h')).toBe(21600);
    expect(parseDuration('48h')).toBe(172800);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('2d')).toBe(172800);
    expect(parseDuration('90')).toBe(90);
    expect(() => parseDuration('six hours')).toThrow(/Malformed duration/);
    expect(() => parseDuration('6x')).toThrow(/Malformed duration/);
  });
  it('formats ETAs and warp hints', () => {
    expect(formatDuration(6 * 3600 - 1)).toBe('5 h 59 min');
    expect(formatDuration(2 * 86400)).toBe('2 d');
    expect(formatEta(1_800_000_000, 1_800_000_000 - 3600)).toBe('2027-01-15T08:00:00.000Z (in 1 h, chain time)');
    expect(warpArg(21600)).toBe('6h');
    expect(warpArg(21599)).toBe('6h');
    expect(warpArg(100)).toBe('2m');
  });
});
