// Governance on a devnet chain: the real Safe contracts (1.4.1, SafeL2) and a
// 2-of-3 Safe of the devnet owner keys, the two OpenZeppelin
// TimelockControllers (48 h standard, 6 h emergency; the Safe proposes and
// cancels, execution is open), and the hand-over: every role of protocol §8
// to its holder, then the deployer renounces every role it holds.
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  type Abi,
  type Address,
  createWalletClient,
  encodeFunctionData,
  http,
  parseAbi,
  parseEventLogs,
  zeroAddress,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { type ContractId, contractInfo } from '../contracts.js';
import { ArtifactStore } from '../devnet/artifacts.js';
import { type DeployedProxy, Deployer } from '../devnet/deployer.js';
import { roleId } from '../devnet/roles.js';
import { ChainError } from '../errors.js';
import {
  DEVNET_SAFE_SALT_NONCE,
  DEVNET_SAFE_THRESHOLD,
  devnetOwnerKeys,
  devnetSafeInfraKey,
  EMERGENCY_DELAY,
  type Holder,
  pilRoles,
  roleHolders,
  STANDARD_DELAY,
} from './layout.js';

const require = createRequire(import.meta.url);

/** The addresses protocol-kit needs for a chain it does not know (its `contractNetworks` entry). */
export type SafeContracts = {
  safeSingletonAddress: Address;
  safeProxyFactoryAddress: Address;
  multiSendAddress: Address;
  multiSendCallOnlyAddress: Address;
  fallbackHandlerAddress: Address;
  signMessageLibAddress: Address;
  createCallAddress: Address;
  simulateTxAccessorAddress: Address;
};

export type GovernanceDeployment = {
  safe: Address;
  owners: Address[];
  threshold: number;
  standardTimelock: Address;
  emergencyTimelock: Address;
  safeContracts: SafeContracts;
};

/** Directory of the Safe's shipped Hardhat artifacts (`contracts/<File>.sol/<Name>.json`). */
export function safeArtifactsDir(): string {
  const pkg = require.resolve('@safe-global/safe-contracts/package.json');
  return path.join(path.dirname(pkg), 'build', 'artifacts', 'contracts');
}

const factoryAbi = parseAbi([
  'function createProxyWithNonce(address singleton, bytes initializer, uint256 saltNonce) returns (address)',
  'event ProxyCreation(address indexed proxy, address singleton)',
]);
const setupAbi = parseAbi([
  'function setup(address[] owners, uint256 threshold, address to, bytes data, address fallbackHandler, address paymentToken, uint256 payment, address paymentReceiver)',
]);

/** Deploys the Safe contracts with the devnet's Safe-infrastructure key, then the 2-of-3 Safe. */
export async function deployDevnetSafe(
  deployer: Deployer,
): Promise<{ safe: Address; owners: Address[]; safeContracts: SafeContracts }> {
  const wallet = createWalletClient({
    account: privateKeyToAccount(devnetSafeInfraKey),
    chain: deployer.wallet.chain,
    transport: http(deployer.wallet.chain.rpcUrls.default.http[0]),
  });
  const infra = new Deployer({
    client: deployer.client,
    wallet,
    artifacts: new ArtifactStore(safeArtifactsDir()),
    logger: deployer.logger,
  });
  const d = async (name: string) => (await infra.deploy(name)).address;
  const safeContracts: SafeContracts = {
    safeSingletonAddress: await d('SafeL2'),
    safeProxyFactoryAddress: await d('SafeProxyFactory'),
    multiSendAddress: await d('MultiSend'),
    multiSendCallOnlyAddress: await d('MultiSendCallOnly'),
    fallbackHandlerAddress: await d('CompatibilityFallbackHandler'),
    signMessageLibAddress: await d('SignMessageLib'),
    createCallAddress: await d('CreateCall'),
    simulateTxAccessorAddress: await d('SimulateTxAccessor'),
  };
  const owners = devnetOwnerKeys.map((k) => privateKeyToAccount(k).address);
  const initializer = encodeFunctionData({
    abi: setupAbi,
    functionName: 'setup',
    args: [
      owners,
      BigInt(DEVNET_SAFE_THRESHOLD),
      zeroAddress,
      '0x',
      safeContracts.fallbackHandlerAddress,
      zeroAddress,
      0n,
      zeroAddress,
    ],
  });
  const hash = await wallet.writeContract({
    address: safeContracts.safeProxyFactoryAddress,
    abi: factoryAbi,
    functionName: 'createProxyWithNonce',
    args: [safeContracts.safeSingletonAddress, initializer, DEVNET_SAFE_SALT_NONCE],
  });
  const receipt = await deployer.client.waitForTransactionReceipt({ hash, pollingInterval: 25 });
  const [created] = parseEventLogs({ abi: factoryAbi, logs: receipt.logs, eventName: 'ProxyCreation' });
  if (receipt.status !== 'success' || !created)
    throw new ChainError('creating the devnet Safe failed', { details: hash });
  return { safe: created.args.proxy, owners, safeContracts };
}

/** The two timelocks: the Safe proposes and cancels; anyone executes; no admin but the timelock itself. */
export async function deployTimelocks(
  deployer: Deployer,
  safe: Address,
): Promise<{ standardTimelock: Address; emergencyTimelock: Address }> {
  const timelock = (delay: number) =>
    deployer.deploy('TimelockController', [BigInt(delay), [safe], [zeroAddress], zeroAddress]);
  const standardTimelock = (await timelock(STANDARD_DELAY)).address;
  const emergencyTimelock = (await timelock(EMERGENCY_DELAY)).address;
  return { standardTimelock, emergencyTimelock };
}

export async function deployDevnetGovernance(deployer: Deployer): Promise<GovernanceDeployment> {
  const { safe, owners, safeContracts } = await deployDevnetSafe(deployer);
  const timelocks = await deployTimelocks(deployer, safe);
  return { safe, owners, threshold: DEVNET_SAFE_THRESHOLD, ...timelocks, safeContracts };
}

const accessAbi = parseAbi([
  'function hasRole(bytes32 role, address account) view returns (bool)',
  'function grantRole(bytes32 role, address account)',
  'function renounceRole(bytes32 role, address callerConfirmation)',
]) as Abi;

/**
 * Grants every role of protocol §8 on every proxy to its holder, then renounces
 * every one of them the deployer holds (DEFAULT_ADMIN_ROLE last, per contract).
 */
export async function handOver(
  deployer: Deployer,
  proxies: Partial<Record<ContractId, DeployedProxy>>,
  governance: Pick<GovernanceDeployment, Holder>,
): Promise<void> {
  const me = deployer.account;
  for (const [id, p] of Object.entries(proxies) as [ContractId, DeployedProxy][]) {
    const label = contractInfo[id].artifact;
    for (const role of pilRoles) {
      await deployer.call(p.proxy, accessAbi, 'grantRole', [roleId(role), governance[roleHolders[role]]], label);
    }
    for (const role of [...pilRoles.filter((r) => r !== 'DEFAULT_ADMIN_ROLE'), 'DEFAULT_ADMIN_ROLE' as const]) {
      const held = await deployer.client.readContract({
        address: p.proxy,
        abi: accessAbi,
        functionName: 'hasRole',
        args: [roleId(role), me],
      });
      if (held) await deployer.call(p.proxy, accessAbi, 'renounceRole', [roleId(role), me], label);
    }
  }
}
