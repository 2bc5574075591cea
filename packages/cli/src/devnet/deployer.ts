// Deploys build artifacts with viem: libraries (linked recursively), plain
// contracts, and implementations behind OpenZeppelin ERC1967Proxy with their
// initializer call. Generic: the PIL-specific plan lives in plan.ts.
import {
  type Abi,
  type AbiFunction,
  type Account,
  type Address,
  type Chain,
  encodeDeployData,
  encodeFunctionData,
  getContractAddress,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem';
import { ChainError, DeploymentError, toPilError } from '../errors.js';
import type { Logger } from '../logger.js';
import { type Artifact, type ArtifactStore, linkBytecode, requiredLibraries } from './artifacts.js';
import { ensurePoseidonT3 } from './poseidon.js';

export type DeployerOptions = {
  client: PublicClient<Transport, Chain>;
  wallet: WalletClient<Transport, Chain, Account>;
  artifacts: ArtifactStore;
  logger: Logger;
};

export type Deployed = { name: string; address: Address; block: bigint };
export type DeployedProxy = {
  name: string;
  proxy: Address;
  implementation: Address;
  libraries: Record<string, Address>;
};

export class Deployer {
  readonly client: PublicClient<Transport, Chain>;
  readonly wallet: WalletClient<Transport, Chain, Account>;
  readonly artifacts: ArtifactStore;
  readonly logger: Logger;
  /** Deployed libraries by name. */
  readonly libraries: Record<string, Address> = {};
  /** Block of the first transaction this deployer sent. */
  firstBlock: bigint | undefined;
  private nonce: number | undefined;

  constructor(options: DeployerOptions) {
    this.client = options.client;
    this.wallet = options.wallet;
    this.artifacts = options.artifacts;
    this.logger = options.logger;
  }

  get account(): Address {
    return this.wallet.account.address;
  }

  /** The next nonce of the deployer (tracked locally once read). */
  async nextNonce(): Promise<number> {
    this.nonce ??= await this.client.getTransactionCount({ address: this.account, blockTag: 'pending' });
    return this.nonce;
  }

  /** Address the contract created by the deployer `offset` transactions from now will have. */
  async predictAddress(offset: number): Promise<Address> {
    return getContractAddress({ from: this.account, nonce: BigInt((await this.nextNonce()) + offset) });
  }

  private async send(
    what: string,
    tx: { to?: Address; data: Hex; value?: bigint },
  ): Promise<{ address?: Address; block: bigint }> {
    const nonce = await this.nextNonce();
    let hash: Hex;
    try {
      hash = await this.wallet.sendTransaction({
        ...tx,
        nonce,
        chain: this.wallet.chain,
        account: this.wallet.account,
      } as never);
    } catch (cause) {
      const err = toPilError(cause);
      throw new ChainError(`${what} failed: ${err.shortMessage}`, { details: err.details, cause });
    }
    this.nonce = nonce + 1;
    const receipt = await this.client.waitForTransactionReceipt({ hash, pollingInterval: 25 });
    if (receipt.status !== 'success') throw new ChainError(`${what} reverted`, { details: `transaction ${hash}` });
    this.firstBlock ??= receipt.blockNumber;
    return { ...(receipt.contractAddress ? { address: receipt.contractAddress } : {}), block: receipt.blockNumber };
  }

  /** Deploys (once) every library `artifact` needs, then returns the link map. */
  async linkFor(artifact: Artifact): Promise<Record<string, Address>> {
    const used: Record<string, Address> = {};
    for (const { name } of requiredLibraries(artifact)) used[name] = await this.library(name);
    return used;
  }

  async library(name: string): Promise<Address> {
    const known = this.libraries[name];
    if (known) return known;
    let address: Address;
    if (name === 'PoseidonT3') {
      address = await ensurePoseidonT3(this.client, this.wallet);
      this.nonce = undefined; // ensurePoseidonT3 may have sent transactions of its own
    } else {
      address = (await this.deploy(name)).address;
    }
    this.libraries[name] = address;
    this.logger.debug({ library: name, address }, 'library deployed');
    return address;
  }

  /** Deploys a contract from its artifact, linking libraries; constructor args are ABI-encoded. */
  async deploy(name: string, args: readonly unknown[] = []): Promise<Deployed> {
    const artifact = this.artifacts.get(name);
    const bytecode = linkBytecode(artifact, await this.linkFor(artifact));
    const ctor = artifact.abi.find((i) => i.type === 'constructor');
    let data: Hex = bytecode;
    if (ctor?.inputs.length) {
      data = encodeDeployData({ abi: artifact.abi, bytecode, args } as never);
    }
    const { address, block } = await this.send(`deploying ${name}`, { data });
    if (!address) throw new DeploymentError(`deploying ${name} created no contract`);
    return { name, address, block };
  }

  /** Implementation + ERC1967Proxy whose constructor calls `initializer(initArgs)`. */
  async deployProxy(
    name: string,
    initializer: string | undefined,
    initArgs: readonly unknown[],
  ): Promise<DeployedProxy> {
    const artifact = this.artifacts.get(name);
    const implementation = await this.deploy(name);
    let initData: Hex = '0x';
    if (initializer) {
      const fn = findFunction(artifact.abi, initializer, initArgs.length, name);
      initData = encodeFunctionData({ abi: [fn], functionName: fn.name, args: initArgs } as never);
    }
    const proxy = await this.deploy('ERC1967Proxy', [implementation.address, initData]);
    return {
      name,
      proxy: proxy.address,
      implementation: implementation.address,
      libraries: await this.linkFor(artifact),
    };
  }

  /** Calls a state-changing function and waits for it to be mined. */
  async call(
    target: Address,
    abi: Abi,
    functionName: string,
    args: readonly unknown[],
    label?: string,
    value?: bigint,
  ): Promise<void> {
    const fn = findFunction(abi, functionName, args.length, label ?? target);
    const data = encodeFunctionData({ abi: [fn], functionName: fn.name, args } as never);
    await this.send(`${label ?? target}.${functionName}`, { to: target, data, ...(value ? { value } : {}) });
  }
}

export function findFunction(abi: Abi, name: string, arity: number, where: string): AbiFunction {
  const candidates = abi.filter((i): i is AbiFunction => i.type === 'function' && i.name === name);
  const fn = candidates.find((f) => f.inputs.length === arity) ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (!fn) {
    throw new DeploymentError(`${where} has no function ${name} with ${arity} argument(s)`, {
      details: candidates.length
        ? `found: ${candidates.map((c) => `${c.name}(${c.inputs.map((i) => i.type).join(',')})`).join(', ')}`
        : undefined,
    });
  }
  return fn;
}
