/**
 * `npm start` runs the devnet's services (relayers, monitor) next to `pil devnet up`:
 * each waits for the fresh deployments files, then runs as a child process that exits
 * when its stdin pipe closes, so it never outlives `npm start` (even after kill -9 of it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../context.js';

export type DevnetDeploymentJson = {
  chainId: number;
  rpcUrl: string;
  deploymentBlock: number;
  contracts: Record<string, { proxy: string } | undefined>;
};

export function devnetStateDir(stateDir?: string): string {
  return stateDir ?? process.env.PIL_STATE_DIR ?? path.join(repoRoot, '.pil');
}

/** Calls `then` once every devnet chain's deployments file was (re)written since `since`. */
export function whenDevnetDeployed(
  options: { since: number; stateDir: string; chains?: number },
  then: (deployments: DevnetDeploymentJson[]) => void,
): void {
  const dir = path.join(options.stateDir, 'deployments', 'devnet');
  const timer = setInterval(() => {
    if (!existsSync(dir)) return;
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join(dir, f))
      .filter((f) => statSync(f).mtimeMs >= options.since - 1_000);
    if (files.length < (options.chains ?? 2)) return;
    clearInterval(timer);
    then(files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as DevnetDeploymentJson));
  }, 250);
  timer.unref();
}

const children: ChildProcess[] = [];
let hooked = false;

/**
 * Runs `bin --config configFile` with its output in `logFile`, stopped with this process;
 * `onReady` gets the `{url, ...}` its ready file holds once it is written.
 */
export function spawnDevnetService(options: {
  bin: string;
  configFile: string;
  logFile: string;
  readyFile: string;
  env: Record<string, string>;
  onReady: (ready: { url: string; [k: string]: unknown }) => void;
}): void {
  if (!hooked) {
    hooked = true;
    process.once('exit', () => {
      for (const c of children) c.kill('SIGTERM');
    });
  }
  const log = openSync(options.logFile, 'a');
  children.push(
    spawn(process.execPath, [options.bin, '--config', options.configFile], {
      cwd: repoRoot,
      stdio: ['pipe', log, log],
      env: { ...process.env, ...options.env },
    }),
  );
  const wait = setInterval(() => {
    if (!existsSync(options.readyFile)) return;
    clearInterval(wait);
    options.onReady(JSON.parse(readFileSync(options.readyFile, 'utf8')));
  }, 200);
  wait.unref();
}

/**
 * One service on the devnet, once it is deployed: `<stateDir>/devnet-<name>/` is made anew,
 * `config(deployments, home)` written to `config.json` there, and `bin --config` run with its
 * log in `<name>.log`; its status URL is printed when its ready file appears.
 */
export function startDevnetService(options: {
  name: string;
  bin: string;
  since: number;
  stateDir?: string | undefined;
  config: (deployments: DevnetDeploymentJson[], home: string) => { readyFile?: string | undefined };
  env: Record<string, string>;
}): void {
  const stateDir = devnetStateDir(options.stateDir);
  whenDevnetDeployed({ since: options.since, stateDir }, (deployments) => {
    const home = path.join(stateDir, `devnet-${options.name}`);
    rmSync(home, { recursive: true, force: true });
    mkdirSync(home, { recursive: true });
    const config = options.config(deployments, home);
    const configFile = path.join(home, 'config.json');
    writeFileSync(configFile, JSON.stringify(config, null, 2));
    const logFile = path.join(home, `${options.name}.log`);
    spawnDevnetService({
      bin: options.bin,
      configFile,
      logFile,
      readyFile: config.readyFile ?? path.join(home, 'ready.json'),
      env: options.env,
      onReady: ({ url }) => process.stderr.write(`${options.name} ${url}/status  log: ${shownPath(logFile)}\n`),
    });
  });
}

/** A path shown relative to the repository when it is inside it. */
export function shownPath(p: string): string {
  const rel = path.relative(repoRoot, p);
  return rel.startsWith('..') ? p : rel;
}
