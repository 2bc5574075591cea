// `pil devnet up`: anvil chains on free loopback ports, the PIL contracts on
// each through ERC-1967 proxies, wiring, and one deployments file per chain.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { type Anvil, startAnvil } from '../chain/anvil.js';
import { DEVNET } from '../config/schema.js';
import { type ContractId, contractIds, contractInfo } from '../contracts.js';
import type { Deployment, DeploymentInput } from '../deployments/schema.js';
import { writeDeployment } from '../deployments/store.js';
import { NetworkError } from '../errors.js';
import type { Logger } from '../logger.js';
import { devnetDeployerKey, devnetRelayerKeys } from './accounts.js';
import { ArtifactStore } from './artifacts.js';
import { type DeployedProxy, Deployer } from './deployer.js';
import { deployProxies, devnetNamedValues } from './plan.js';
import { readRoleHolders } from './roles.js';
import { handOverDevnet, roleNames, type WiringReport, wire } from './wire.js';

export type DevnetOptions = {
  chainIds: number[];
  /** First port; chain i gets port + i. Default: free ports chosen by anvil. */
  port?: number | undefined;
  blockTime?: number | undefined;
  repoRoot: string;
  stateDir: string;
  logger: Logger;
  /** Called with every anvil as soon as it is up, so the caller can stop it on Ctrl-C during deployment. */
  onAnvil?: (anvil: Anvil) => void;
};

export type DevnetChain = {
  anvil: Anvil;
  deployment: Deployment;
  deploymentFile: string;
  wiring: WiringReport;
  missing: string[];
};

export type Devnet = {
  chains: DevnetChain[];
  stop(): Promise<void>;
  /** Resolves (with a NetworkError) when any anvil exits on its own. */
  crashed: Promise<NetworkError>;
};

export async function startDevnet(options: DevnetOptions): Promise<Devnet> {
  const artifacts = new ArtifactStore(path.join(options.repoRoot, 'contracts', 'out'));
  const logDir = path.join(options.stateDir, 'devnet');
  const anvils: Anvil[] = [];
  const stop = async () => {
    await Promise.all(anvils.map((a) => a.stop()));
  };
  try {
    await Promise.all(
      options.chainIds.map(async (chainId, i) => {
        const anvil = await startAnvil({
          chainId,
          ...(options.port === undefined ? {} : { port: options.port + i }),
          args: options.blockTime ? ['--block-time', String(options.blockTime)] : [],
          logFile: path.join(logDir, `anvil-${chainId}.log`),
        });
        anvils.push(anvil);
        options.onAnvil?.(anvil);
        options.logger.info(`chain ${chainId} listening on ${anvil.rpcUrl} (anvil pid ${anvil.pid})`);
      }),
    );
    const version = contractsVersion(options.repoRoot);
    const deployed = await Promise.all(
      anvils.sort((a, b) => a.chainId - b.chainId).map((anvil) => deployChain(anvil, artifacts, version, options)),
    );
    await linkHubs(deployed, artifacts);
    await Promise.all(
      deployed.map(async (c) => {
        await handOverDevnet(c.deployer, c.proxies, c.wiring);
        await readRoles(c, artifacts);
      }),
    );
    const chains: DevnetChain[] = deployed.map(({ deployer: _, proxies: __, deployment: input, ...chain }) => {
      const { file, deployment } = writeDeployment(options.stateDir, input);
      return { ...chain, deployment, deploymentFile: file };
    });
    const crashed = new Promise<NetworkError>((resolve) => {
      for (const a of anvils) {
        a.process.once('exit', (code, signal) =>
          resolve(new NetworkError(`anvil of chain ${a.chainId} exited (${signal ?? `code ${code}`})`)),
        );
      }
    });
    return { chains, stop, crashed };
  } catch (err) {
    await stop();
    throw err;
  }
}

