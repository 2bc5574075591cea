// Storage-layout checks: the current contracts match their committed baselines, and planted
// V2s of PolicyBoundProofs (compiled in memory in place of the real source) are judged as an
// upgrade behind the same proxy would need: an inserted or retyped field is refused with an
// explanation, an appended one passes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStorage } from './check-storage.js';
import {
  compareLayouts,
  compileForLayout,
  contractsDir,
  layoutOf,
  projectSources,
  readBaseline,
  validateCompilation,
} from './storage-layout.js';

const PBP = 'src/core/PolicyBoundProofs.sol';
const original = readFileSync(path.join(contractsDir, PBP), 'utf8');
const field = '        mapping(uint256 policyHash => Policy) policies;\n';

function pbpLayout(edit: (source: string) => string) {
  const source = edit(original);
  expect(source).not.toBe(original);
  return layoutOf(validateCompilation(compileForLayout({ [PBP]: source })), `${PBP}:PolicyBoundProofs`);
}

function pbpV2(edit: (source: string) => string) {
  const baseline = readBaseline('PolicyBoundProofs');
  if (!baseline) throw new Error('no committed baseline for PolicyBoundProofs');
  return compareLayouts(baseline, pbpLayout(edit));
}

describe('storage layouts', () => {
  it('of every upgradeable PIL contract match the committed baselines', () => {
    const results = checkStorage([compileForLayout(projectSources())]);
    expect(results.map((r) => r.contract).sort()).toEqual([
      'CrossChainProofHub',
      'CrossDomainNullifierAlgebra',
      'ExecutionAgnosticStateCommitments',
      'PILv2Orchestrator',
      'PolicyBoundProofs',
      'ProofCarryingContainer',
      'RelayerRegistry',
      'VerifierRegistry',
    ]);
    for (const r of results) expect(r, r.explanation).toMatchObject({ status: 'ok' });
  }, 60_000);

  it('refuse a V2 that inserts a field before the existing ones', () => {
    const r = pbpV2((s) => s.replace(field, `        uint256 inserted;\n${field}`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.explanation).toMatch(/inserted/i);
  }, 30_000);

  it('refuse a version that changes the type of a field (V2 appends uint256 extra, V3 makes it address)', () => {
    const v2 = pbpLayout((s) => s.replace(field, `${field}        uint256 extra;\n`));
    const v3 = pbpLayout((s) => s.replace(field, `${field}        address extra;\n`));
    const r = compareLayouts(v2, v3);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.explanation).toMatch(/extra/);
  }, 30_000);

  it('accept a V2 that appends a field', () => {
    const r = pbpV2((s) => s.replace(field, `${field}        uint256 appended;\n`));
    expect(r).toEqual({ ok: true });
  }, 30_000);
});
