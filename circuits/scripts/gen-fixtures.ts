/**
 * (Re)generate the committed proof fixtures circuits/fixtures/<circuit>/<name>.json
 * for the scenarios of circuits/src/scenarios.ts. Fixtures that are current are kept.
 *
 * Usage: npx tsx circuits/scripts/gen-fixtures.ts
 */
import type { CircuitName } from '../src/artifacts.js';
import { releaseCurves } from '../src/ceremony.js';
import { proveCached } from '../src/fixtures.js';
import type { CircuitInput } from '../src/prover.js';
import { FIXTURE_SCENARIOS } from '../src/scenarios.js';

async function main(): Promise<void> {
  for (const [circuit, scenarios] of Object.entries(FIXTURE_SCENARIOS) as [
    CircuitName,
    Record<string, () => Promise<{ input: CircuitInput; context: Record<string, string> }>>,
  ][]) {
    for (const [name, make] of Object.entries(scenarios)) {
      const { input, context } = await make();
      const f = await proveCached(circuit, input, { name, context });
      console.warn(`${circuit}/${name}: ${f.cacheKey.slice(0, 16)}`);
    }
  }
  await releaseCurves();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
