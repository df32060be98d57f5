export interface DeliveryFaults {
  /** Share of batches delivered a second time after they were accepted (HubSpot: "it is possible that HubSpot will send you the same notification multiple times"). */
  duplicateShare?: number;
  /** Share of batches whose events are shuffled, and of neighbouring batches sent in swapped order. */
  reorderShare?: number;
  seed?: number;
}

export interface PlannedDelivery<T> {
  events: T[];
  /** Deliver again once accepted. */
  duplicate: boolean;
}

/**
 * Cuts the queued events into batches of at most `batchSize` (HubSpot: up to 100 per request) in the order they
 * happened, then applies the configured disorder with the seeded `random`: HubSpot guarantees neither order nor
 * single delivery (DESIGN §7), and the app must cope with both.
 */
export function planDeliveries<T>(
  events: readonly T[],
  batchSize: number,
  faults: DeliveryFaults,
  random: () => number,
): PlannedDelivery<T>[] {
  const reorder = faults.reorderShare ?? 0;
  const duplicate = faults.duplicateShare ?? 0;
  const plan: PlannedDelivery<T>[] = [];
  for (let i = 0; i < events.length; i += batchSize) {
    const batch = events.slice(i, i + batchSize);
    if (reorder > 0 && batch.length > 1 && random() < reorder) shuffle(batch, random);
    plan.push({ events: batch, duplicate: duplicate > 0 && random() < duplicate });
  }
  for (let i = 0; i + 1 < plan.length; i += 2) {
    if (reorder > 0 && random() < reorder)
      [plan[i], plan[i + 1]] = [plan[i + 1] as PlannedDelivery<T>, plan[i] as PlannedDelivery<T>];
  }
  return plan;
}

/** Fisher–Yates, in place; a batch of several events always comes out in another order. */
function shuffle<T>(items: T[], random: () => number): void {
  const before = [...items];
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  if (items.every((item, i) => item === before[i])) items.push(items.shift() as T);
}
