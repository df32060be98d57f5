import { assess } from '../../core/assess.ts';
import type { Assessment } from '../../core/assessment.ts';
import type { EngineConfig } from '../../core/tenant-config.ts';
import type { Instant } from '../../core/time.ts';
import { parseHubSpotBundle } from './bundle.ts';
import { toSnapshot } from './to-snapshot.ts';

/** A HubSpot account bundle (JSON as read from a file or built by the live adapter) to its assessment. */
export function assessBundle(json: unknown, config: EngineConfig, now: Instant): Assessment {
  return assess(toSnapshot(parseHubSpotBundle(json), config.mappings), config, now);
}
