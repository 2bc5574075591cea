// `pil checks monthly`: forge lint finds a high and a medium lint in a contract that has
// them and none in ours; npm audit against a registry nobody serves is "not checked" (a
// warning, never a pass); the access review of a fresh devnet has no finding.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../context.js';
import { dependencyAudit, staticAnalysis } from '../ops/monthly.js';
import { useDevnet } from '../test-utils/governance.js';

const BAD = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

contract Bad {
    function narrow(uint256 x) external pure returns (uint8) {
        return uint8(x);
    }

    function shift(uint256 a) external pure returns (uint256) {
        return 8 << a;
    }
}
`;

const offline = { npm_config_registry: 'http://127.0.0.1:9/', npm_config_offline: 'false' };

describe('pil checks monthly', () => {
  const net = useDevnet();
  const dir = mkdtempSync(path.join(tmpdir(), 'pil-lint-'));
  const bad = path.join(dir, 'Bad.sol');
  writeFileSync(bad, BAD);

  it('forge lint reports what it finds, by severity', async () => {
    const findings = await staticAnalysis(repoRoot, [bad]);
    expect(findings).toContainEqual(expect.objectContaining({ lint: 'unsafe-typecast', severity: 'med', line: 6 }));
    expect(findings).toContainEqual(expect.objectContaining({ lint: 'incorrect-shift', severity: 'high', line: 10 }));
    expect(findings.every((f) => f.file.endsWith('Bad.sol'))).toBe(true);
    expect(await staticAnalysis(repoRoot, ['src'])).toEqual([]);
  }, 120_000);

  it('npm audit without a registry is not checked, with the reason', async () => {
    const r = await dependencyAudit(repoRoot, offline);
    expect(r.checked).toBe(false);
  }, 60_000);

  it('passes on our contracts and a fresh devnet, with the audit marked as not checked', async () => {
    const r = await net().cli(['checks', 'monthly', '--json'], offline);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      ok: boolean;
      findings: { severity: string; check: string; message: string }[];
    };
    expect(report.ok).toBe(true);
    expect(report.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        check: 'dependencies',
        message: expect.stringMatching(/^not checked: /),
      }),
    ]);
  }, 120_000);

  it('fails (exit 8) on a high lint', async () => {
    const r = await net().cli(['checks', 'monthly', '--sources', bad], offline);
    expect(r.code).toBe(8);
    expect(r.stdout).toMatch(/CRITICAL \[static analysis\] incorrect-shift \(high\)/);
    expect(r.stdout).toMatch(/WARNING \[static analysis\] unsafe-typecast \(med\)/);
    expect(r.stderr).toMatch(/1 critical finding/);
  }, 120_000);
});
