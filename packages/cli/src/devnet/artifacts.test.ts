import { describe, expect, it } from 'vitest';
import { DeploymentError } from '../errors.js';
import { type Artifact, linkBytecode, requiredLibraries } from './artifacts.js';

const placeholder = '__$0123456789abcdef0123456789abcdef01$__';
const artifact: Artifact = {
  name: 'UsesPoseidon',
  sourcePath: 'src/UsesPoseidon.sol',
  abi: [],
  // 2 bytes, a 20-byte placeholder, 1 byte, the placeholder again.
  bytecode: `0x6080${placeholder}00${placeholder}`,
  linkReferences: {
    '../node_modules/poseidon-solidity/PoseidonT3.sol': {
      PoseidonT3: [
        { start: 2, length: 20 },
        { start: 23, length: 20 },
      ],
    },
  },
  file: '/dev/null',
};

describe('linkBytecode', () => {
  it('lists the libraries an artifact needs', () => {
    expect(requiredLibraries(artifact)).toEqual([
      { source: '../node_modules/poseidon-solidity/PoseidonT3.sol', name: 'PoseidonT3' },
    ]);
  });

  it('writes the library address at every reference', () => {
    const address = '0x3333333C0A88F9BE4fd23ed0536F9B6c427e3B93';
    const hex = address.slice(2).toLowerCase();
    expect(linkBytecode(artifact, { PoseidonT3: address })).toBe(`0x6080${hex}00${hex}`);
  });

  it('refuses to leave a placeholder unlinked', () => {
    expect(() => linkBytecode(artifact, {})).toThrow(DeploymentError);
  });
});
