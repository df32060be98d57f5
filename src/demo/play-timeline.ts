import type { TimelineStep } from '../sandbox/demo/demo-seed.ts';
import type { PortalState } from '../sandbox/state/portal-state.ts';
import { applyChange } from './apply-change.ts';

export interface PlayOptions {
  /** How much faster than scripted: 1 plays the timeline in its own time, 20 a 90 s timeline in 4.5 s. */
  speed: number;
  /** One line per step, as it happens. */
  onStep(step: TimelineStep, index: number): void;
  sleep?: (ms: number) => Promise<void>;
}

/** Plays the steps in order, each at its `atMs` (divided by the speed) after the start. */
export async function playTimeline(
  portal: PortalState,
  steps: readonly TimelineStep[],
  options: PlayOptions,
): Promise<void> {
  if (!(options.speed > 0)) throw new RangeError(`the timeline speed must be positive, received ${options.speed}`);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const start = Date.now();
  for (const [index, step] of [...steps].sort((a, b) => a.atMs - b.atMs).entries()) {
    const wait = start + step.atMs / options.speed - Date.now();
    if (wait > 0) await sleep(wait);
    applyChange(portal, step.change);
    options.onStep(step, index);
  }
}
