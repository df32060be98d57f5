const NUL = '\u0000';

/**
 * JSON text PostgreSQL's JSONB accepts: JSONB refuses the NUL character (`\u0000`, "unsupported Unicode escape
 * sequence", https://www.postgresql.org/docs/current/datatype-json.html), which valid JSON from a webhook or a CRM
 * record may hold. Each NUL in a key or a string becomes U+FFFD, the replacement character, so the document is
 * stored rather than the whole write failing (a webhook batch answered 500 and retried forever). Events only name
 * what changed, and CRM values are re-read, so nothing the app decides on is lost. `undefined` gives SQL NULL.
 */
export function jsonbText(value: unknown): string | null {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text.includes('\\u0000') ? JSON.stringify(withoutNul(value)) : text;
}

/** The same for a TEXT column, which refuses NUL too ("invalid byte sequence for encoding UTF8: 0x00"). */
export function textWithoutNul(value: string): string {
  return value.replaceAll(NUL, '\uFFFD');
}

function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return textWithoutNul(value);
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [textWithoutNul(key), withoutNul(item)]));
  }
  return value;
}
