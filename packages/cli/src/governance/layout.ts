// Who holds what (protocol §8): the governance layout every PIL deployment
// ends with, and the devnet's governance keys. One table, read by the devnet
// hand-over, `pil roles` and `pil security-check`.
import { bytesToHex, type Hex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { DEVNET_MNEMONIC } from '../devnet/accounts.js';

export type Holder = 'standardTimelock' | 'emergencyTimelock' | 'safe';

/** Role → the governance contract that holds it on every PIL contract. */
export const roleHolders = {
  DEFAULT_ADMIN_ROLE: 'standardTimelock',
  UPGRADER_ROLE: 'standardTimelock',
  VERIFIER_ADMIN_ROLE: 'standardTimelock',
  POLICY_ADMIN_ROLE: 'standardTimelock',
  RECOVERY_ROLE: 'standardTimelock',
  GUARDIAN_ROLE: 'safe',
  UNPAUSER_ROLE: 'emergencyTimelock',
  RELAYER_ADMIN_ROLE: 'emergencyTimelock',
} as const satisfies Record<string, Holder>;
export type PilRole = keyof typeof roleHolders;
export const pilRoles = Object.keys(roleHolders) as PilRole[];

/** Minimum delays (seconds). */
export const STANDARD_DELAY = 48 * 3600;
export const EMERGENCY_DELAY = 6 * 3600;

/**
 * Timelock executors. `open` (address(0) holds EXECUTOR_ROLE): anyone may
 * execute a ready operation. The Safe already approved its content when it
 * scheduled it, the operation is public for the whole delay, and the Safe can
 * cancel it until it runs. See docs/adr/0008-governance.md.
 */
export const TIMELOCK_EXECUTOR = 'open' as const;

function keyAt(index: number): Hex {
  return bytesToHex(mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: index }).getHdKey().privateKey!);
}

/** Anvil accounts 4-6: the devnet Safe's owners (2-of-3). Public keys, devnet only. */
export const devnetOwnerKeys: readonly Hex[] = [keyAt(4), keyAt(5), keyAt(6)];
export const DEVNET_SAFE_THRESHOLD = 2;
/** Anvil account 9 deploys the Safe singleton, factory and libraries (it holds nothing afterwards). */
export const devnetSafeInfraKey: Hex = keyAt(9);
/** A fixed salt nonce: the devnet Safe has the same address on every devnet chain. */
export const DEVNET_SAFE_SALT_NONCE = 31337n;