function clients(anvil: Anvil): {
  client: PublicClient<Transport, Chain>;
  wallet: WalletClient<Transport, Chain, Account>;
} {
  const chain = defineChain({
    id: anvil.chainId,
    name: `devnet-${anvil.chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [anvil.rpcUrl] } },
  });
  const transport = http(anvil.rpcUrl);
  return {
    client: createPublicClient({ chain, transport, pollingInterval: 25 }),
    wallet: createWalletClient({
      chain,
      transport,
      account: privateKeyToAccount(devnetDeployerKey),
      pollingInterval: 25,
    }),
  };
}

async function deployChain(
  anvil: Anvil,
  artifacts: ArtifactStore,
  version: string,
  options: DevnetOptions,
): Promise<DeployedChain> {
  const { client, wallet } = clients(anvil);
  const logger = options.logger.child({ chainId: anvil.chainId });
  const deployer = new Deployer({ client, wallet, artifacts, logger });
  const admin = wallet.account.address;
  const { proxies, missing } = await deployProxies(deployer, artifacts, { admin, named: devnetNamedValues });
  const wiring = await wire({
    deployer,
    artifacts,
    proxies,
    repoRoot: options.repoRoot,
    chainId: anvil.chainId,
    chainIds: options.chainIds,
    logger,
  });
  const contracts: Deployment['contracts'] = {};
  for (const id of contractIds) {
    const p = proxies[id];
    if (!p) continue;
    contracts[id] = {
      artifact: p.name,
      proxy: p.proxy,
      implementation: p.implementation,
      libraries: p.libraries,
      roles: {},
    };
  }
  const deployment = {
    format: 1 as const,
    network: DEVNET,
    chainId: anvil.chainId,
    rpcUrl: anvil.rpcUrl,
    deploymentBlock: Number(deployer.firstBlock ?? 0n),
    deployedAt: new Date().toISOString(),
    deployer: admin,
    version,
    contracts,
    libraries: { ...deployer.libraries },
    auxiliary: wiring.auxiliary,
    policies: wiring.policies,
    ...(wiring.relayers ? { relayers: wiring.relayers } : {}),
    ...(wiring.governance ? { governance: wiring.governance } : {}),
  };
  return { anvil, deployment, wiring, missing, deployer, proxies };
}

/** Role holders of every proxy, read back with `hasRole` (after the hand-over). */
async function readRoles(c: DeployedChain, artifacts: ArtifactStore): Promise<void> {
  const g = c.wiring.governance;
  const candidates = [
    c.deployer.account,
    ...devnetRelayerKeys.map((k) => privateKeyToAccount(k).address),
    ...(g ? [g.safe, g.standardTimelock, g.emergencyTimelock, ...g.owners] : []),
    ...Object.values(c.proxies).map((p) => p.proxy),
    ...Object.values(c.wiring.auxiliary),
  ];
  for (const [id, entry] of Object.entries(c.deployment.contracts)) {
    if (!entry) continue;
    const abi = artifacts.get(contractInfo[id as ContractId].artifact).abi;
    entry.roles = await readRoleHolders(
      c.deployer.client,
      entry.proxy as Address,
      abi,
      [...new Set(candidates)],
      roleNames,
    );
  }
}

type DeployedChain = Omit<DevnetChain, 'deploymentFile' | 'deployment'> & {
  deployment: DeploymentInput;
  deployer: Deployer;
  proxies: Partial<Record<ContractId, DeployedProxy>>;
};

/** Every hub learns the hub of every other devnet chain (`setRemoteHub`). */
async function linkHubs(chains: DeployedChain[], artifacts: ArtifactStore): Promise<void> {
  const hubs = chains.filter((c) => c.deployment.contracts.proofHub);
  const abi = hubs.length ? artifacts.get(contractInfo.proofHub.artifact).abi : [];
  await Promise.all(
    hubs.map(async (c) => {
      for (const peer of hubs.filter((p) => p !== c)) {
        const remote = peer.deployment.contracts.proofHub!.proxy;
        await c.deployer.call(c.deployment.contracts.proofHub!.proxy as Address, abi, 'setRemoteHub', [
          BigInt(peer.anvil.chainId),
          remote,
        ]);
      }
      c.wiring.steps.push({ step: 'remote hubs of the other devnet chains', status: 'done' });
    }),
  );
}

function contractsVersion(repoRoot: string): string {
  let version = '0.0.0';
  try {
    version = (
      JSON.parse(readFileSync(path.join(repoRoot, 'contracts', 'package.json'), 'utf8')) as { version: string }
    ).version;
  } catch {}
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
    if (commit) version += `+${commit}`;
  } catch {}
  return version;
}
