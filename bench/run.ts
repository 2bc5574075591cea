// `npm run bench`: every benchmark the project ships, printed as one table.
// Each section lives in its own module and returns rows; `--only <section>`
// runs one of them.
import { benchCircuits } from './circuits.js';
import { benchGas } from './gas.js';
import { benchRelayer } from './relayer.js';
import { benchSdk } from './sdk.js';
import { type Row, renderTable } from './table.js';

const sections: Record<string, () => Promise<Row[]>> = {
  circuits: benchCircuits,
  gas: benchGas,
  relayer: benchRelayer,
  sdk: benchSdk,
};

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const rows: Row[] = [];
for (const [name, bench] of Object.entries(sections)) {
  if (only && only !== name) continue;
  process.stderr.write(`bench: ${name}...\n`);
  rows.push(...(await bench()));
}
process.stdout.write(`${renderTable(rows)}\n`);
