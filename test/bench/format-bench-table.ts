export interface BenchRow {
  benchmark: string;
  store: string;
  figure: string;
  target: string;
  /** null: not run (the figure says why). */
  met: boolean | null;
}

/** The rows as a fixed-width Markdown table: reads as text in a terminal and renders in the docs. */
export function formatBenchTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [
    r.benchmark,
    r.store,
    r.figure,
    r.target,
    r.met === null ? '—' : r.met ? 'yes' : 'NO',
  ]);
  const header = ['benchmark', 'store', 'figure', 'target', 'met?'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: readonly string[]) => `| ${c.map((text, i) => text.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
