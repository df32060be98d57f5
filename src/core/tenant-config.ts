import { z } from 'zod';
import { PropertyMappings } from './mappings.ts';
import type { SignalDefinition, SignalId } from './signal.ts';
import { ValidationError } from './validation-error.ts';

/**
 * A tenant's tuning of the engine (the admin's settings page writes it): every field optional, every default the
 * product's. Unknown keys are errors, so a typo such as `wieght` is reported instead of silently ignored.
 */
export function tenantConfigSchema(signals: readonly SignalDefinition[]) {
  const signalSettings = Object.fromEntries(
    signals.map((s) => [
      s.id,
      z
        .object({
          enabled: z.boolean().default(true),
          weight: z.number().min(0).max(100).default(s.defaultWeight),
          thresholds: s.thresholds.strict().prefault({}),
        })
        .strict()
        .prefault({}),
    ]),
  );
  const level = (fallback: number) => z.number().min(0).max(100).default(fallback);
  const days = (fallback: number) => z.number().min(0).max(365).default(fallback);
  return z
    .object({
      signals: z.object(signalSettings).strict().prefault({}),
      levels: z
        .object({ medium: level(25), high: level(50), critical: level(75) })
        .strict()
        .refine((l) => l.medium < l.high && l.high < l.critical, 'expected medium < high < critical')
        .prefault({}),
      trend: z
        .object({
          lookbackDays: z.number().int().min(1).max(365).default(30),
          tolerance: z.number().min(0).max(100).default(5),
        })
        .strict()
        .prefault({}),
      tasks: z
        .object({
          minPoints: z.number().min(0).max(100).default(10),
          dueDays: z
            .object({ low: days(10), medium: days(5), high: days(2), critical: days(1) })
            .strict()
            .prefault({}),
        })
        .strict()
        .prefault({}),
      csLeadOwnerId: z.string().min(1).nullable().default(null),
      quietMonths: z.array(z.number().int().min(1).max(12)).default([]),
      competitors: z.array(z.string().trim().min(1)).default([]),
      mappings: PropertyMappings.prefault({}),
    })
    .strict();
}

export type TenantConfig = z.output<ReturnType<typeof tenantConfigSchema>>;

export interface ResolvedSignal {
  definition: SignalDefinition;
  enabled: boolean;
  weight: number;
  thresholds: unknown;
}

/** What assess() needs: the tenant's settings with every signal's definition and parsed thresholds. */
export interface EngineConfig extends Omit<TenantConfig, 'signals'> {
  signals: readonly ResolvedSignal[];
}

export function resolveConfig(input: unknown, signals: readonly SignalDefinition[]): EngineConfig {
  const parsed = tenantConfigSchema(signals).safeParse(input ?? {});
  if (!parsed.success) throw ValidationError.fromZod('config', parsed.error);
  const settings = parsed.data.signals as Record<SignalId, { enabled: boolean; weight: number; thresholds: unknown }>;
  return {
    ...parsed.data,
    signals: signals.map((definition) => ({ definition, ...settings[definition.id] })),
  };
}
