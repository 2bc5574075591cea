// docs/RUNBOOK.md is the runbook rewritten for this system: every `pil …`
// command it documents must exist (`pil <command> --help` exits 0 with
// examples), unless the line marks it "(not yet available)" — and a marked
// command must not exist yet (remove the mark when it lands).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../context.js';
import { createProgram } from '../program.js';
import { createRuntime } from '../runtime.js';
import { runCli } from '../test-utils/run.js';

type Documented = { line: number; text: string; available: boolean };

/** `pil …` commands in code blocks (one per line) and in inline code spans. */
export function documentedCommands(markdown: string): Documented[] {
  const out: Documented[] = [];
  let inBlock = false;
  markdown.split('\n').forEach((raw, i) => {
    if (/^\s*```/.test(raw)) {
      inBlock = !inBlock;
      return;
    }
    const available = !/\(not yet available\)/.test(raw);
    if (inBlock) {
      const m = raw.match(/^\s*(?:\$\s+)?(pil\s[^#]*)/);
      if (m) out.push({ line: i + 1, text: m[1]!.trim(), available });
    } else {
      for (const span of raw.matchAll(/`(pil\s[^`]+)`/g)) out.push({ line: i + 1, text: span[1]!.trim(), available });
    }
  });
  return out;
}

/** Walks the command tree: the subcommand path the tokens name, and the first word that is not a subcommand. */
function resolve(program: Command, text: string): { path: string[]; missing?: string } {
  const tokens = text.split(/\s+/).slice(1);
  let cmd = program;
  const found: string[] = [];
  for (const token of tokens) {
    const sub = cmd.commands.find((c) => c.name() === token || c.aliases().includes(token));
    if (!sub) {
      // A plain word where a command group expects a subcommand (or at the root) is a missing command.
      if (/^[a-z][a-z-]*$/.test(token) && (cmd === program || cmd.commands.length > 0))
        return { path: found, missing: token };
      break;
    }
    found.push(token);
    cmd = sub;
  }
  return found.length ? { path: found } : { path: found, missing: tokens[0] ?? '' };
}

describe('docs/RUNBOOK.md', () => {
  const markdown = readFileSync(path.join(repoRoot, 'docs', 'RUNBOOK.md'), 'utf8');
  const documented = documentedCommands(markdown);
  const program = createProgram(
    createRuntime({ stdout: process.stdout, stderr: process.stderr, env: {}, cwd: repoRoot }),
  );

  it('documents the commands, every one of them built', () => {
    expect(documented.filter((d) => d.available).length).toBeGreaterThan(40);
    expect(documented.filter((d) => !d.available).map((d) => d.text)).toEqual([]);
  });

  it('every documented command that is not marked "(not yet available)" exists: `pil <command> --help` exits 0 with examples', async () => {
    const paths = new Map<string, Documented>();
    const missing: string[] = [];
    for (const d of documented.filter((x) => x.available)) {
      const r = resolve(program, d.text);
      if (r.missing !== undefined)
        missing.push(`RUNBOOK.md:${d.line}: ${d.text} (no command "${[...r.path, r.missing].join(' ')}")`);
      else paths.set(r.path.join(' '), d);
    }
    expect(missing).toEqual([]);
    for (const [p, d] of paths) {
      const r = await runCli([...p.split(' '), '--help']);
      expect(r.code, `RUNBOOK.md:${d.line}: pil ${p} --help`).toBe(0);
      expect(r.stdout, `pil ${p} --help`).toMatch(/Examples:\n\s+\$ pil /);
    }
  });

  it('a command marked "(not yet available)" does not exist yet (remove the mark once it does)', () => {
    const landed = documented
      .filter((d) => !d.available)
      .filter((d) => resolve(program, d.text).missing === undefined)
      .map((d) => `RUNBOOK.md:${d.line}: ${d.text}`);
    expect(landed).toEqual([]);
  });

  it('rejects a documented command that does not exist', () => {
    expect(resolve(program, 'pil frobnicate --network mainnet').missing).toBe('frobnicate');
    expect(resolve(program, 'pil relayer frobnicate 0x12').missing).toBe('frobnicate');
    expect(resolve(program, 'pil relayer remove 0x12 --network mainnet')).toEqual({ path: ['relayer', 'remove'] });
    expect(resolve(program, 'pil devnet warp 6h')).toEqual({ path: ['devnet', 'warp'] });
  });
});
