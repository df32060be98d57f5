import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler, type Router } from 'express';
import { checkExchange } from '../../helpers/hubspot-contract.ts';

export interface Served {
  base: string;
  close(): Promise<void>;
}

/** An express app of these handlers on an ephemeral port of 127.0.0.1. */
export async function serve(...handlers: (RequestHandler | Router)[]): Promise<Served> {
  const app = express();
  for (const handler of handlers) app.use(handler);
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON, the text otherwise ('' when empty). */
  body: unknown;
}

/** The string at `key` of a JSON object answer; throws when it is not one. */
export function field(body: unknown, key: string): string {
  const value = (body as Record<string, unknown> | null)?.[key];
  if (typeof value !== 'string') throw new Error(`expected a string at ${key}, got ${JSON.stringify(body)}`);
  return value;
}

/**
 * fetch, then check the exchange (request and response) against HubSpot's specs unless `contract` is false (for
 * pages and paths the specs do not describe).
 */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { form?: Record<string, string>; json?: unknown; token?: string; contract?: boolean } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  } else if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(base + path, { method, headers, body, redirect: 'manual' });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? '' : JSON.parse(text);
  } catch {}
  if (options.contract !== false) {
    checkExchange({
      method,
      url: path,
      ...(body === undefined ? {} : { requestBody: body, requestContentType: headers['content-type'] }),
      status: res.status,
      responseBody: text === '' ? undefined : parsed,
    });
  }
  return { status: res.status, headers: res.headers, body: parsed };
}
