import type { Request } from 'express';

/**
 * The request's form fields as single strings (the last value wins), from the body express.urlencoded parsed and,
 * where the operation declares them, query parameters (oauth-v1.json's token endpoint takes client_secret and
 * refresh_token in the query too).
 */
export function formOf(req: Request, queryFields: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
  for (const name of queryFields) {
    const value = query.get(name);
    if (value !== null) out[name] = value;
  }
  const body: unknown = req.body;
  if (typeof body === 'object' && body !== null) {
    for (const [name, value] of Object.entries(body)) {
      const last = Array.isArray(value) ? value[value.length - 1] : value;
      if (typeof last === 'string') out[name] = last;
    }
  }
  return out;
}
