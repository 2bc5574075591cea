// Checks every upgradeable PIL contract's storage layout against its committed
// baseline (contracts/storage-layouts/<Contract>.json) and fails on a change an
// upgrade behind the same proxy cannot take (runbook UP-001 step 3).
//
//   npx tsx contracts/scripts/check-storage.ts                  compile src/ with solc-js and check
//   npx tsx contracts/scripts/check-storage.ts --build-info DIR  check forge's build-info instead
//                                                               (forge build --build-info)
//   npx tsx contracts/scripts/check-storage.ts --write          snapshot the baselines (after an
//                                                               upgrade is released, not before)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  baselineDir,
  type Compilation,
  compareLayouts,
  compileForLayout,
  layoutOf,
  projectSources,
  readBaseline,
  readForgeBuildInfos,
  renderLayout,
  upgradeableContracts,
  validateCompilation,
} from './storage-layout.js';

export type CheckResult = { contract: string; status: 'ok' | 'incompatible' | 'no-baseline'; explanation?: string };

/** Checks (or, with `write`, snapshots) every upgradeable contract of the compilations. */
export function checkStorage(
  compilations: Compilation[],
  options: { write?: boolean; dir?: string } = {},
): CheckResult[] {
  const dir = options.dir ?? baselineDir;
  const results: CheckResult[] = [];
  for (const c of compilations) {
    const data = validateCompilation(c);
    for (const fq of upgradeableContracts(data, c)) {
      const name = fq.split(':')[1] ?? fq;
      const layout = layoutOf(data, fq);
      if (options.write) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, `${name}.json`), renderLayout(layout));
        results.push({ contract: name, status: 'ok' });
        continue;
      }
      const baseline = readBaseline(name, dir);
      if (!baseline) {
        results.push({ contract: name, status: 'no-baseline' });
        continue;
      }
      const cmp = compareLayouts(baseline, layout);
      results.push(
        cmp.ok
          ? { contract: name, status: 'ok' }
          : { contract: name, status: 'incompatible', explanation: cmp.explanation },
      );
    }
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--build-info');
  const compilations =
    i >= 0 && args[i + 1] !== undefined
      ? readForgeBuildInfos(path.resolve(args[i + 1] as string))
      : [compileForLayout(projectSources())];
  const results = checkStorage(compilations, { write: args.includes('--write') });
  let failed = false;
  for (const r of results) {
    if (r.status === 'ok') process.stdout.write(`ok          ${r.contract}\n`);
    else if (r.status === 'no-baseline') {
      failed = true;
      process.stdout.write(
        `no baseline ${r.contract} (contracts/storage-layouts/${r.contract}.json; --write creates it)\n`,
      );
    } else {
      failed = true;
      process.stdout.write(`INCOMPATIBLE ${r.contract}\n${r.explanation}\n`);
    }
  }
  if (results.length === 0) {
    process.stderr.write('no upgradeable contract found\n');
    failed = true;
  }
  process.exit(failed ? 1 : 0);
}
