import { type Operation, type Route, type Segment, specIndex } from './spec-index.ts';

export type RouteMatch =
  /** Operations for this method and path, the most relevant spec file first (any of them may accept the exchange). */
  | { kind: 'found'; route: Route; operations: Operation[] }
  /** The path exists, not for this method. */
  | { kind: 'method'; route: Route; methods: string[] }
  | { kind: 'none'; nearest: string[] };

/**
 * Finds the route serving `path` as a router does: among the templates that match, a literal segment beats a
 * parameter at the first place they differ (`/lists/2026-09/folders` over `/lists/2026-09/{listId}`); the method is
 * checked after the route is chosen, so a wrong method on a literal route is refused rather than sent elsewhere.
 */
export function matchRoute(method: string, path: string): RouteMatch {
  const parts = path.split('/');
  const values = parts.map(decodeSegment);
  const matching = specIndex().routes.filter((route) => matchesRoute(route.segments, values));
  if (matching.length === 0) return { kind: 'none', nearest: nearestPaths(values) };

  const route = matching.sort((a, b) => compareSpecificity(a.segments, b.segments))[0] as Route;
  const verb = method.toUpperCase();
  const operations = route.operations.filter((op) => op.method === verb);
  if (operations.length === 0) {
    return { kind: 'method', route, methods: [...new Set(route.operations.map((op) => op.method))].sort() };
  }
  return { kind: 'found', route, operations: byRelevance(operations, route.segments, values) };
}

/** Path parameter values by name, as the operation's own template names them. */
export function pathParameterValues(operation: Operation, path: string): Record<string, string> {
  const values = path.split('/').map(decodeSegment);
  const out: Record<string, string> = {};
  operation.segments.forEach((segment, i) => {
    if ('literal' in segment) return;
    const found = segment.pattern.exec(values[i] ?? '');
    segment.names.forEach((name, j) => {
      out[name] = found?.[j + 1] ?? '';
    });
  });
  return out;
}

function matchesRoute(segments: readonly Segment[], values: readonly string[]): boolean {
  if (segments.length !== values.length) return false;
  return segments.every((segment, i) => matchesSegment(segment, values[i] ?? ''));
}

function matchesSegment(segment: Segment, value: string): boolean {
  return 'literal' in segment ? segment.literal === value : segment.pattern.test(value);
}

function compareSpecificity(a: readonly Segment[], b: readonly Segment[]): number {
  for (let i = 0; i < a.length; i++) {
    const aLiteral = 'literal' in (a[i] as Segment);
    const bLiteral = 'literal' in (b[i] as Segment);
    if (aLiteral !== bLiteral) return aLiteral ? -1 : 1;
  }
  return 0;
}

/**
 * The same generic operation is in several files (crm-objects, crm-companies, crm-tasks ...). Put first the file
 * named after a value the path carries in a parameter (`companies` → crm-companies-2026-09.json), then the one named
 * after a literal segment (`objects` → crm-objects-2026-09.json): that file's operation names the error best.
 */
function byRelevance(operations: Operation[], segments: readonly Segment[], values: readonly string[]): Operation[] {
  const score = (file: string): number =>
    values.reduce((sum, value, i) => {
      const word = value.toLowerCase().replace(/_/g, '-');
      if (word.length < 3 || !`-${file}`.includes(`-${word}-`)) return sum;
      return sum + ('literal' in (segments[i] as Segment) ? 1 : 2);
    }, 0);
  return [...operations].sort((a, b) => score(b.file) - score(a.file) || a.file.localeCompare(b.file));
}

/** Up to three templates closest to the path: weighted longest common subsequence of segments. */
function nearestPaths(values: readonly string[]): string[] {
  const scored = specIndex().routes.map((route) => {
    const template = route.operations[0]?.pathTemplate ?? route.shape;
    const methods = [...new Set(route.operations.map((op) => op.method))].sort().join(',');
    return { text: `${methods} ${template}`, score: similarity(route.segments, values) };
  });
  return scored
    .sort((a, b) => b.score - a.score || a.text.localeCompare(b.text))
    .slice(0, 3)
    .map((s) => s.text);
}

function similarity(segments: readonly Segment[], values: readonly string[]): number {
  const rows = segments.length;
  const cols = values.length;
  const table = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  for (let i = 1; i <= rows; i++) {
    for (let j = 1; j <= cols; j++) {
      const segment = segments[i - 1] as Segment;
      const value = values[j - 1] as string;
      const here = 'literal' in segment ? (segment.literal === value ? 2 : 0) : segment.pattern.test(value) ? 1 : 0;
      const row = table[i] as number[];
      const above = table[i - 1] as number[];
      row[j] = Math.max(above[j] as number, row[j - 1] as number, here > 0 ? (above[j - 1] as number) + here : 0);
    }
  }
  return ((table[rows] as number[])[cols] as number) - Math.abs(rows - cols) * 0.5;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
