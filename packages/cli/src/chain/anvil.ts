// Starts and stops anvil (from the @foundry-rs/anvil npm package) on a free
// loopback port. anvil binds port 0 itself and prints the port it got, so no
// other process can take the port between our choice and its bind; a port
// given explicitly that is taken is an error that says so.
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
  pid: number;
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
  const child = spawn(anvilBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = options.logFile ? openLog(options.logFile) : undefined;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
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
      child.kill('SIGKILL');
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
  // Keep draining output after start-up so anvil never blocks on a full pipe.
  child.stdout!.removeAllListeners('data').on('data', (c: Buffer) => log?.write(c));
  child.stderr!.removeAllListeners('data').on('data', (c: Buffer) => log?.write(c));
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    chainId: options.chainId,
    port,
    host,
    rpcUrl: `http://${urlHost}:${port}`,
    pid: child.pid!,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
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
