// State files of the CLI (deployments, pending Safe transactions, incidents): written to a
// temporary file and renamed, so a crash leaves the old file or the new one, never half.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeJsonAtomic(
  file: string,
  value: unknown,
  replacer?: (key: string, value: unknown) => unknown,
): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, replacer as never, 2)}\n`);
  renameSync(tmp, file);
}
