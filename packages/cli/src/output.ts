// Command output on stdout: a table or text for people, one JSON document for
// machines (--json). Handlers return data and let this module print it.
import { redact } from './errors.js';

export type Output = {
  json: boolean;
  /** Prints a result: `data` as JSON under --json, otherwise `human()` as text. */
  result(data: unknown, human: () => string): void;
  /** A line for people only (suppressed under --json). */
  info(line: string): void;
};

export function createOutput(json: boolean, stream: NodeJS.WritableStream = process.stdout): Output {
  return {
    json,
    result(data, human) {
      stream.write(redact(json ? `${JSON.stringify(data, bigintReplacer)}\n` : `${human()}\n`));
    },
    info(line) {
      if (!json) stream.write(`${redact(line)}\n`);
    },
  };
}

export function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** A plain text table: header, separator, rows; columns padded to their widest cell. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
