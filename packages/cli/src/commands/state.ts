// RP-002 state recovery: `pil state export` (every contract's relevant state at
// one block per chain, to a JSON file with a checksum), `pil state verify`
// (checksum, then every value re-read at the same block) and `pil state
// restore` (re-register the exported policies, verifiers, backends, relayers
// and quorum on a fresh deployment, through its timelocks).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ChainContext, NetworkContext } from '../context.js';
import { deploymentOf } from '../deployments/store.js';
import { CheckFailedError, InputError } from '../errors.js';
import {
  addSafeOptions,
  formatOperation,
  formatSafeRun,
  parsePositiveInt,
  perChain,
  type SafeCommandOptions,
  safeRunOptions,
  selectChains,
} from '../governance/cli.js';
import { operationSummary } from '../governance/timelock.js';
import { planRestore, runRestore } from '../ops/restore.js';
import { type ChainState, checksumOf, diff, readChainState, STATE_FORMAT, type StateFile } from '../ops/state.js';
import { withExamples } from '../options.js';
import type { Runtime } from '../runtime.js';

/** `--block 123` (every chain) or `--block 31337=120,31338=98`. */
export function parseBlocks(value: string | undefined): { all?: bigint; byChain: Map<number, bigint> } {
  const byChain = new Map<number, bigint>();
  if (value === undefined) return { byChain };
  if (/^\d+$/.test(value)) return { all: BigInt(value), byChain };
  for (const part of value.split(',')) {
    const m = part.trim().match(/^(\d+)=(\d+)$/);
    if (!m)
      throw new InputError(`Malformed --block "${value}"`, {
        details: 'expected a block number, or chainId=block pairs separated by commas',
      });
    byChain.set(Number(m[1]), BigInt(m[2]!));
  }
  return { byChain };
}

export function fromBlockOf(ctx: NetworkContext, chain: ChainContext, option?: number): bigint {
  if (option !== undefined) return BigInt(option);
  const d = deploymentOf(ctx, chain.config.chainId);
  return BigInt(d?.deploymentBlock ?? 0);
}

export function readStateFile(file: string): StateFile {
  if (!existsSync(file)) throw new InputError(`State file ${file} does not exist`);
  let json: StateFile;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as StateFile;
  } catch (cause) {
    throw new InputError(`State file ${file} is not valid JSON`, { cause });
  }
  if (json?.format !== STATE_FORMAT || !Array.isArray(json.chains)) {
    throw new InputError(`${file} is not a PIL state export (format ${STATE_FORMAT})`);
  }
  return json;
}

