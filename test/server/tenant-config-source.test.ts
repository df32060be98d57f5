import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/tenant-config.ts';
import { createLogger } from '../../src/log/create-logger.ts';
import { tenantConfigSource } from '../../src/server/tenant-config-source.ts';
import { SIGNALS } from '../../src/signals/index.ts';

function setup(initial: unknown) {
  let stored = initial;
  let reads = 0;
  let failing = false;
  let at = 0;
  const logs: Record<string, unknown>[] = [];
  const source = tenantConfigSource({
    store: {
      async getTenantSettings() {
        reads++;
        if (failing) throw new Error('database down');
        return stored;
      },
    },
    logger: createLogger({ level: 'debug', destination: { write: (line: string) => logs.push(JSON.parse(line)) } }),
    signals: SIGNALS,
    now: () => at,
    ttlMs: 1_000,
  });
  return {
    source,
    logs,
    reads: () => reads,
    save: (next: unknown) => {
      stored = next;
    },
    fail: (on: boolean) => {
      failing = on;
    },
    advance: (ms: number) => {
      at += ms;
    },
  };
}

describe('tenantConfigSource', () => {
  it('gives the product defaults to a portal that never saved settings', async () => {
    const { source } = setup(null);
    expect(await source.configFor(101)).toEqual(resolveConfig({}, SIGNALS));
  });

  it("resolves the portal's saved settings, and caches them until the TTL or forget()", async () => {
    const t = setup({ competitors: ['Globex'], levels: { medium: 10, high: 20, critical: 30 } });
    const first = await t.source.configFor(101);
    expect(first.competitors).toEqual(['Globex']);
    expect(first.levels).toEqual({ medium: 10, high: 20, critical: 30 });
    t.save({ competitors: ['Hooli'] });
    t.advance(999);
    expect((await t.source.configFor(101)).competitors).toEqual(['Globex']);
    expect(t.reads()).toBe(1);
    t.advance(1);
    expect((await t.source.configFor(101)).competitors).toEqual(['Hooli']);
    t.save({ competitors: ['Initech'] });
    t.source.forget(101);
    expect((await t.source.configFor(101)).competitors).toEqual(['Initech']);
    expect(t.reads()).toBe(3);
  });

  it('falls back to the defaults with an error log when the stored document is invalid', async () => {
    const t = setup({ levels: { medium: 80, high: 50 }, wieght: 3 });
    expect(await t.source.configFor(101)).toEqual(resolveConfig({}, SIGNALS));
    const error = t.logs.find((line) => line.level === 50);
    expect(error).toMatchObject({ portalId: 101, msg: expect.stringContaining('invalid') });
    expect(JSON.stringify(error?.issues)).toContain('wieght');
  });

  it('does not cache a failed read', async () => {
    const t = setup({});
    t.fail(true);
    await expect(t.source.configFor(101)).rejects.toThrow('database down');
    t.fail(false);
    expect(await t.source.configFor(101)).toEqual(resolveConfig({}, SIGNALS));
  });
});
