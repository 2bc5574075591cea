// Starts and stops anvil (from the @foundry-rs/anvil npm package) on a free
// loopback port. anvil binds port 0 itself and prints the port it got, so no
// other process can take the port between our choice and its bind; a port
// given explicitly that is taken is an error that says so.
//
// anvil runs under a tiny watchdog (a second Node process, WATCHDOG below)
// that holds the read end of a pipe from us: when we die in any way, even by
// SIGKILL, the kernel closes that pipe and the watchdog stops anvil. Without
// it a hard kill of `pil devnet up` left both anvils running.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NetworkError } from '../errors.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export type AnvilOptions = {
  chainId: number;
  /** Default 0: anvil picks a free port. */
  port?: number;
  host?: string;
  /** Extra anvil arguments (e.g. ['--block-time', '1']). */
  args?: string[];
  /** Appends anvil's output to this file (otherwise it is discarded). */
  logFile?: string;
  /** Milliseconds to wait for "Listening on". Default 15 s. */
  timeoutMs?: number;
};

export type Anvil = {
  chainId: number;
  port: number;
  host: string;
  rpcUrl: string;
  /** anvil's own process id. */
  pid: number;
  /** The watchdog process in front of anvil: it exits when anvil exits, with anvil's code or signal. */
  process: ChildProcess;
  /** Stops anvil (SIGTERM, then SIGKILL after 3 s); resolves when it has exited. */
  stop(): Promise<void>;
};

const require = createRequire(import.meta.url);

/**
 * The native anvil binary of @foundry-rs/anvil's platform package. Spawned
 * directly rather than through the package's Node wrapper, so that a signal
 * reaches anvil itself and no wrapper process can outlive it.
 */
export function anvilBinary(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  try {
    const pkg = require.resolve(`@foundry-rs/anvil-${process.platform}-${arch}/package.json`, { paths: [root] });
    const native = path.join(path.dirname(pkg), 'bin', 'anvil');
    if (existsSync(native)) return native;
  } catch {}
  const bin = path.join(root, 'node_modules', '.bin', 'anvil');
  if (!existsSync(bin)) {
    throw new NetworkError('anvil is not installed', { hint: 'Run `npm install` at the repository root' });
  }
  return bin;
}

/**
 * Run as `node -e WATCHDOG <binary> <args...>` with stdio [pipe from the parent, out, err, pid pipe].
 * Starts the binary with our stdout/stderr, writes its pid to fd 3, and stops it (SIGTERM, then
 * SIGKILL after 2 s) when our stdin reaches EOF (the parent died or closed it), when our parent
 * changes (re-parented), or on SIGTERM/SIGINT/SIGHUP. Exits like the binary did.
 */
export const WATCHDOG = `
const { spawn } = require('node:child_process');
const { writeSync, closeSync } = require('node:fs');
const [bin, ...args] = process.argv.slice(1);
const child = spawn(bin, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  try { child.kill('SIGTERM'); } catch {}
  setTimeout(() => { try { child.kill('SIGKILL'); } catch {} }, 2000).unref();
}
child.once('error', (err) => { process.stderr.write('watchdog: cannot run ' + bin + ': ' + err.message + '\\n'); process.exit(127); });
child.once('spawn', () => { try { writeSync(3, child.pid + '\\n'); closeSync(3); } catch {} });
child.once('exit', (code, signal) => {
  for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.removeAllListeners(s);
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(s, stop);
process.stdin.on('end', stop).on('close', stop).on('error', stop).resume();
const parent = process.ppid;
setInterval(() => { if (process.ppid !== parent) stop(); }, 500).unref();
`;

export async function startAnvil(options: AnvilOptions): Promise<Anvil> {
  const host = options.host ?? '127.0.0.1';
  const args = [
    '--host',
    host,
    '--port',
    String(options.port ?? 0),
    '--chain-id',
    String(options.chainId),
    ...(options.args ?? []),
  ];
  const child = spawn(process.execPath, ['-e', WATCHDOG, anvilBinary(), ...args], {
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
  });
  // Our end of the watchdog's stdin stays open for as long as we live; never write to it.
  child.stdin!.on('error', () => {});
  const log = options.logFile ? openLog(options.logFile) : undefined;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let anvilPid: number | undefined;
  const pidPipe = child.stdio[3] as NodeJS.ReadableStream;
  const pidKnown = new Promise<number | undefined>((resolve) => {
    let text = '';
    pidPipe.on('data', (c: Buffer) => {
      text += c.toString();
      if (text.includes('\n')) resolve(Number.parseInt(text, 10) || undefined);
    });
    pidPipe.on('end', () => resolve(Number.parseInt(text, 10) || undefined));
    pidPipe.on('error', () => resolve(undefined));
  }).then((pid) => {
    anvilPid = pid;
    return pid;
  });
  /** Kills anvil and its watchdog at once (the watchdog alone would leave anvil if it died first). */
  const killHard = () => {
    if (anvilPid !== undefined) {
      try {
        process.kill(anvilPid, 'SIGKILL');
      } catch {}
    }
    child.kill('SIGKILL');
  };
  let tail = '';
  let ready = false;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(`anvil did not start within ${options.timeoutMs ?? 15_000} ms`),
      options.timeoutMs ?? 15_000,
    );
    function fail(message: string) {
      if (ready) return;
      ready = true;
      clearTimeout(timer);
      killHard();
      const taken = /address already in use|Address in use|os error 98/i.test(tail);
      reject(
        new NetworkError(taken ? `Port ${options.port} on ${host} is already in use` : message, {
          details: tail.trim().split('\n').slice(-5).join('\n'),
          hint: taken ? 'Choose another port, or omit the port to get a free one' : 'See anvil output above',
        }),
      );
    }
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      log?.write(text);
      if (tail.length < 64_000) tail += text;
      const m = /Listening on ([\d.:[\]a-f]+):(\d+)/.exec(tail);
      if (m && !ready) {
        ready = true;
        clearTimeout(timer);
        resolve(Number(m[2]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (err) => fail(`cannot run anvil: ${err.message}`));
    child.once('close', (code, signal) => fail(`anvil exited before it was ready (${signal ?? `code ${code}`})`));
  });
  const pid = await pidKnown;
  if (pid === undefined) {
    killHard();
    throw new NetworkError('anvil started but its watchdog did not report its process id');
  }
  // Keep draining output after start-up so anvil never blocks on a full pipe.
  child.stdout!.removeAllListeners('data').on('data', (c: Buffer) => log?.write(c));
  child.stderr!.removeAllListeners('data').on('data', (c: Buffer) => log?.write(c));
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    chainId: options.chainId,
    port,
    host,
    rpcUrl: `http://${urlHost}:${port}`,
    pid,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM'); // the watchdog passes it to anvil and exits when anvil has
        const timer = setTimeout(killHard, 3_000);
        await exited;
        clearTimeout(timer);
      }
      log?.end();
    },
  };
}

function openLog(file: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  return createWriteStream(file, { flags: 'a' });
}