export function registerStateCommands(program: Command, rt: Runtime): void {
  const state = program
    .command('state')
    .description('RP-002 state recovery: export state at a block, verify it, restore it on a fresh deployment');
  withExamples(state, [
    'pil state export --block 1234 --out state.json',
    'pil state verify state.json',
    'pil state restore state.json --network recovery',
  ]);

  withExamples(
    state
      .command('export')
      .description(
        "export every PIL contract's state at a block (tree, roots, nullifier/import counts, policies, backends, verifiers, relayers, stakes, roles, pause flags, implementations) to a JSON file with a sha256 checksum",
      )
      .option('--block <n|chainId=n,...>', 'block to read at (default: the latest block of each chain)')
      .option('--out <file>', 'output file', 'state.json')
      .option('--chain <id|name>', 'this chain only')
      .option(
        '--from-block <n>',
        'scan events from this block (default: the deployment block, else 0)',
        parsePositiveInt('--from-block'),
      ),
    [
      'pil state export --block 12345678 --network mainnet --out state.json',
      'pil state export --block 31337=40,31338=38 --out s.json',
    ],
  ).action(async (opts: { block?: string; out: string; chain?: string; fromBlock?: number }, cmd: Command) => {
    const ctx = await rt.network(cmd);
    const blocks = parseBlocks(opts.block);
    const chains = selectChains(ctx, opts.chain);
    for (const id of blocks.byChain.keys()) {
      if (!chains.some((c) => c.config.chainId === id))
        throw new InputError(`--block names chain ${id}, which is not part of this export`);
    }
    const states = await perChain(chains, async (chain) => {
      const latest = await chain.client.getBlockNumber();
      const block = blocks.byChain.get(chain.config.chainId) ?? blocks.all ?? latest;
      if (block > latest)
        throw new InputError(`Block ${block} is in the future on ${chain.config.name} (latest ${latest})`);
      ctx.logger.info(`${chain.config.name}: reading state at block ${block}…`);
      return readChainState(chain, block, fromBlockOf(ctx, chain, opts.fromBlock));
    });
    const content = {
      format: STATE_FORMAT,
      network: ctx.network.name,
      exportedAt: new Date().toISOString(),
      chains: states,
    } as const;
    const file: StateFile = { ...content, checksum: checksumOf(content) };
    const out = path.resolve(ctx.cwd, opts.out);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
    ctx.output.result({ action: 'state-export', file: out, checksum: file.checksum, chains: states.map(summary) }, () =>
      [`wrote ${out}`, `checksum ${file.checksum}`, ...states.map((s) => `  ${describe(s)}`)].join('\n'),
    );
  });

  withExamples(
    state
      .command('verify <file>')
      .description(
        "check an export: its checksum, then every value re-read from the chain at the exported block (and that block's hash); exit 8 on any difference",
      ),
    ['pil state verify state.json --network mainnet', 'pil state verify state.json --json'],
  ).action(async (fileArg: string, _opts: unknown, cmd: Command) => {
    const ctx = await rt.network(cmd);
    const file = readStateFile(path.resolve(ctx.cwd, fileArg));
    const expected = checksumOf(file);
    const checksumOk = expected === file.checksum;
    const results = checksumOk
      ? await perChain(
          file.chains.map((s) => ({ s, chain: ctx.chain(s.chainId) })).map((x) => x.chain),
          async (chain) => {
            const s = file.chains.find((x) => x.chainId === chain.config.chainId)!;
            ctx.logger.info(`${chain.config.name}: re-reading state at block ${s.block}…`);
            const now = await readChainState(chain, BigInt(s.block), BigInt(s.fromBlock));
            const { name: _n, ...a } = s;
            const { name: _m, ...b } = now;
            return { chainId: s.chainId, block: s.block, differences: diff(s.chainId, a, b) };
          },
        )
      : [];
    const differences = results.flatMap((r) => r.differences);
    const ok = checksumOk && differences.length === 0;
    const report = {
      action: 'state-verify',
      ok,
      checksum: { ok: checksumOk, recorded: file.checksum, computed: expected },
      chains: results,
    };
    ctx.output.result(report, () =>
      [
        checksumOk
          ? `checksum ok (${file.checksum})`
          : `CHECKSUM MISMATCH: recorded ${file.checksum}, computed ${expected} — the file was modified`,
        ...results.map(
          (r) =>
            `chain ${r.chainId} at block ${r.block}: ${r.differences.length ? `${r.differences.length} difference(s)` : 'every value matches'}`,
        ),
        ...differences.map(
          (d) => `  ${d.chainId} ${d.path}: exported ${JSON.stringify(d.exported)}, chain ${JSON.stringify(d.onChain)}`,
        ),
      ].join('\n'),
    );
    if (!ok) {
      throw new CheckFailedError(
        checksumOk ? `${differences.length} value(s) differ from the chain` : 'The checksum does not match the content',
      );
    }
  });

  withExamples(
    addSafeOptions(
      state
        .command('restore <file>')
        .description(
          'RP-002 steps 4-5: re-register the exported policies, verifiers (their exact code is redeployed), backends, relayers and quorum on a fresh deployment of --network: standard (48 h) and emergency (6 h) timelock batches through the Safe; --execute after the delays; run again until it reports nothing to do',
        )
        .option('--execute', 'execute the scheduled restore batches (after their ETA)', false)
        .option('--map <from=to,...>', 'exported chain id → chain id of this network (default: same chain id)'),
    ),
    [
      'pil state restore state.json --network recovery',
      'pil state restore state.json --network recovery --execute',
      'pil state restore state.json --map 1=11155111 --network staging',
    ],
  ).action(async (fileArg: string, opts: SafeCommandOptions & { execute: boolean; map?: string }, cmd: Command) => {
    const ctx = await rt.network(cmd);
    const file = readStateFile(path.resolve(ctx.cwd, fileArg));
    if (checksumOf(file) !== file.checksum)
      throw new InputError(`${fileArg}: the checksum does not match the content; nothing was proposed`, {
        hint: 'pil state verify it against the source network',
      });
    const mapping = parseMap(opts.map);
    const targets = selectChains(ctx, opts.chain);
    const pairs = targets.map((chain) => {
      const fromId = [...mapping].find(([, to]) => to === chain.config.chainId)?.[0] ?? chain.config.chainId;
      const exported = file.chains.find((s) => s.chainId === fromId);
      if (!exported)
        throw new InputError(`The export has no chain ${fromId} for ${chain.config.name}`, {
          hint: 'Use --map exportedChainId=targetChainId, or --chain',
        });
      return { chain, exported };
    });
    // Plan every chain first: a refusal anywhere means nothing is proposed.
    const plans = await Promise.all(pairs.map(({ chain, exported }) => planRestore(ctx, chain, exported)));
    const results = await perChain(
      pairs.map((p) => p.chain),
      async (chain) =>
        runRestore(ctx, chain, plans.find((p) => p.chainId === chain.config.chainId)!, {
          ...safeRunOptions(opts),
          execute: opts.execute,
        }),
    );
    ctx.output.result(
      {
        action: opts.execute ? 'state-restore-execute' : 'state-restore-schedule',
        network: ctx.network.name,
        chains: results.map((r) => ({
          ...r,
          steps: r.steps.map((s) => ({
            kind: s.kind,
            step: s.step.step,
            operation: operationSummary(s.step.operation, r.now),
            ...(s.step.step === 'scheduled' ? { safe: s.step.safe } : { txHash: s.step.txHash }),
          })),
        })),
      },
      () =>
        results
          .map((r) =>
            [
              `${r.chain} (${r.chainId}): ${r.actions.length ? `${r.actions.length} action(s)` : 'nothing to restore: the deployment matches the export'}`,
              ...r.actions.map((a) => `  - ${a}`),
              ...r.deployed.map((d) => `  deployed verifier ${d.address} for ${d.circuitId} (code hash ${d.codeHash})`),
              ...r.skipped.map((s) => `  not restored: ${s}`),
              ...r.steps.map((s) =>
                s.step.step === 'scheduled'
                  ? `${formatSafeRun(s.step.safe, ctx.network.name)}\n${formatOperation(s.step.operation, r.now)}`
                  : `  executed ${s.kind} timelock operation ${s.step.operation.id} (${s.step.txHash})`,
              ),
            ].join('\n'),
          )
          .join('\n\n'),
    );
  });
}

