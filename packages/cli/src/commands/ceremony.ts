// EP-003 step 1: a multi-party Groth16 phase-2 ceremony, one command per step,
// each reading a file and writing the next, so that every party runs its step
// on its own machine with the file it was handed:
//   new        coordinator: phase 2 start (on our own powers of tau, or --ptau)
//   contribute each party, in turn
//   beacon     coordinator: the final public random beacon
//   verify     anyone: replays every contribution against the r1cs and ptau
//   finalize   coordinator: verification key (canonical, vkHash), artifacts folder
// A transcript (circuits/src/ceremony.ts) travels with the files.
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  buildPaths,
  CIRCUIT_IDS,
  CIRCUITS,
  type CircuitName,
  keyPaths,
  PUBLIC_INPUTS,
} from '../../../../circuits/src/artifacts.js';
import {
  CeremonyError,
  type CeremonyProgress,
  exportVerificationKey,
  initTranscript,
  ptauContribute,
  ptauNew,
  ptauPreparePhase2,
  readTranscript,
  releaseCurves,
  sha256File,
  zkeyBeacon,
  zkeyContribute,
  zkeyNew,
  zkeyVerify,
} from '../../../../circuits/src/ceremony.js';
import type { BaseContext } from '../context.js';
import { CheckFailedError, InputError } from '../errors.js';
import { parsePositiveInt } from '../governance/cli.js';
import { withExamples } from '../options.js';
import type { Runtime } from '../runtime.js';

export const MANIFEST = 'ceremony.json';
export type Manifest = {
  circuit: string;
  r1cs: string;
  r1csSha256: string;
  ptau: string;
  ptauSha256: string;
  wasm?: string;
};

function progress(ctx: BaseContext) {
  let last = '';
  return (e: CeremonyProgress) => {
    if (e.message === 'done') ctx.logger.info(`${e.step}: done`);
    else if (e.level === 'error') ctx.logger.error(`${e.step}: ${e.message}`);
    else if (e.step !== last || ctx.options.verbose)
      ctx.logger[ctx.options.verbose ? 'debug' : 'info'](`${e.step}: ${e.message}`);
    last = e.step;
  };
}

function mustExist(file: string, what: string): string {
  if (!existsSync(file)) throw new InputError(`${what} ${file} does not exist`);
  return file;
}

function readManifest(dir: string): Manifest | undefined {
  const f = path.join(dir, MANIFEST);
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as Manifest) : undefined;
}

/** `<base>_0003.zkey` → `<base>_0004.zkey` in the same folder. */
export function nextZkey(file: string, suffix?: string): string {
  const m = path.basename(file).match(/^(.*?)(?:_(\d{4}|final))?\.zkey$/);
  if (!m) throw new InputError(`${file} is not a .zkey file`);
  const n = m[2] && m[2] !== 'final' ? Number(m[2]) + 1 : 1;
  return path.join(path.dirname(file), `${m[1]}_${suffix ?? String(n).padStart(4, '0')}.zkey`);
}

function transcriptFor(file: string, option?: string): string {
  return option ?? path.join(path.dirname(file), 'transcript.json');
}

/** Runs a ceremony step with CLI error mapping and snarkjs' workers stopped afterwards. */
async function step<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof CeremonyError) throw new CheckFailedError(err.message, { cause: err });
    throw err;
  } finally {
    await releaseCurves();
  }
}

