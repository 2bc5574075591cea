// Runs the CLI in process with captured stdout/stderr and a controlled environment.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { run } from '../main.js';

export type CliResult = { code: number; stdout: string; stderr: string };

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return {
    stream: new Writable({
      write(chunk, _enc, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    text: () => chunks.join(''),
  };
}

/** A fresh, empty state directory (no devnet deployments). */
export function tempStateDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'pil-state-'));
}

export async function runCli(
  argv: string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<CliResult> {
  const out = sink();
  const err = sink();
  const code = await run(argv, {
    stdout: out.stream,
    stderr: err.stream,
    env: { PIL_STATE_DIR: tempStateDir(), ...options.env },
    cwd: options.cwd ?? tempStateDir(),
  });
  return { code, stdout: out.text(), stderr: err.text() };
}
