// EP-003 step 2: `pil verifier rotate <circuit>` renders the Groth16 verifier
// of a new key (snarkjs' template, as circuits/src/verifiers.ts), compiles it
// with solc-js, deploys it on every chain and schedules
// VerifierRegistry.setVerifier on the 48 h standard timelock through the Safe;
// `--execute` after the delay. The registry keeps the old key as retired: a
// proof under it is then refused with RetiredKeyProofRejected.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import * as snarkjs from 'snarkjs';
import type { Address, Hex } from 'viem';
import { keccak256 } from 'viem';
import { CIRCUIT_IDS, CIRCUITS, type CircuitName, PUBLIC_INPUTS } from '../../../../circuits/src/artifacts.js';
import { canonicalVerificationKeyBytes, releaseCurves, vkHashOfFile } from '../../../../circuits/src/ceremony.js';
import { renderVerifierFrom } from '../../../../circuits/src/verifiers.js';
import { verifierRegistryAbi } from '../../../sdk/src/abi/generated/index.js';
import { readPilContract } from '../../../sdk/src/actions/internal/contract.js';
import { prepareSetVerifier } from '../../../sdk/src/actions/verifierRegistry/prepareSetVerifier.js';
import type { ChainContext, NetworkContext } from '../context.js';
import { ChainError, InputError, toPilError } from '../errors.js';
import {
  addSafeOptions,
  formatOperation,
  formatSafeRun,
  perChain,
  type SafeCommandOptions,
  safeRunOptions,
  selectChains,
} from '../governance/cli.js';
import { pilClient } from '../governance/client.js';
import { viaTimelock } from '../governance/flows.js';
import { chainNow, operationSummary } from '../governance/timelock.js';
import { compile, contractOf } from '../ops/solc.js';
import { withExamples } from '../options.js';
import type { Runtime } from '../runtime.js';

type RotationRecord = {
  circuit: CircuitName;
  circuitId: Hex;
  vkHash: Hex;
  verifier: Address;
  codeHash: Hex;
  deployTx: Hex;
};

function recordPath(ctx: NetworkContext, chain: ChainContext, circuit: string): string {
  return path.join(ctx.stateDir, 'rotations', ctx.network.name, `${chain.config.chainId}-${circuit}.json`);
}