export function registerCeremonyCommands(program: Command, rt: Runtime): void {
  const ceremony = program
    .command('ceremony')
    .description(
      'EP-003 trusted-setup ceremony (Groth16 phase 2), one step per command, file in → file out, with a transcript',
    );
  withExamples(ceremony, [
    'pil ceremony new --circuit container_spend --ptau pot13_final.ptau --dir ceremony/',
    'pil ceremony contribute ceremony/container_spend_0000.zkey --name alice',
    'pil ceremony beacon ceremony/container_spend_0003.zkey --beacon 0x<block hash>',
    'pil ceremony verify ceremony/container_spend_0004.zkey',
    'pil ceremony finalize ceremony/container_spend_0004.zkey --out keys/',
  ]);

  withExamples(
    ceremony
      .command('new')
      .description(
        'start a phase-2 ceremony: our own powers of tau (--power) or a prepared one (--ptau), then the initial zkey, manifest and transcript in --dir',
      )
      .requiredOption(
        '--circuit <name|file.r1cs>',
        `${CIRCUITS.join(' | ')} (compiled under circuits/build), or an .r1cs file`,
      )
      .option('--ptau <file>', 'a phase-2-prepared powers-of-tau file (phase 1 done elsewhere)')
      .option(
        '--power <n>',
        'build our own powers of tau at 2^n (one contribution + prepare phase 2)',
        parsePositiveInt('--power'),
      )
      .option('--name <name>', 'coordinator name for the phase-1 contribution', 'coordinator')
      .option('--wasm <file>', 'witness generator to ship with the keys (default: the committed one for PIL circuits)')
      .requiredOption('--dir <dir>', 'ceremony folder (created)'),
    [
      'pil ceremony new --circuit container_create --power 13 --dir ceremony/',
      'pil ceremony new --circuit circuits/build/container_spend.r1cs --ptau pot13_final.ptau --dir ceremony/',
    ],
  ).action(
    async (
      opts: { circuit: string; ptau?: string; power?: number; name: string; wasm?: string; dir: string },
      cmd: Command,
    ) => {
      const ctx = rt.base(cmd);
      const dir = path.resolve(ctx.cwd, opts.dir);
      const known = (CIRCUITS as readonly string[]).includes(opts.circuit) ? (opts.circuit as CircuitName) : undefined;
      const r1csIn = known ? buildPaths(known).r1cs : path.resolve(ctx.cwd, opts.circuit);
      if (!known && !opts.circuit.endsWith('.r1cs'))
        throw new InputError(`Unknown circuit "${opts.circuit}"`, {
          details: `use one of ${CIRCUITS.join(', ')} or an .r1cs file`,
        });
      mustExist(r1csIn, 'Circuit constraints');
      if (!opts.ptau === !opts.power)
        throw new InputError('Pass exactly one of --ptau <prepared ptau> and --power <n>');
      if (opts.power !== undefined && (opts.power < 4 || opts.power > 28))
        throw new InputError('--power must be between 4 and 28');
      if (existsSync(path.join(dir, MANIFEST)))
        throw new InputError(`${dir} already holds a ceremony (${MANIFEST}); nothing was written`);
      mkdirSync(dir, { recursive: true });
      const circuit = known ?? path.basename(r1csIn, '.r1cs');
      const r1cs = path.join(dir, `${circuit}.r1cs`);
      copyFileSync(r1csIn, r1cs);
      const transcript = path.join(dir, 'transcript.json');
      await initTranscript(transcript, circuit, false);
      const onProgress = progress(ctx);
      const o = { transcript, onProgress };
      let ptau: string;
      await step(async () => {
        if (opts.ptau) {
          ptau = path.join(dir, path.basename(opts.ptau));
          if (path.resolve(mustExist(path.resolve(ctx.cwd, opts.ptau), 'Powers of tau')) !== ptau)
            copyFileSync(path.resolve(ctx.cwd, opts.ptau), ptau);
        } else {
          const p = opts.power!;
          ctx.logger.info(`phase 1: powers of tau at 2^${p}…`);
          await ptauNew({ power: p, out: path.join(dir, `pot${p}_0000.ptau`), ...o });
          await ptauContribute({
            input: path.join(dir, `pot${p}_0000.ptau`),
            out: path.join(dir, `pot${p}_0001.ptau`),
            name: opts.name,
            entropy: randomBytes(32).toString('hex'),
            ...o,
          });
          ctx.logger.info('phase 1: preparing phase 2 (the slow step)…');
          ptau = path.join(dir, `pot${p}_final.ptau`);
          await ptauPreparePhase2({ input: path.join(dir, `pot${p}_0001.ptau`), out: ptau, ...o });
        }
        ctx.logger.info('phase 2: initial zkey…');
        await zkeyNew({ r1cs, ptau, out: path.join(dir, `${circuit}_0000.zkey`), ...o });
      });
      const wasmIn = opts.wasm ? path.resolve(ctx.cwd, opts.wasm) : known ? keyPaths(known).wasm : undefined;
      let wasm: string | undefined;
      if (wasmIn) {
        wasm = `${circuit}.wasm`;
        copyFileSync(mustExist(wasmIn, 'Witness generator'), path.join(dir, wasm));
      }
      const manifest: Manifest = {
        circuit,
        r1cs: path.basename(r1cs),
        r1csSha256: await sha256File(r1cs),
        ptau: path.basename(ptau!),
        ptauSha256: await sha256File(ptau!),
        ...(wasm ? { wasm } : {}),
      };
      writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
      const zkey = path.join(dir, `${circuit}_0000.zkey`);
      ctx.output.result({ action: 'ceremony-new', dir, zkey, manifest, transcript }, () =>
        [
          `ceremony for ${circuit} in ${dir}`,
          `  initial zkey: ${zkey}`,
          `  next: hand the folder (or the zkey, ${MANIFEST} and transcript.json) to the first contributor:`,
          `    pil ceremony contribute ${zkey} --name <name>`,
        ].join('\n'),
      );
    },
  );

  withExamples(
    ceremony
      .command('contribute <zkey>')
      .description(
        'add your contribution: reads <zkey>, writes the next one (toxic waste from OS randomness, never stored)',
      )
      .requiredOption('--name <name>', 'your name, recorded in the zkey and the transcript')
      .option('--entropy <text>', 'extra entropy text mixed with 64 bytes of OS randomness (default: 32 random bytes)')
      .option('--out <file>', 'output zkey (default: the next number in the same folder)')
      .option('--transcript <file>', 'transcript to append to (default: transcript.json next to the zkey)'),
    [
      'pil ceremony contribute ceremony/container_spend_0000.zkey --name alice',
      'pil ceremony contribute in.zkey --name bob --out out.zkey --json',
    ],
  ).action(
    async (
      zkeyArg: string,
      opts: { name: string; entropy?: string; out?: string; transcript?: string },
      cmd: Command,
    ) => {
      const ctx = rt.base(cmd);
      const input = mustExist(path.resolve(ctx.cwd, zkeyArg), 'zkey');
      const out = opts.out ? path.resolve(ctx.cwd, opts.out) : nextZkey(input);
      if (existsSync(out)) throw new InputError(`${out} already exists; nothing was written`, { hint: 'Pass --out' });
      const transcript = transcriptFor(input, opts.transcript && path.resolve(ctx.cwd, opts.transcript));
      const entry = await step(() =>
        zkeyContribute({
          input,
          out,
          name: opts.name,
          entropy: opts.entropy ?? randomBytes(32).toString('hex'),
          transcript,
          onProgress: progress(ctx),
        }),
      );
      ctx.output.result(
        { action: 'ceremony-contribute', input, out, transcript, contributionHash: entry.contributionHash },
        () =>
          [
            `contribution by ${opts.name}: ${out}`,
            `  contribution hash (publish it): ${entry.contributionHash}`,
            `  next: pil ceremony contribute ${out} --name <next>   or   pil ceremony beacon ${out} --beacon <hex>`,
          ].join('\n'),
      );
    },
  );

  withExamples(
    ceremony
      .command('beacon <zkey>')
      .description('apply the final public random beacon (e.g. a block hash announced in advance)')
      .requiredOption('--beacon <hex>', 'the beacon value, hex bytes')
      .option('--iterations <exp>', 'hash the beacon 2^exp times (10..63)', parsePositiveInt('--iterations'), 10)
      .option('--name <name>', 'recorded name', 'beacon')
      .option('--out <file>', 'output zkey (default: the next number in the same folder)')
      .option('--transcript <file>', 'transcript (default: transcript.json next to the zkey)'),
    ['pil ceremony beacon ceremony/container_spend_0003.zkey --beacon 0x8d3f…'],
  ).action(
    async (
      zkeyArg: string,
      opts: { beacon: string; iterations: number; name: string; out?: string; transcript?: string },
      cmd: Command,
    ) => {
      const ctx = rt.base(cmd);
      const input = mustExist(path.resolve(ctx.cwd, zkeyArg), 'zkey');
      if (!/^(0x)?([0-9a-fA-F]{2})+$/.test(opts.beacon))
        throw new InputError(`The beacon must be hex bytes, got "${opts.beacon}"`);
      if (opts.iterations < 10 || opts.iterations > 63) throw new InputError('--iterations must be between 10 and 63');
      const out = opts.out ? path.resolve(ctx.cwd, opts.out) : nextZkey(input);
      if (existsSync(out)) throw new InputError(`${out} already exists; nothing was written`);
      const transcript = transcriptFor(input, opts.transcript && path.resolve(ctx.cwd, opts.transcript));
      const entry = await step(() =>
        zkeyBeacon({
          input,
          out,
          name: opts.name,
          beaconHash: opts.beacon,
          iterationsExp: opts.iterations,
          transcript,
          onProgress: progress(ctx),
        }),
      );
      ctx.output.result(
        {
          action: 'ceremony-beacon',
          input,
          out,
          transcript,
          contributionHash: entry.contributionHash,
          beacon: entry.beacon,
        },
        () =>
          [
            `beacon applied: ${out}`,
            `  next: pil ceremony verify ${out}   then   pil ceremony finalize ${out} --out <keys dir>`,
          ].join('\n'),
      );
    },
  );

  withExamples(
    ceremony
      .command('verify <zkey>')
      .description(
        'verify a zkey: every contribution replayed against the circuit and the powers of tau (exit 8 when it does not verify)',
      )
      .option('--r1cs <file>', 'circuit constraints (default: from ceremony.json next to the zkey)')
      .option('--ptau <file>', 'prepared powers of tau (default: from ceremony.json)')
      .option('--transcript <file>', 'transcript (default: transcript.json next to the zkey)'),
    [
      'pil ceremony verify ceremony/container_spend_0004.zkey',
      'pil ceremony verify k.zkey --r1cs c.r1cs --ptau pot13_final.ptau --json',
    ],
  ).action(async (zkeyArg: string, opts: { r1cs?: string; ptau?: string; transcript?: string }, cmd: Command) => {
    const ctx = rt.base(cmd);
    const zkey = mustExist(path.resolve(ctx.cwd, zkeyArg), 'zkey');
    const { r1cs, ptau } = inputsFor(ctx, zkey, opts);
    const transcript = transcriptFor(zkey, opts.transcript && path.resolve(ctx.cwd, opts.transcript));
    await step(() => zkeyVerify({ r1cs, ptau, zkey, transcript, onProgress: progress(ctx) }));
    const t = existsSync(transcript) ? await readTranscript(transcript) : undefined;
    const contributors = t?.entries
      .filter((e) => e.step === 'zkey-contribute' || e.step === 'zkey-beacon')
      .map((e) => ({ step: e.step, name: e.name, contributionHash: e.contributionHash }));
    ctx.output.result({ action: 'ceremony-verify', zkey, ok: true, contributors }, () =>
      [
        `${zkey} verifies against ${r1cs} and ${ptau}`,
        ...(contributors ?? []).map(
          (c) => `  ${c.step === 'zkey-beacon' ? 'beacon' : 'contribution'} ${c.name}: ${c.contributionHash}`,
        ),
      ].join('\n'),
    );
  });

  withExamples(
    ceremony
      .command('finalize <zkey>')
      .description(
        'verify, export the canonical verification_key.json (vkHash) and write <out>/<circuit>/ with zkey, wasm, vk, transcript and info.json: the artifacts `pil verifier rotate` and the SDK prover use',
      )
      .requiredOption('--out <dir>', 'artifacts folder (written as <out>/<circuit>/...)')
      .option('--circuit <name>', 'circuit name (default: from ceremony.json)')
      .option('--wasm <file>', 'witness generator (default: from ceremony.json, or the committed one)')
      .option('--r1cs <file>', 'for the verification (default: from ceremony.json)')
      .option('--ptau <file>', 'for the verification (default: from ceremony.json)')
      .option('--unverified', 'skip the verification (no ptau at hand); recorded as unverified in info.json', false),
    [
      'pil ceremony finalize ceremony/container_spend_0004.zkey --out keys/',
      'pil ceremony finalize k.zkey --circuit container_create --out keys/ --unverified',
    ],
  ).action(
    async (
      zkeyArg: string,
      opts: { out: string; circuit?: string; wasm?: string; r1cs?: string; ptau?: string; unverified: boolean },
      cmd: Command,
    ) => {
      const ctx = rt.base(cmd);
      const zkey = mustExist(path.resolve(ctx.cwd, zkeyArg), 'zkey');
      const manifest = readManifest(path.dirname(zkey));
      const circuit = opts.circuit ?? manifest?.circuit;
      if (!circuit) throw new InputError('Which circuit? Pass --circuit (there is no ceremony.json next to the zkey)');
      const known = (CIRCUITS as readonly string[]).includes(circuit) ? (circuit as CircuitName) : undefined;
      const wasmIn = opts.wasm
        ? path.resolve(ctx.cwd, opts.wasm)
        : manifest?.wasm
          ? path.join(path.dirname(zkey), manifest.wasm)
          : known
            ? keyPaths(known).wasm
            : undefined;
      const transcriptIn = transcriptFor(zkey);
      const dir = path.join(path.resolve(ctx.cwd, opts.out), circuit);
      mkdirSync(dir, { recursive: true });
      const transcript = path.join(dir, 'transcript.json');
      if (existsSync(transcriptIn) && path.resolve(transcriptIn) !== transcript) copyFileSync(transcriptIn, transcript);
      const onProgress = progress(ctx);
      if (!opts.unverified) {
        const { r1cs, ptau } = inputsFor(ctx, zkey, opts);
        await step(() => zkeyVerify({ r1cs, ptau, zkey, transcript, onProgress }));
      } else ctx.logger.warn('finalizing WITHOUT verification (--unverified): verify the zkey before trusting it');
      const finalZkey = path.join(dir, `${circuit}_final.zkey`);
      if (path.resolve(zkey) !== finalZkey) copyFileSync(zkey, finalZkey);
      const vkPath = path.join(dir, 'verification_key.json');
      const vk = await step(() => exportVerificationKey({ zkey: finalZkey, out: vkPath, transcript, onProgress }));
      if (wasmIn) copyFileSync(mustExist(wasmIn, 'Witness generator'), path.join(dir, `${circuit}.wasm`));
      const t = existsSync(transcript) ? await readTranscript(transcript) : undefined;
      const info = {
        circuit,
        ...(known ? { circuitId: CIRCUIT_IDS[known], publicInputs: PUBLIC_INPUTS[known] } : {}),
        vkHash: vk.vkHash,
        verified: !opts.unverified,
        beaconApplied: Boolean(t?.entries.some((e) => e.step === 'zkey-beacon')),
        contributors: t?.entries.filter((e) => e.step === 'zkey-contribute').map((e) => e.name) ?? [],
        sha256: {
          zkey: await sha256File(finalZkey),
          ...(wasmIn ? { wasm: await sha256File(path.join(dir, `${circuit}.wasm`)) } : {}),
        },
        devOnly: false,
      };
      writeFileSync(path.join(dir, 'info.json'), `${JSON.stringify(info, null, 2)}\n`);
      ctx.output.result(
        { action: 'ceremony-finalize', dir, zkey: finalZkey, verificationKey: vkPath, vkHash: vk.vkHash, info },
        () =>
          [
            `artifacts for ${circuit} in ${dir}`,
            `  vkHash ${vk.vkHash}${opts.unverified ? ' (UNVERIFIED)' : ''}${info.beaconApplied ? '' : ' (no beacon applied)'}`,
            ...(known
              ? [
                  `  next: pil verifier rotate ${circuit} --artifacts ${path.resolve(ctx.cwd, opts.out)} --network <network>`,
                ]
              : []),
          ].join('\n'),
      );
    },
  );
}

function inputsFor(
  ctx: BaseContext,
  zkey: string,
  opts: { r1cs?: string; ptau?: string },
): { r1cs: string; ptau: string } {
  const manifest = readManifest(path.dirname(zkey));
  const r1cs = opts.r1cs
    ? path.resolve(ctx.cwd, opts.r1cs)
    : manifest
      ? path.join(path.dirname(zkey), manifest.r1cs)
      : undefined;
  const ptau = opts.ptau
    ? path.resolve(ctx.cwd, opts.ptau)
    : manifest
      ? path.join(path.dirname(zkey), manifest.ptau)
      : undefined;
  if (!r1cs || !ptau)
    throw new InputError('The verification needs the circuit and the powers of tau', {
      hint: `Pass --r1cs and --ptau, or keep ${MANIFEST} next to the zkey`,
    });
  return { r1cs: mustExist(r1cs, 'Circuit constraints'), ptau: mustExist(ptau, 'Powers of tau') };
}
