// UP-001 contract upgrade (UUPS proxies):
//   prepare  compile the new implementation, check its storage layout against
//            the deployed one (refused before anything is deployed or
//            proposed), deploy it, write the source-verification bundle;
//   propose  schedule upgradeToAndCall on the 48 h timelock through the Safe;
//   execute  after the ETA;
//   verify   implementation slot, version(), state preserved, smoke calls.
import path from 'node:path';
import type { Command } from 'commander';
import { type Address, getAddress, parseAbi, zeroHash } from 'viem';
import { IMPLEMENTATION_SLOT, prepareUpgrade } from '../../../sdk/src/actions/shared/prepareUpgrade.js';
import type { ChainContext, NetworkContext } from '../context.js';
import { deploymentOf } from '../deployments/store.js';
import { CheckFailedError, InputError, toPilError } from '../errors.js';
import {
  addSafeOptions,
  formatOperation,
  formatSafeRun,
  perChain,
  resolveContract,
  type SafeCommandOptions,
  safeRunOptions,
  selectChains,
} from '../governance/cli.js';
import { pilClient } from '../governance/client.js';
import { viaTimelock } from '../governance/flows.js';
import { governanceOf } from '../governance/resolve.js';
import { chainNow, operationSummary } from '../governance/timelock.js';
import { diff, readChainState } from '../ops/state.js';
import { checkLayout, compileCandidate, deployCandidate, readPlan, writeBundle, writePlan } from '../ops/upgrade.js';
import { withExamples } from '../options.js';
import type { Runtime } from '../runtime.js';

const smokeAbi = parseAbi([
  'function version() view returns (uint256)',
  'function isPaused() view returns (bool)',
  'function orchestrator() view returns (address)',
  'function hasRole(bytes32, address) view returns (bool)',
]);

function idOf(_ctx: NetworkContext, chain: ChainContext, value: string) {
  const r = resolveContract(chain, value);
  if (!r.id) throw new InputError(`${value} is not a PIL contract`);
  return { id: r.id, proxy: r.address };
}

async function upgradeCall(ctx: NetworkContext, chain: ChainContext, contract: string) {
  const { id } = idOf(ctx, chain, contract);
  const plan = readPlan(ctx, chain, id);
  const call = await prepareUpgrade(pilClient(ctx, chain), { contract: id, implementation: plan.implementation }).catch(
    (err) => {
      const e = toPilError(err);
      throw new InputError(`${e.shortMessage}; nothing was proposed`, { details: e.details, hint: e.hint, cause: err });
    },
  );
  return { id, plan, call };
}