export function registerVerifierCommands(program: Command, rt: Runtime): void {
  const verifier = program.command('verifier').description('EP-003: Groth16 verifiers in the VerifierRegistry');
  withExamples(verifier, ['pil verifier rotate container_spend --artifacts keys/ --network devnet']);

  withExamples(
    addSafeOptions(
      verifier
        .command('rotate <circuit>')
        .description(
          'deploy the verifier of a new key (from `pil ceremony finalize`) and schedule VerifierRegistry.setVerifier on the 48 h timelock through the Safe; --execute after the delay. Afterwards proofs under the old key are refused (RetiredKeyProofRejected)',
        )
        .option('--artifacts <dir>', 'artifacts folder from pil ceremony finalize (<dir>/<circuit>/...)')
        .option('--zkey <file>', 'the new final zkey (instead of --artifacts)')
        .option('--vk <file>', 'its verification_key.json (instead of --artifacts)')
        .option('--execute', 'execute the scheduled rotation (after the ETA)', false),
    ),
    [
      'pil verifier rotate container_spend --artifacts keys/ --network mainnet          # deploy + schedule (48 h)',
      'pil verifier rotate container_create --zkey k.zkey --vk verification_key.json --propose-only --network mainnet',
      'pil verifier rotate container_spend --artifacts keys/ --execute --network mainnet # after the ETA',
    ],
  ).action(
    async (
      circuitArg: string,
      opts: SafeCommandOptions & { artifacts?: string; zkey?: string; vk?: string; execute: boolean },
      cmd: Command,
    ) => {
      const ctx = await rt.network(cmd);
      if (!(CIRCUITS as readonly string[]).includes(circuitArg))
        throw new InputError(`Unknown circuit "${circuitArg}"`, { details: `one of: ${CIRCUITS.join(', ')}` });
      const circuit = circuitArg as CircuitName;
      const zkey = opts.zkey
        ? path.resolve(ctx.cwd, opts.zkey)
        : opts.artifacts
          ? path.resolve(ctx.cwd, opts.artifacts, circuit, `${circuit}_final.zkey`)
          : undefined;
      const vkFile = opts.vk
        ? path.resolve(ctx.cwd, opts.vk)
        : opts.artifacts
          ? path.resolve(ctx.cwd, opts.artifacts, circuit, 'verification_key.json')
          : undefined;
      if (!zkey || !vkFile) throw new InputError('Pass --artifacts <dir>, or --zkey and --vk');
      for (const f of [zkey, vkFile]) if (!existsSync(f)) throw new InputError(`${f} does not exist`);
      const vkHash = await vkHashOfFile(vkFile);
      // The vk must be the zkey's own (otherwise the verifier and the registered hash disagree).
      let fromZkey: Hex;
      try {
        fromZkey = keccak256(canonicalVerificationKeyBytes(await snarkjs.zKey.exportVerificationKey(zkey)));
      } finally {
        await releaseCurves();
      }
      if (fromZkey !== vkHash)
        throw new InputError(`${vkFile} is not the verification key of ${zkey}; nothing was deployed`, {
          details: `vk file ${vkHash}, zkey ${fromZkey}`,
        });
      const vk = JSON.parse(readFileSync(vkFile, 'utf8')) as { nPublic?: number };
      const publicInputs = PUBLIC_INPUTS[circuit].length;
      if (vk.nPublic !== publicInputs)
        throw new InputError(
          `The key has ${vk.nPublic} public inputs; ${circuit} has ${publicInputs}; nothing was deployed`,
        );
      const circuitId = CIRCUIT_IDS[circuit];
      const chains = selectChains(ctx, opts.chain);

      // Refuse before deploying anything: a key already in place on any chain.
      await Promise.all(
        chains.map(async (chain) => {
          const current = await readPilContract<{ vkHash: Hex }>(pilClient(ctx, chain), {
            contract: 'verifierRegistry',
            abi: verifierRegistryAbi,
            functionName: 'verifierOf',
            args: [circuitId],
          });
          if (!opts.execute && current.vkHash.toLowerCase() === vkHash.toLowerCase()) {
            throw new InputError(
              `${chain.config.name} already uses key ${vkHash} for ${circuit}; nothing was deployed`,
            );
          }
        }),
      );
      let artifact: { abi: unknown; bytecode: Hex } | undefined;
      if (!opts.execute) {
        ctx.logger.info(`rendering and compiling the ${circuit} verifier for key ${vkHash}…`);
        const source = await renderVerifierFrom(circuit, { zkey, vk: vkFile });
        await releaseCurves();
        const file = `rotated/${circuit}.sol`;
        const c = compile({ [file]: source });
        const contract = contractOf(c, `${file}:${source.match(/contract (\w+) \{/)![1]}`);
        artifact = { abi: contract.abi, bytecode: contract.bytecode };
      }
      const results = await perChain(chains, async (chain) => {
        const rec = recordPath(ctx, chain, circuit);
        let record: RotationRecord | undefined = existsSync(rec)
          ? (JSON.parse(readFileSync(rec, 'utf8')) as RotationRecord)
          : undefined;
        if (record && record.vkHash !== vkHash) record = undefined;
        if (opts.execute && !record)
          throw new InputError(`No rotation of ${circuit} to ${vkHash} was prepared on ${chain.config.name}`, {
            hint: 'Run it without --execute first',
          });
        let deployed = false;
        if (!record || (await chain.client.getCode({ address: record.verifier })) === undefined) {
          ctx.logger.info(`${chain.config.name}: deploying the verifier…`);
          const wallet = ctx.wallet(chain);
          const hash = await wallet.deployContract({ abi: artifact!.abi as never, bytecode: artifact!.bytecode });
          const receipt = await chain.client.waitForTransactionReceipt({ hash });
          if (receipt.status !== 'success' || !receipt.contractAddress)
            throw new ChainError(`Deploying the verifier failed on ${chain.config.name} (${hash})`);
          const code = (await chain.client.getCode({ address: receipt.contractAddress })) ?? '0x';
          record = {
            circuit,
            circuitId,
            vkHash,
            verifier: receipt.contractAddress,
            codeHash: keccak256(code),
            deployTx: hash,
          };
          mkdirSync(path.dirname(rec), { recursive: true });
          writeFileSync(rec, `${JSON.stringify(record, null, 2)}\n`);
          deployed = true;
        }
        const call = await prepareSetVerifier(pilClient(ctx, chain), {
          circuitId,
          verifier: record.verifier,
          vkHash,
          publicInputs,
        }).catch((err) => {
          const e = toPilError(err);
          throw new InputError(`${e.shortMessage}; nothing was proposed`, {
            details: e.details,
            hint: e.hint,
            cause: err,
          });
        });
        const step = await viaTimelock(
          ctx,
          chain,
          'standard',
          [call],
          `EP-003 rotate ${circuit} verifier to key ${vkHash}`,
          {
            ...safeRunOptions(opts),
            execute: opts.execute,
            command: `pil verifier rotate ${circuit} --artifacts <dir> --network ${ctx.network.name}`,
          },
        );
        const after =
          step.step === 'executed'
            ? await readPilContract<{ verifier: Address; vkHash: Hex }>(pilClient(ctx, chain), {
                contract: 'verifierRegistry',
                abi: verifierRegistryAbi,
                functionName: 'verifierOf',
                args: [circuitId],
              })
            : undefined;
        return {
          chain: chain.config.name,
          chainId: chain.config.chainId,
          verifier: record.verifier,
          deployed,
          previous: call.previous,
          step,
          now: await chainNow(chain),
          ...(after ? { current: after } : {}),
        };
      });
      ctx.output.result(
        {
          action: opts.execute ? 'verifier-rotate-execute' : 'verifier-rotate-schedule',
          network: ctx.network.name,
          circuit,
          circuitId,
          vkHash,
          chains: results.map((r) => ({
            chain: r.chain,
            chainId: r.chainId,
            verifier: r.verifier,
            deployed: r.deployed,
            previous: r.previous,
            step: r.step.step,
            operation: operationSummary(r.step.operation, r.now),
            ...(r.step.step === 'scheduled' ? { safe: r.step.safe } : { txHash: r.step.txHash }),
            ...(r.current ? { current: r.current } : {}),
          })),
        },
        () =>
          results
            .map((r) =>
              r.step.step === 'scheduled'
                ? `${r.chain} (${r.chainId}): verifier ${r.verifier}${r.deployed ? ' deployed' : ' (deployed earlier)'}; retires key ${r.previous?.vkHash ?? '(none)'}\n${formatSafeRun(r.step.safe, ctx.network.name)}\n${formatOperation(r.step.operation, r.now)}\n  execute after the ETA: pil verifier rotate ${circuit} --artifacts <dir> --execute --network ${ctx.network.name}`
                : `${r.chain} (${r.chainId}): executed ${r.step.operation.id} (${r.step.txHash}); ${circuit} now uses ${r.current?.verifier} with key ${r.current?.vkHash}. Proofs under the old key are refused and emit RetiredKeyProofRejected.`,
            )
            .join('\n\n'),
      );
    },
  );
}
