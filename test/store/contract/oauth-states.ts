import { describe, expect, it } from 'vitest';
import { type ContractContext, T0 } from './context.ts';

export function oauthStateContract({ store }: ContractContext): void {
  describe('OAuth states', () => {
    const expiresAt = T0 + 600_000;

    it('is valid once, with where to return', async () => {
      await store().createOAuthState({ state: 'st-1', expiresAt, returnTo: '/settings' });
      expect(await store().consumeOAuthState('st-1', T0)).toEqual({ returnTo: '/settings' });
      expect(await store().consumeOAuthState('st-1', T0)).toBe(false);
    });

    it('has no return address unless given one', async () => {
      await store().createOAuthState({ state: 'st-1', expiresAt });
      expect(await store().consumeOAuthState('st-1', T0)).toEqual({ returnTo: null });
    });

    it('is refused from its expiry on, and stays used up', async () => {
      await store().createOAuthState({ state: 'late', expiresAt });
      await store().createOAuthState({ state: 'in-time', expiresAt: expiresAt + 1 });
      expect(await store().consumeOAuthState('late', expiresAt)).toBe(false);
      expect(await store().consumeOAuthState('in-time', expiresAt)).toEqual({ returnTo: null });
      expect(await store().consumeOAuthState('late', T0)).toBe(false);
    });

    it('refuses a state it never issued', async () => {
      await store().createOAuthState({ state: 'st-1', expiresAt });
      expect(await store().consumeOAuthState('st-2', T0)).toBe(false);
      expect(await store().consumeOAuthState('', T0)).toBe(false);
    });

    it('refuses to issue the same state twice', async () => {
      await store().createOAuthState({ state: 'st-1', expiresAt });
      await expect(store().createOAuthState({ state: 'st-1', expiresAt })).rejects.toThrow();
    });

    it('lets one of several concurrent callbacks with the same state through', async () => {
      await store().createOAuthState({ state: 'st-1', expiresAt });
      const results = await Promise.all([1, 2, 3, 4].map(() => store().consumeOAuthState('st-1', T0)));
      expect(results.filter((result) => result !== false)).toHaveLength(1);
    });
  });
}
