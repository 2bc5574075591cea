// Devnet accounts: anvil's well-known development mnemonic, funded with
// 10,000 ETH on every devnet chain. Public knowledge, never for real funds.
import { bytesToHex, type Hex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';

export const DEVNET_MNEMONIC = 'test test test test test test test test test test test junk';

function keyAt(index: number): Hex {
  const hd = mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: index }).getHdKey();
  return bytesToHex(hd.privateKey!);
}

/** Account 0: deploys everything and holds the admin roles on the devnet. */
export const devnetDeployerKey: Hex = keyAt(0);
/** Accounts 1-3: the devnet relayer set (quorum 2). */
export const devnetRelayerKeys: readonly Hex[] = [keyAt(1), keyAt(2), keyAt(3)];
export const DEVNET_RELAYER_QUORUM = 2;
export const DEVNET_CHAIN_IDS = [31337, 31338] as const;
