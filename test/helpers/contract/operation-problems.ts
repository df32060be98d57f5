import { pathParameterValues } from './match-route.ts';
import { type JsonSchema, toJsonSchema } from './openapi-to-json-schema.ts';
import { jsonSchemaProblems, type Mode, schemaProblems, specId } from './schema-validators.ts';
import { type Operation, resolveRef } from './spec-index.ts';

export interface Exchange {
  method: string;
  /** A path with an optional query ('/crm/objects/2026-09/companies/batch/read?archived=false'), or a full URL. */
  url: string;
  /** Parsed JSON, or the raw text (JSON or form-encoded); absent when the request has no body. */
  requestBody?: unknown;
  /** The request's Content-Type, when known: it must be one the operation accepts. */
  requestContentType?: string;
  status: number;
  /** Parsed JSON or raw text; absent (or '') for an empty response. */
  responseBody?: unknown;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: object;
}

interface MediaTypes {
  content?: Record<string, { schema?: object }>;
  required?: boolean;
}

/** Everything in the exchange that the operation's spec does not allow, each prefixed with the part it is about. */
export function operationProblems(op: Operation, exchange: Exchange): string[] {
  const url = new URL(exchange.url, 'https://api.hubapi.com');
  return [...parameterProblems(op, url), ...requestProblems(op, exchange), ...responseProblems(op, exchange)];
}

function parameterProblems(op: Operation, url: URL): string[] {
  const declared = new Map<string, Parameter>();
  for (const raw of [...op.pathParameters, ...((op.raw.parameters as unknown[] | undefined) ?? [])]) {
    const parameter = resolveRef<Parameter>(op.file, raw);
    declared.set(`${parameter.in} ${parameter.name}`, parameter);
  }
  const of = (where: string) => [...declared.values()].filter((p) => p.in === where);

  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const seen = query[name];
    query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  const known = new Set(of('query').map((p) => p.name));
  const undeclared = Object.keys(query)
    .filter((name) => !known.has(name))
    .map(
      (name) => `query param ${name}: not a parameter of this operation (it takes: ${[...known].join(', ') || 'none'})`,
    );

  return [
    ...undeclared,
    ...parametersProblems(op, 'path param', of('path'), pathParameterValues(op, url.pathname)),
    ...parametersProblems(op, 'query param', of('query'), query),
  ];
}

/** Validates the parameters of one location as an object, so "required" and each type are checked in one go. */
function parametersProblems(op: Operation, part: string, params: Parameter[], values: object): string[] {
  if (params.length === 0) return [];
  const build = (): JsonSchema => ({
    type: 'object',
    properties: Object.fromEntries(
      params.map((p) => [p.name, p.schema ? toJsonSchema(p.schema, specId(op.file)) : {}]),
    ),
    required: params.filter((p) => p.required).map((p) => p.name),
  });
  return jsonSchemaProblems(cacheKey(op, part), build, { ...values }, 'coerce').map((problem) => {
    const missing = /^\(root\): must have required property '(.+)'$/.exec(problem);
    if (missing) return `${part} ${missing[1]}: required, not sent`;
    const at = /^\/([^/]+)(.*?): (.*)$/.exec(problem);
    return at ? `${part} ${at[1]}${at[2]}: ${at[3]}` : `${part}: ${problem}`;
  });
}

const cacheKeys = new WeakMap<Operation, Map<string, object>>();

/** A stable object per operation and parameter location, under which the compiled validator is kept. */
function cacheKey(op: Operation, part: string): object {
  let keys = cacheKeys.get(op);
  if (!keys) {
    keys = new Map();
    cacheKeys.set(op, keys);
  }
  let key = keys.get(part);
  if (!key) {
    key = {};
    keys.set(part, key);
  }
  return key;
}

