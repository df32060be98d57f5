import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createSandbox, type SandboxAuth } from '../../../src/sandbox/create-sandbox.ts';
import { createSandboxState, type SandboxState } from '../../../src/sandbox/state/sandbox-state.ts';
import { checkExchange } from '../../helpers/hubspot-contract.ts';
import { APP_ID, PORTAL, smallSeed, T0 } from '../state/seed.ts';

export const TOKEN = 'sandbox-test-token';

/** The OAuth registry's part the CRM routes need, in memory: fixed tokens for fixed portals. */
export function staticAuth(tokens: Record<string, { portalId: number; appId: number }>): SandboxAuth {
  return { portalFor: (token) => tokens[token] ?? null };
}

export interface RunningSandbox {
  base: string;
  state: SandboxState;
  clock: { now: number };
  /** fetch against the sandbox with the test token (unless headers say otherwise), JSON in and out. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  close(): Promise<void>;
}

export interface Answer {
  status: number;
  /** Parsed JSON, or undefined for an empty body. Tests read it field by field and compare with toEqual. */
  // biome-ignore lint/suspicious/noExplicitAny: an answer's JSON, checked against HubSpot's specs by checkedCall
  body: any;
  headers: Headers;
}

/** The sandbox on an ephemeral port, the small seed loaded, a clock the test moves. */
export async function startSandbox(seed: unknown = smallSeed()): Promise<RunningSandbox> {
  const clock = { now: T0 };
  const state = createSandboxState({ now: () => clock.now });
  state.loadPortal(seed);
  const app = createSandbox({ state, auth: staticAuth({ [TOKEN]: { portalId: PORTAL, appId: APP_ID } }) });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    state,
    clock,
    async call(method, path, body, headers = {}) {
      const response = await fetch(base + path, {
        method,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Calls the sandbox and checks the exchange against HubSpot's specs before handing the answer back. */
export async function checkedCall(sandbox: RunningSandbox, method: string, path: string, body?: unknown) {
  const answer = await sandbox.call(method, path, body);
  checkExchange({ method, url: path, requestBody: body, status: answer.status, responseBody: answer.body });
  return answer;
}
