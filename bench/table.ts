/** One measured number of `npm run bench`. */
export interface Row {
  section: string;
  metric: string;
  value: string;
  target?: string;
}

/** Renders rows as a fixed-width table, one block per section. */
export function renderTable(rows: readonly Row[]): string {
  const headers = ['section', 'metric', 'value', 'target'] as const;
  const cells = rows.map((r) => [r.section, r.metric, r.value, r.target ?? '']);
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)));
  const line = (c: readonly string[]) => c.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ');
  const rule = widths.map((w) => '-'.repeat(w)).join('-|-');
  return [line(headers), rule, ...cells.map(line)].join('\n');
}