function requestProblems(op: Operation, exchange: Exchange): string[] {
  const body = op.raw.requestBody ? resolveRef<MediaTypes>(op.file, op.raw.requestBody) : undefined;
  const sent = !isEmpty(exchange.requestBody);
  if (!body) return sent ? ['request body: the operation takes none, one was sent'] : [];
  const accepted = Object.keys(body.content ?? {});
  if (!sent) return body.required ? [`request body: required (${accepted.join(' or ')}), none sent`] : [];

  const mediaType = exchange.requestContentType
    ? accepted.find((type) => mediaTypeMatches(type, exchange.requestContentType as string))
    : (pickMediaType(accepted) ?? undefined);
  if (mediaType === undefined) {
    return [`request body: sent as ${exchange.requestContentType}, the operation accepts ${accepted.join(' or ')}`];
  }
  const form = mediaType === 'application/x-www-form-urlencoded';
  const parsed = form ? parseForm(exchange.requestBody) : parseJson(exchange.requestBody);
  if ('error' in parsed) return [`request body: ${parsed.error}`];
  const schema = body.content?.[mediaType]?.schema;
  if (!schema) return [];
  const mode: Mode = form ? 'coerce' : 'exact';
  return schemaProblems(op.file, schema, parsed.value, mode).map((p) => `request body: ${p}`);
}

function responseProblems(op: Operation, exchange: Exchange): string[] {
  const part = `response ${exchange.status}`;
  const responses = (op.raw.responses ?? {}) as Record<string, unknown>;
  const declared = responses[String(exchange.status)] ?? responses[`${String(exchange.status)[0]}XX`];
  // HubSpot's `default` is always #/components/responses/Error: it stands for the error statuses (4xx, 5xx, 429
  // included), not for a success code the spec does not list, so a 2xx must be declared by itself. A few operations
  // (POST /oauth/2026-09/token, the journal's earliest/latest/next) declare nothing but `default`: their success is
  // undocumented, so a 2xx is accepted there and its body cannot be checked.
  const isSuccess = exchange.status >= 200 && exchange.status < 300;
  const documentsSuccess = Object.keys(responses).some((code) => code.startsWith('2'));
  if (!declared && isSuccess && !documentsSuccess) return [];
  const raw = declared ?? (isSuccess ? undefined : responses.default);
  if (raw === undefined) {
    const listed = Object.keys(responses).map((code) => (code === 'default' ? 'default (errors only)' : code));
    return [`${part}: not a status this operation answers (declared: ${listed.join(', ')})`];
  }
  const response = resolveRef<MediaTypes>(op.file, raw);
  const types = Object.keys(response.content ?? {});
  const sent = !isEmpty(exchange.responseBody);
  if (types.length === 0) return sent ? [`${part}: the operation answers this status with no body, one was sent`] : [];
  if (!sent) return [`${part}: body missing, the operation answers ${types.join(' or ')}`];

  const parsed = parseJson(exchange.responseBody);
  if ('error' in parsed) return [`${part}: ${parsed.error}`];
  const schema = response.content?.[pickMediaType(types) ?? '']?.schema;
  if (!schema) return [];
  return schemaProblems(op.file, schema, parsed.value, 'exact').map((p) => `${part}: ${p}`);
}

function pickMediaType(types: readonly string[]): string | undefined {
  return ['application/json', 'application/x-www-form-urlencoded', '*/*'].find((t) => types.includes(t)) ?? types[0];
}

function mediaTypeMatches(declared: string, actual: string): boolean {
  const sent = (actual.split(';')[0] ?? '').trim().toLowerCase();
  if (declared === '*/*' || declared === sent) return true;
  return declared.endsWith('/*') && sent.startsWith(declared.slice(0, -1));
}

function isEmpty(body: unknown): boolean {
  return body === undefined || body === '' || (body instanceof Uint8Array && body.length === 0);
}

function parseJson(body: unknown): { value: unknown } | { error: string } {
  if (typeof body !== 'string') return { value: body };
  try {
    return { value: JSON.parse(body) };
  } catch (error) {
    return { error: `not JSON (${(error as Error).message}): ${body.slice(0, 80)}` };
  }
}

function parseForm(body: unknown): { value: unknown } | { error: string } {
  if (typeof body !== 'string') return { value: body };
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const seen = out[name];
    out[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return { value: out };
}
