// The devnet relayer set: anvil accounts 1-3 admitted, each staking the
// registry's minimum stake, quorum 2 (protocol §6).
import { type Abi, type Address, createWalletClient, http, parseAbi, zeroAddress } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { ChainError } from '../errors.js';
import { DEVNET_RELAYER_QUORUM, devnetRelayerKeys } from './accounts.js';
import type { Deployer } from './deployer.js';

const stakeAbi = parseAbi(['function stake() payable', 'function minStake() view returns (uint256)']);

export async function wireRelayers(options: {
  deployer: Deployer;
  address: Address;
  abi: Abi;
  hub: Address;
}): Promise<{ accounts: Address[]; quorum: number }> {
  const { deployer, address, abi } = options;
  const minStake = await deployer.client.readContract({ address, abi: stakeAbi, functionName: 'minStake' });
  const accounts: Address[] = [];
  for (const key of devnetRelayerKeys) {
    const account = privateKeyToAccount(key);
    await deployer.call(address, abi, 'addRelayer', [account.address], 'RelayerRegistry');
    const wallet = createWalletClient({
      account,
      chain: deployer.wallet.chain,
      transport: http(deployer.wallet.chain.rpcUrls.default.http[0]),
    });
    const hash = await wallet.writeContract({ address, abi: stakeAbi, functionName: 'stake', value: minStake });
    const receipt = await deployer.client.waitForTransactionReceipt({ hash, pollingInterval: 25 });
    if (receipt.status !== 'success') throw new ChainError(`stake of relayer ${account.address} reverted`);
    accounts.push(account.address);
  }
  await deployer.call(address, abi, 'setQuorum', [BigInt(DEVNET_RELAYER_QUORUM)], 'RelayerRegistry');
  if (options.hub !== zeroAddress) await deployer.call(address, abi, 'setHub', [options.hub], 'RelayerRegistry');
  return { accounts, quorum: DEVNET_RELAYER_QUORUM };
}