function parseMap(value?: string): Map<number, number> {
  const map = new Map<number, number>();
  if (!value) return map;
  for (const part of value.split(',')) {
    const m = part.trim().match(/^(\d+)=(\d+)$/);
    if (!m)
      throw new InputError(`Malformed --map "${value}"`, {
        details: 'expected fromChainId=toChainId pairs separated by commas',
      });
    map.set(Number(m[1]), Number(m[2]));
  }
  return map;
}

function summary(s: ChainState) {
  return {
    chainId: s.chainId,
    name: s.name,
    block: s.block,
    blockHash: s.blockHash,
    contracts: Object.keys(s.contracts).length,
  };
}

function describe(s: ChainState): string {
  const pc3 = s.contracts.pc3 as { treeSize?: string } | undefined;
  const cdna = s.contracts.cdna as { nullifierCount?: number; importCount?: number } | undefined;
  const pbp = s.contracts.pbp as { policies?: unknown[] } | undefined;
  const rr = s.contracts.relayerRegistry as { relayers?: unknown[]; quorum?: string } | undefined;
  return `${s.name} (${s.chainId}) block ${s.block}: ${Object.keys(s.contracts).length} contracts, tree ${pc3?.treeSize ?? '-'} leaves, ${cdna?.nullifierCount ?? '-'} nullifiers, ${cdna?.importCount ?? '-'} imports, ${pbp?.policies?.length ?? '-'} policies, ${rr?.relayers?.length ?? '-'} relayers (quorum ${rr?.quorum ?? '-'})`;
}
