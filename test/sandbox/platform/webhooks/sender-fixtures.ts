import { afterEach } from 'vitest';
import type { SandboxChange } from '../../../../src/sandbox/platform/sandbox-change.ts';
import {
  createWebhookSender,
  type WebhookSenderOptions,
} from '../../../../src/sandbox/platform/webhooks/create-webhook-sender.ts';
import { type Receiver, startReceiver } from './receiver.ts';

export const T0 = Date.parse('2026-11-20T10:00:00.000Z');
export const SECRET = 'client-secret-2026-11';
export const APP_ID = 5123456;
export const PORTAL = 24051987;
export const now = () => T0;

export const jobTitle = (objectId: number, over: Partial<SandboxChange> = {}): SandboxChange => ({
  objectType: 'contacts',
  objectId: String(objectId),
  kind: 'propertyChange',
  propertyName: 'jobtitle',
  propertyValue: 'Former VP Ops',
  changeSource: 'CRM_UI',
  sourceId: 'userId:81234567',
  occurredAt: T0 - 1_000,
  ...over,
});

// Every test file using setUp closes its receiver after each test.
let receiver: Receiver | undefined;
afterEach(() => receiver?.close());

/** A receiver and a sender aimed at it that sends on flush() only and retries without waiting. */
export async function setUp(answer?: (n: number) => number, over: Partial<WebhookSenderOptions> = {}) {
  receiver = await startReceiver({ secret: SECRET, now, ...(answer ? { answer } : {}) });
  const sleeps: number[] = [];
  const sender = createWebhookSender({
    targetUrl: receiver.url,
    clientSecret: SECRET,
    appId: APP_ID,
    now,
    autoFlushMs: null,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...over,
  });
  return { sender, receiver, sleeps };
}
