// A hard kill (SIGKILL) of the process that started anvil must not leave anvil running: anvil
// runs under a watchdog that stops it when the pipe from its parent closes.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('anvil watchdog', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'pil-watchdog-'));
  const leftovers: number[] = [];
  afterAll(() => {
    for (const pid of leftovers) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  });

  it('stops anvil when its parent is killed with SIGKILL', async () => {
    const script = path.join(tmp, 'parent.mts');
    const anvilModule = pathToFileURL(path.join(here, 'anvil.ts')).href;
    writeFileSync(
      script,
      `import { startAnvil } from ${JSON.stringify(anvilModule)};
const a = await startAnvil({ chainId: 31342 });
process.stdout.write(JSON.stringify({ anvil: a.pid, watchdog: a.process.pid }) + '\\n');
setInterval(() => {}, 1000);
`,
    );
    const parent = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    parent.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    parent.stderr.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const started = await waitUntil(() => out.includes('\n'), 20_000);
    expect(started, out).toBe(true);
    const pids = JSON.parse(out.split('\n')[0] ?? '{}') as { anvil: number; watchdog: number };
    leftovers.push(pids.anvil, pids.watchdog);
    expect(isAlive(pids.anvil)).toBe(true);

    parent.kill('SIGKILL');
    expect(await waitUntil(() => !isAlive(pids.anvil), 5_000), 'anvil outlived its killed parent').toBe(true);
    expect(await waitUntil(() => !isAlive(pids.watchdog), 5_000), 'the watchdog outlived anvil').toBe(true);
  }, 40_000);
});
