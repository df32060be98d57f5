import { buildCompany } from './build-company.ts';
import { createRandom } from './create-random.ts';
import { demoOwners } from './demo-owners.ts';
import type { DemoPortalSeed } from './demo-seed.ts';
import { planPortfolio } from './plan-portfolio.ts';
import { createPortalBuilder } from './portal-builder.ts';

export interface DemoPortalOptions {
  /** Any integer: the same seed (and `now`) gives byte-identical output. */
  seed: number;
  /** Epoch ms the portal's history is dated back from: "today" in the demo. */
  now: number;
  portalId: number;
}

/**
 * The demo portal: about 60 B2B SaaS customers of FlowPilot with contacts, deals, tickets, engagements, tasks, owners
 * and survey answers. Most accounts are healthy; the others tell the stories of the 21 churn signals, each at least
 * once. Deterministic: no clock, no Math.random.
 */
export function generateDemoPortal({ seed, now, portalId }: DemoPortalOptions): DemoPortalSeed {
  if (!Number.isSafeInteger(now)) throw new RangeError(`now must be epoch milliseconds, received ${now}`);
  if (!Number.isSafeInteger(portalId) || portalId <= 0)
    throw new RangeError(`portalId must be a positive integer, received ${portalId}`);
  const builder = createPortalBuilder(portalId, now);
  const owners = demoOwners(now);
  for (const owner of owners) builder.addOwner(owner);
  const random = createRandom(seed);
  for (const plan of planPortfolio(seed)) {
    buildCompany(plan, builder, random.fork(`company:${plan.index}`), owners);
  }
  return builder.seed();
}
