#!/usr/bin/env node
// `npm test`: every check and test of the monorepo, Solidity and TypeScript
// together, ending with one line `N passed, N failed` that counts them all.
// Static checks (format/lint, typecheck, solhint, forge build) count as one
// test each. FOUNDRY_PROFILE defaults to `ci` (fewer fuzz runs) under CI=true.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, FOUNDRY_PROFILE: process.env.FOUNDRY_PROFILE ?? (process.env.CI ? 'ci' : 'default') };
let passed = 0;
let failed = 0;
const failures = [];

function run(cmd, args, cwd = root) {
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  return { ok: res.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function check(name, cmd, args, cwd) {
  process.stdout.write(`\n== ${name}\n`);
  const { ok, seconds } = run(cmd, args, cwd);
  process.stdout.write(`== ${name}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)\n`);
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
  return ok;
}

check('format and lint (biome)', bin('biome'), ['check', '.']);
check('typecheck (tsc)', bin('tsc'), ['-p', 'tsconfig.json']);
check('solidity lint (solhint)', bin('solhint'), ['--max-warnings', '0', 'src/**/*.sol'], path.join(root, 'contracts'));
const built = check('solidity build (forge)', bin('forge'), ['build'], path.join(root, 'contracts'));

// Gas of the real-proof integration paths must match contracts/.gas-snapshot
// (regenerate with `forge snapshot --match-path "test/integration/*"` after a deliberate change).
if (built) {
  check(
    'gas snapshot (forge snapshot --check)',
    bin('forge'),
    ['snapshot', '--match-path', 'test/integration/*', '--check'],
    path.join(root, 'contracts'),
  );
}

// forge: count every test function from its JSON report.
if (built) {
  process.stdout.write('\n== solidity tests (forge)\n');
  const started = Date.now();
  const res = spawnSync(bin('forge'), ['test', '--json'], {
    cwd: path.join(root, 'contracts'),
    env,
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
  let forgePassed = 0;
  let forgeFailed = 0;
  try {
    const report = JSON.parse(res.stdout.slice(res.stdout.indexOf('{')));
    for (const [suite, { test_results }] of Object.entries(report)) {
      for (const [name, result] of Object.entries(test_results)) {
        if (result.status === 'Success') forgePassed++;
        else if (result.status === 'Skipped') continue;
        else {
          forgeFailed++;
          failures.push(`${suite}::${name}: ${result.reason ?? result.status}`);
        }
      }
    }
  } catch {
    forgeFailed++;
    failures.push('forge test: no JSON report');
    process.stdout.write(res.stdout ?? '');
    process.stderr.write(res.stderr ?? '');
  }
  if (res.status !== 0 && forgeFailed === 0) {
    forgeFailed++;
    failures.push(`forge test exited ${res.status}`);
    process.stderr.write(res.stderr ?? '');
  }
  passed += forgePassed;
  failed += forgeFailed;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`== solidity tests: ${forgePassed} passed, ${forgeFailed} failed (${seconds} s)\n`);
}

// vitest: its own reporter for people, a JSON report for the count.
process.stdout.write('\n== typescript tests (vitest)\n');
const dir = mkdtempSync(path.join(tmpdir(), 'pil-test-'));
const reportFile = path.join(dir, 'vitest.json');
run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`]);
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (report.numFailedTests > 0) failures.push(`vitest: ${report.numFailedTests} failed`);
  if (!report.success && report.numFailedTests === 0) {
    failed++;
    failures.push('vitest: run failed outside a test (see above)');
  }
} catch {
  failed++;
  failures.push('vitest: no JSON report');
}
rmSync(dir, { recursive: true, force: true });

if (failures.length) process.stdout.write(`\nFailures:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
