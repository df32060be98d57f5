/**
 * The settings endpoints' documents (src/http/settings-body.ts, src/core/tenant-config.ts), as the settings page
 * reads them; test/cards/card-contract.test.ts checks they agree with the server's.
 */
export interface SignalSettings {
  enabled: boolean;
  weight: number;
  /** Each threshold of the signal by name (its catalog entry lists them with their defaults). */
  thresholds: unknown;
}

export interface LevelCuts {
  medium: number;
  high: number;
  critical: number;
}

/** Where the facts that are not standard HubSpot properties are kept: company property names. */
export interface PropertyMappings {
  renewalDate: string;
  seatsPurchased: string;
  seatsActive: string;
  usageMetric: string;
  onboardingCompletedAt: string;
  lastTrainingAt: string;
}

/** The settings in effect, every default filled in: the shape of a settings document. */
export interface EffectiveSettings {
  signals: Record<string, SignalSettings>;
  levels: LevelCuts;
  trend: { lookbackDays: number; tolerance: number };
  tasks: { minPoints: number; dueDays: { low: number; medium: number; high: number; critical: number } };
  csLeadOwnerId: string | null;
  quietMonths: number[];
  competitors: string[];
  mappings: PropertyMappings;
}

/** A signal as the catalog lists it: what it detects and its defaults. */
export interface SignalInfo {
  id: string;
  title: string;
  description: string;
  defaultWeight: number;
  thresholds: Record<string, unknown>;
}

/** The portal's document as saved: only what an admin set, every other value the product's default. */
export type SettingsDocument = Record<string, unknown>;

export interface SettingsAnswer {
  settings: SettingsDocument;
  effective: EffectiveSettings;
}

export interface SettingsPageData extends SettingsAnswer {
  signals: SignalInfo[];
}

/** The answer as a SettingsAnswer after the checks the page relies on; throws a TypeError otherwise. */
export function asSettingsAnswer(body: unknown): SettingsAnswer {
  const answer = body as Partial<SettingsAnswer> | null;
  const effective = answer?.effective as Partial<EffectiveSettings> | undefined;
  const ok =
    typeof effective === 'object' &&
    effective !== null &&
    typeof effective.signals === 'object' &&
    typeof effective.levels === 'object' &&
    typeof effective.mappings === 'object' &&
    Array.isArray(effective.quietMonths) &&
    Array.isArray(effective.competitors);
  if (!ok) throw new TypeError('the settings endpoint answered something other than settings');
  const saved = answer?.settings;
  const settings = typeof saved === 'object' && saved !== null && !Array.isArray(saved) ? saved : {};
  return { settings, effective: effective as EffectiveSettings };
}
