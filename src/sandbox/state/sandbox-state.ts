import { type PortalSeed, parsePortalSeed } from './portal-seed.ts';
import { createPortalState, type PortalState } from './portal-state.ts';
import type { ChangeListener, SandboxChange } from './sandbox-change.ts';

export interface SandboxStateOptions {
  /** The clock of every write and history entry (epoch ms); Date.now by default. */
  now?: () => number;
  /** Where a listener's exception goes; by default it is thrown again outside the write, so it is not lost. */
  onListenerError?: (error: unknown) => void;
}

export interface SandboxState {
  readonly now: () => number;
  /** Validates the seed and (re)places its portal, as the seed says; no change is reported for what it holds. */
  loadPortal(seed: unknown): PortalState;
  /** The portal, or undefined when none was loaded or created. */
  portal(portalId: number): PortalState | undefined;
  /** The portal, created empty (HubSpot's defaults only) when it does not exist. */
  ensurePortal(portalId: number): PortalState;
  portalIds(): number[];
  /** Puts the portal back as its seed had it (empty when it had none). */
  resetPortal(portalId: number): PortalState;
  resetAll(): void;
  /** Calls `listener` after every change of any portal, synchronously; returns the unsubscribe. */
  onChange(listener: ChangeListener): () => void;
}

/** Every portal of the sandbox, each loadable from a seed (portal-seed.ts) and resettable to it. */
export function createSandboxState(options: SandboxStateOptions = {}): SandboxState {
  const now = options.now ?? Date.now;
  const onListenerError =
    options.onListenerError ??
    ((error: unknown) =>
      queueMicrotask(() => {
        throw error;
      }));
  const portals = new Map<number, PortalState>();
  const seeds = new Map<number, PortalSeed>();
  const listeners = new Set<ChangeListener>();

  function emitter(portalId: number) {
    return (change: SandboxChange) => {
      for (const listener of [...listeners]) {
        try {
          listener(portalId, structuredClone(change));
        } catch (error) {
          onListenerError(error);
        }
      }
    };
  }

  function build(portalId: number, seed = seeds.get(portalId)): PortalState {
    const state = createPortalState(portalId, now, emitter(portalId), seed);
    portals.set(portalId, state);
    if (seed !== undefined) seeds.set(portalId, seed);
    return state;
  }

  return {
    now,
    loadPortal(input) {
      const seed = parsePortalSeed(input);
      return build(seed.portalId, structuredClone(seed));
    },
    portal: (portalId) => portals.get(portalId),
    ensurePortal: (portalId) => portals.get(portalId) ?? build(portalId),
    portalIds: () => [...portals.keys()],
    resetPortal: (portalId) => build(portalId),
    resetAll() {
      for (const portalId of [...portals.keys()]) build(portalId);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
