// The devnet's default disclosure policy (protocol §2, §5).
import { toHex } from 'viem';
import { computePolicyHash, policySaltOf } from '../../../sdk/src/crypto/index.js';
import type { DevnetPolicy } from '../deployments/schema.js';

export const DEFAULT_POLICY_NAME = 'pil.devnet.default';

/** Amounts 1 ..= 2^64 - 1, no attestation quorum. */
export async function defaultPolicy(
  createCircuitId: `0x${string}`,
  spendCircuitId: `0x${string}`,
): Promise<DevnetPolicy> {
  const minAmount = 1n;
  const maxAmount = 2n ** 64n - 1n;
  const policySalt = policySaltOf(DEFAULT_POLICY_NAME);
  const policyHash = await computePolicyHash({ minAmount, maxAmount, policySalt });
  return {
    name: DEFAULT_POLICY_NAME,
    policyHash: toHex(policyHash, { size: 32 }),
    minAmount: minAmount.toString(),
    maxAmount: maxAmount.toString(),
    policySalt: toHex(policySalt, { size: 32 }),
    createCircuitId,
    spendCircuitId,
    attestationQuorum: 0,
  };
}
