import { describe, expect, it } from 'vitest';
import { evaluateSignal } from '../../src/core/evaluate-signal.ts';
import type { SignalDefinition, TenantSettings } from '../../src/core/signal.ts';
import type { Snapshot } from '../../src/core/snapshot.ts';
import { snapshot as emptySnapshot, NOW } from './build.ts';

export interface SignalCase {
  name: string;
  snapshot: Snapshot;
  now?: number;
  thresholds?: Record<string, unknown>;
  tenant?: Partial<TenantSettings>;
  quietMonths?: number[];
  /** For cases that fire: bounds on the strength and the record ids the evidence must name. */
  minStrength?: number;
  maxStrength?: number;
  evidenceIds?: string[];
}

function run(signal: SignalDefinition, c: SignalCase) {
  return evaluateSignal(
    signal,
    c.snapshot,
    {
      thresholds: signal.thresholds.parse(c.thresholds ?? {}),
      tenant: { competitors: [], ...c.tenant },
      quietMonths: c.quietMonths ?? [],
    },
    c.now ?? NOW,
  );
}

/**
 * The table test every signal has (in the manner of typescript-eslint's rule tests): cases that must fire, with
 * their strength and evidence checked, and cases that must not. An empty snapshot is always among the latter.
 */
export function signalTable(signal: SignalDefinition, cases: { fires: SignalCase[]; quiet: SignalCase[] }): void {
  describe(`${signal.id}: fires`, () => {
    it.each(cases.fires.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const finding = run(signal, c);
      expect(finding).not.toBeNull();
      if (!finding) return;
      expect(finding.strength).toBeGreaterThan(0);
      expect(finding.strength).toBeLessThanOrEqual(1);
      expect(finding.strength).toBeGreaterThanOrEqual(c.minStrength ?? 0);
      expect(finding.strength).toBeLessThanOrEqual(c.maxStrength ?? 1);
      expect(finding.headline.length).toBeGreaterThan(0);
      expect(finding.evidence.length).toBeGreaterThan(0);
      for (const e of finding.evidence) expect(e.id).not.toBe('');
      if (c.evidenceIds) expect(finding.evidence.map((e) => e.id).sort()).toEqual([...c.evidenceIds].sort());
    });
  });
  describe(`${signal.id}: does not fire`, () => {
    it.each([
      ['an empty snapshot (no data)', { name: 'empty', snapshot: emptySnapshot() }] as const,
      ...cases.quiet.map((c) => [c.name, c] as const),
    ])('%s', (_name, c) => {
      expect(run(signal, c)).toBeNull();
    });
  });
}