export function registerUpgradeCommands(program: Command, rt: Runtime): void {
  const upgrade = program
    .command('upgrade')
    .description('UP-001 contract upgrade via the UUPS proxy and the 48 h timelock');
  withExamples(upgrade, [
    'pil upgrade prepare pbp --source contracts/test/upgrade/PolicyBoundProofsV2.sol',
    'pil upgrade propose pbp',
    'pil upgrade execute pbp',
    'pil upgrade verify pbp',
  ]);

  withExamples(
    upgrade
      .command('prepare <contract>')
      .description(
        'compile the new implementation, refuse an incompatible storage layout (nothing deployed), deploy it on every chain and write the source-verification bundle (standard JSON input, compiler version, constructor args)',
      )
      .option(
        '--source <file.sol[:Name]>',
        "the new implementation (default: the contract's own source under contracts/src)",
      )
      .option('--chain <id|name>', 'this chain only')
      .option(
        '--bundle-dir <dir>',
        'where to write the verification bundles (default: <stateDir>/upgrades/<network>/verification)',
      )
      .option('--library <Name=address...>', 'library addresses to link (default: from the deployments file)'),
    [
      'pil upgrade prepare pc3 --network mainnet',
      'pil upgrade prepare pbp --source contracts/test/upgrade/PolicyBoundProofsV2.sol --network devnet --json',
    ],
  ).action(
    async (
      contract: string,
      opts: { source?: string; chain?: string; bundleDir?: string; library?: string[] },
      cmd: Command,
    ) => {
      const ctx = await rt.network(cmd);
      const chains = selectChains(ctx, opts.chain);
      const { id } = idOf(ctx, chains[0]!, contract);
      ctx.logger.info(`compiling ${opts.source ?? id} (solc-js)…`);
      const candidate = compileCandidate(id, opts.source, ctx.cwd);
      ctx.logger.info('checking the storage layout against the deployed one…');
      const layout = checkLayout(id, candidate);
      if (!layout.ok) {
        throw new InputError(
          `Incompatible storage layout: ${candidate.name} cannot replace ${id}; nothing was deployed or proposed`,
          {
            details: `against ${layout.baseline}:\n${layout.explanation}`,
            hint: 'Append new fields (or a new ERC-7201 namespace); never insert, remove or retype existing ones',
          },
        );
      }
      const hasVersion = candidate.abi.some((x) => x.type === 'function' && x.name === 'version');
      const bundleDir = path.resolve(
        ctx.cwd,
        opts.bundleDir ?? path.join(ctx.stateDir, 'upgrades', ctx.network.name, 'verification'),
      );
      const extraLibs = Object.fromEntries(
        (opts.library ?? []).map((l) => {
          const [n, a] = l.split('=');
          if (!n || !a) throw new InputError(`Malformed --library "${l}"`, { details: 'expected Name=0xaddress' });
          return [n, getAddress(a)];
        }),
      );
      const results = await perChain(chains, async (chain) => {
        const libraries = {
          ...(deploymentOf(ctx, chain.config.chainId)?.libraries ?? {}),
          ...extraLibs,
        } as Record<string, Address>;
        ctx.logger.info(`${chain.config.name}: deploying ${candidate.name}…`);
        const { address, txHash } = await deployCandidate(ctx, chain, candidate, libraries);
        const bundle = writeBundle(bundleDir, chain, candidate, address, libraries);
        writePlan(ctx, chain, {
          contract: id,
          contractName: candidate.name,
          source: candidate.source,
          chainId: chain.config.chainId,
          implementation: address,
          deployTx: txHash,
          hasVersion,
          bundle,
          preparedAt: new Date().toISOString(),
        });
        return {
          chain: chain.config.name,
          chainId: chain.config.chainId,
          implementation: address,
          deployTx: txHash,
          bundle,
        };
      });
      ctx.output.result(
        {
          action: 'upgrade-prepare',
          network: ctx.network.name,
          contract: id,
          implementation: `${candidate.source}:${candidate.name}`,
          compiler: candidate.compilation.solcLongVersion,
          layout,
          chains: results,
        },
        () =>
          [
            `${candidate.source}:${candidate.name} (solc ${candidate.compilation.solcLongVersion}): storage layout compatible with ${layout.baseline}`,
            ...results.map(
              (r) =>
                `  ${r.chain} (${r.chainId}): implementation ${r.implementation} (tx ${r.deployTx})\n    verification bundle: ${r.bundle}`,
            ),
            `  next: pil upgrade propose ${id} --network ${ctx.network.name}`,
          ].join('\n'),
      );
    },
  );

  withExamples(
    addSafeOptions(
      upgrade
        .command('propose <contract>')
        .description(
          'schedule upgradeToAndCall(new implementation) on the 48 h standard timelock through the Safe (records the state to compare after the upgrade)',
        ),
    ),
    ['pil upgrade propose pc3 --network mainnet', 'pil upgrade propose pbp --propose-only --network mainnet'],
  ).action(async (contract: string, opts: SafeCommandOptions, cmd: Command) => {
    const ctx = await rt.network(cmd);
    const steps = await perChain(selectChains(ctx, opts.chain), async (chain) => {
      const { id, plan, call } = await upgradeCall(ctx, chain, contract);
      const block = await chain.client.getBlockNumber();
      const snap = await readChainState(
        chain,
        block,
        BigInt(deploymentOf(ctx, chain.config.chainId)?.deploymentBlock ?? 0),
      );
      writePlan(ctx, chain, { ...plan, before: { block: block.toString(), state: snap.contracts[id] } });
      const step = await viaTimelock(
        ctx,
        chain,
        'standard',
        [call],
        `UP-001 upgrade ${id} to ${plan.implementation}`,
        safeRunOptions(opts),
      );
      return {
        chain: chain.config.name,
        chainId: chain.config.chainId,
        step,
        now: await chainNow(chain),
        from: call.currentImplementation,
        to: plan.implementation,
      };
    });
    ctx.output.result(
      {
        action: 'upgrade-propose',
        network: ctx.network.name,
        chains: steps.map((s) => ({
          chain: s.chain,
          chainId: s.chainId,
          from: s.from,
          to: s.to,
          operation: operationSummary(s.step.operation, s.now),
          ...(s.step.step === 'scheduled' ? { safe: s.step.safe } : {}),
        })),
      },
      () =>
        steps
          .map((s) =>
            s.step.step === 'scheduled'
              ? `${formatSafeRun(s.step.safe, ctx.network.name)}\n${formatOperation(s.step.operation, s.now)}\n  after the ETA: pil upgrade execute ${contract} --network ${ctx.network.name}`
              : '',
          )
          .join('\n\n'),
    );
  });

  withExamples(
    upgrade
      .command('execute <contract>')
      .description('execute the scheduled upgrade once its ETA has passed (refused before, with the ETA)')
      .option('--chain <id|name>', 'this chain only'),
    ['pil upgrade execute pc3 --network mainnet'],
  ).action(async (contract: string, opts: { chain?: string }, cmd: Command) => {
    const ctx = await rt.network(cmd);
    const steps = await perChain(selectChains(ctx, opts.chain), async (chain) => {
      const { id, plan, call } = await upgradeCall(ctx, chain, contract);
      const step = await viaTimelock(ctx, chain, 'standard', [call], `UP-001 upgrade ${id} to ${plan.implementation}`, {
        execute: true,
        command: `pil upgrade propose ${id} --network ${ctx.network.name}`,
      });
      return { chain: chain.config.name, chainId: chain.config.chainId, step, now: await chainNow(chain) };
    });
    ctx.output.result(
      {
        action: 'upgrade-execute',
        network: ctx.network.name,
        chains: steps.map((s) => ({
          chain: s.chain,
          chainId: s.chainId,
          operation: operationSummary(s.step.operation, s.now),
          ...(s.step.step === 'executed' ? { txHash: s.step.txHash, blockNumber: s.step.blockNumber } : {}),
        })),
      },
      () =>
        steps
          .map(
            (s) =>
              `${s.chain} (${s.chainId}): executed ${s.step.operation.id}${s.step.step === 'executed' ? ` in block ${s.step.blockNumber} (${s.step.txHash})` : ''}\n  next: pil upgrade verify ${contract} --network ${ctx.network.name}`,
          )
          .join('\n'),
    );
  });

  withExamples(
    upgrade
      .command('verify <contract>')
      .description(
        'after the upgrade: implementation slot is the prepared one, version(), state preserved since the proposal, smoke calls (isPaused, orchestrator, admin role); exit 8 on any failure',
      )
      .option('--chain <id|name>', 'this chain only'),
    ['pil upgrade verify pc3 --network mainnet', 'pil upgrade verify pbp --json'],
  ).action(async (contract: string, opts: { chain?: string }, cmd: Command) => {
    const ctx = await rt.network(cmd);
    const reports = await perChain(selectChains(ctx, opts.chain), async (chain) => {
      const { id, proxy } = idOf(ctx, chain, contract);
      const plan = readPlan(ctx, chain, id);
      const checks: { check: string; ok: boolean; detail: string }[] = [];
      const slot = await chain.client.getStorageAt({ address: proxy, slot: IMPLEMENTATION_SLOT });
      const impl = getAddress(`0x${(slot ?? '0x').slice(-40)}`);
      checks.push({
        check: 'implementation slot',
        ok: impl.toLowerCase() === plan.implementation.toLowerCase(),
        detail: `${impl} (prepared ${plan.implementation})`,
      });
      const read = <T>(
        functionName: 'version' | 'isPaused' | 'orchestrator' | 'hasRole',
        args: readonly unknown[] = [],
      ) => chain.client.readContract({ address: proxy, abi: smokeAbi, functionName, args } as never) as Promise<T>;
      if (plan.hasVersion) {
        const v = await read<bigint>('version').catch(() => undefined);
        checks.push({ check: 'version()', ok: v !== undefined, detail: v === undefined ? 'reverted' : v.toString() });
      }
      const smoke = await Promise.all([
        read<boolean>('isPaused')
          .then((p) => ({ check: 'isPaused()', ok: true, detail: String(p) }))
          .catch((e) => ({ check: 'isPaused()', ok: false, detail: toPilError(e).shortMessage })),
        read<Address>('orchestrator')
          .then((o) => ({
            check: 'orchestrator()',
            ok: o !== '0x0000000000000000000000000000000000000000' || id === 'orchestrator',
            detail: o,
          }))
          .catch((e) => ({ check: 'orchestrator()', ok: false, detail: toPilError(e).shortMessage })),
        read<boolean>('hasRole', [zeroHash, governanceOf(ctx, chain).standardTimelock]).then((h) => ({
          check: 'DEFAULT_ADMIN_ROLE held by the standard timelock',
          ok: h,
          detail: String(h),
        })),
      ]);
      checks.push(...smoke);
      if (plan.before) {
        const now = await readChainState(
          chain,
          await chain.client.getBlockNumber(),
          BigInt(deploymentOf(ctx, chain.config.chainId)?.deploymentBlock ?? 0),
        );
        const strip = (s: unknown) => {
          const {
            implementation: _i,
            implementationCodeHash: _h,
            version: _v,
            ...rest
          } = (s ?? {}) as Record<string, unknown>;
          return rest;
        };
        const d = diff(chain.config.chainId, strip(plan.before.state), strip(now.contracts[id]));
        checks.push({
          check: `state preserved since block ${plan.before.block}`,
          ok: d.length === 0,
          detail: d.length
            ? d.map((x) => `${x.path}: ${JSON.stringify(x.exported)} → ${JSON.stringify(x.onChain)}`).join('; ')
            : 'every value unchanged',
        });
      }
      return {
        chain: chain.config.name,
        chainId: chain.config.chainId,
        contract: id,
        ok: checks.every((c) => c.ok),
        checks,
      };
    });
    const ok = reports.every((r) => r.ok);
    ctx.output.result({ action: 'upgrade-verify', network: ctx.network.name, ok, chains: reports }, () =>
      reports
        .map((r) =>
          [
            `${r.chain} (${r.chainId}) ${r.contract}: ${r.ok ? 'OK' : 'FAILED'}`,
            ...r.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.check}: ${c.detail}`),
          ].join('\n'),
        )
        .join('\n\n'),
    );
    if (!ok) throw new CheckFailedError('The upgrade does not verify');
  });
}
