import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { CIRCUITS, PUBLIC_INPUTS, VERIFIER_CONTRACTS } from './artifacts.js';
import { renderVerifier, verifierPath } from './verifiers.js';

it.each(CIRCUITS)('contracts/src/verifiers for %s equals what export-verifiers.ts produces', async (circuit) => {
  const committed = await readFile(verifierPath(circuit), 'utf8');
  expect(committed).toBe(await renderVerifier(circuit));
  expect(committed).toContain(`contract ${VERIFIER_CONTRACTS[circuit]} {`);
  expect(committed).toContain('pragma solidity ^0.8.28;');
  expect(committed).toContain(
    `function verifyProof(uint[2] calldata _pA, uint[2][2] calldata _pB, uint[2] calldata _pC, uint[${PUBLIC_INPUTS[circuit].length}] calldata _pubSignals) public view returns (bool)`,
  );
});
