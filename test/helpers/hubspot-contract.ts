import { matchRoute } from './contract/match-route.ts';
import { type Exchange, operationProblems } from './contract/operation-problems.ts';
import type { Operation } from './contract/spec-index.ts';

/**
 * Contract checks for mocked HubSpot exchanges, against HubSpot's own OpenAPI specs (../shared/hubspot-openapi):
 * the operation exists for the method and path, its parameters, request body and the mocked response all validate.
 * Every nock interceptor for HubSpot in the adapter tests replies through contractReply.
 */

export type { Exchange } from './contract/operation-problems.ts';

export interface HubSpotOperation {
  operationId: string;
  /** The spec file, e.g. crm-companies-2026-09.json. */
  file: string;
  pathTemplate: string;
}

/** The operation serving `method url` (the most specific spec file when several have it), or null. */
export function hubspotOperation(method: string, url: string): HubSpotOperation | null {
  const match = matchRoute(method, pathOf(url));
  const op = match.kind === 'found' ? match.operations[0] : undefined;
  return op ? { operationId: op.operationId, file: op.file, pathTemplate: op.pathTemplate } : null;
}

/** Throws an Error naming the operation, the part and each schema problem unless one matching operation accepts it. */
export function checkExchange(exchange: Exchange): void {
  const method = exchange.method.toUpperCase();
  const path = pathOf(exchange.url);
  const match = matchRoute(method, path);
  if (match.kind === 'none') {
    throw new Error(
      `no HubSpot operation matches ${method} ${path}; nearest:\n${match.nearest.map((p) => `  ${p}`).join('\n')}`,
    );
  }
  if (match.kind === 'method') {
    const template = match.route.operations[0]?.pathTemplate;
    throw new Error(`no HubSpot operation matches ${method} ${path}: ${template} takes ${match.methods.join(', ')}`);
  }

  const failures: { op: Operation; problems: string[] }[] = [];
  for (const op of match.operations) {
    const problems = operationProblems(op, exchange);
    if (problems.length === 0) return;
    failures.push({ op, problems });
  }
  throw new Error(`${method} ${urlOf(exchange.url)} breaks HubSpot's contract:\n${describeFailures(failures)}`);
}

export interface MockedRequest {
  method: string;
  url: string;
  /** Parsed JSON when the request sent JSON, the raw text otherwise ('' when it sent nothing). */
  body: unknown;
}

/** The mocked response body (JSON value or text), or a function of the request that returns it. */
export type ReplyBody = ((request: MockedRequest) => unknown) | object | string | number | boolean | null;
type ReplyResult = [number] | [number, unknown] | [number, unknown, Record<string, string>];

const violations: string[] = [];

/**
 * A nock reply function that checks the exchange before answering `status` with `body` (a value, or a function of
 * the request for replies that echo it). A violation rejects the request, so the client sees a network error, and is
 * also recorded for takeContractViolations: code that retries network errors would otherwise hide it.
 *
 * nock 15.0.2 calls reply functions with a fetch Request (its README still shows `(uri, requestBody)` with `this.req`;
 * both are handled), and calls a function declaring two parameters node-callback style: hence the rest parameter.
 */
export function contractReply(status: number, body?: ReplyBody, headers?: Record<string, string>) {
  return async function reply(this: unknown, ...args: unknown[]): Promise<ReplyResult> {
    const request = await mockedRequest(this, args);
    const responseBody = typeof body === 'function' ? body(request.mocked) : body;
    try {
      checkExchange({
        method: request.mocked.method,
        url: request.mocked.url,
        requestBody: request.raw,
        requestContentType: request.contentType,
        status,
        responseBody,
      });
    } catch (error) {
      violations.push((error as Error).message);
      throw error;
    }
    if (headers) return [status, responseBody ?? '', headers];
    return responseBody === undefined ? [status] : [status, responseBody];
  };
}

/** The violations contractReply saw since the last call, oldest first; the list is emptied. */
export function takeContractViolations(): string[] {
  return violations.splice(0, violations.length);
}

interface ReadRequest {
  mocked: MockedRequest;
  /** The body as sent, for the checks; undefined when empty. */
  raw: unknown;
  contentType: string | undefined;
}

async function mockedRequest(context: unknown, args: unknown[]): Promise<ReadRequest> {
  const [first, second] = args;
  if (first instanceof Request) {
    const text = await first.clone().text();
    const contentType = first.headers.get('content-type') ?? undefined;
    return {
      mocked: { method: first.method, url: first.url, body: parseIfJson(text) },
      raw: text || undefined,
      contentType,
    };
  }
  const req = (context as { req?: { method?: string; headers?: Record<string, string> } } | undefined)?.req;
  const method = req?.method ?? (context as { method?: string } | undefined)?.method ?? 'GET';
  const contentType = req?.headers?.['content-type'];
  const body = typeof second === 'string' ? parseIfJson(second) : (second ?? '');
  return { mocked: { method, url: String(first), body }, raw: second === '' ? undefined : second, contentType };
}

function parseIfJson(text: string): unknown {
  try {
    return text === '' ? '' : JSON.parse(text);
  } catch {
    return text;
  }
}

function describeFailures(failures: readonly { op: Operation; problems: string[] }[]): string {
  // The generic operations repeat in several files with the same problems: say them once, naming every file.
  const groups = new Map<string, Operation[]>();
  for (const { op, problems } of failures) {
    const key = problems.map((p) => `    - ${p}`).join('\n');
    groups.set(key, [...(groups.get(key) ?? []), op]);
  }
  return [...groups].map(([problems, ops]) => `  operation ${operationNames(ops)}:\n${problems}`).join('\n');
}

function operationNames(ops: readonly Operation[]): string {
  const files = new Map<string, string[]>();
  for (const op of ops) files.set(op.operationId, [...(files.get(op.operationId) ?? []), op.file]);
  return [...files].map(([id, names]) => `${id} (${names.join(', ')})`).join('; ');
}

function pathOf(url: string): string {
  return new URL(url, 'https://api.hubapi.com').pathname;
}

function urlOf(url: string): string {
  const parsed = new URL(url, 'https://api.hubapi.com');
  return parsed.pathname + parsed.search;
}
