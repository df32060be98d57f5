import { describe, expect, it } from 'vitest';
import type { NewInstallation } from '../../../src/store/store.ts';
import { type ContractContext, OTHER_PORTAL, PORTAL, T0 } from './context.ts';

export const installation = (portalId = PORTAL): NewInstallation => ({
  portalId,
  accessToken: `CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2-qYAGQsF4:${portalId}`,
  refreshToken: `5b3b1bd4-0b4c-4ffe-9a42-3c2b4a9a1e0f:${portalId}`,
  expiresAt: T0 + 1_800_000,
  scopes: ['crm.objects.companies.read', 'crm.objects.companies.write', 'oauth'],
  hubDomain: 'acme.hubspot.com',
  installedAt: T0,
});

export function installationContract({ store }: ContractContext): void {
  describe('installations', () => {
    it('gives back what was saved, tokens decrypted', async () => {
      await store().saveInstallation(installation());
      expect(await store().getInstallation(PORTAL)).toEqual(installation());
    });

    it('has no hub domain unless given one, and null for a portal never installed', async () => {
      await store().saveInstallation({ ...installation(), hubDomain: undefined });
      expect((await store().getInstallation(PORTAL))?.hubDomain).toBeNull();
      expect(await store().getInstallation(OTHER_PORTAL)).toBeNull();
    });

    it('replaces the installation on a re-install', async () => {
      await store().saveInstallation(installation());
      const again = { ...installation(), accessToken: 'new-access', scopes: ['oauth'], installedAt: T0 + 5 };
      await store().saveInstallation(again);
      expect(await store().getInstallation(PORTAL)).toEqual(again);
    });

    it('updates the tokens after a refresh and keeps the rest', async () => {
      await store().saveInstallation(installation());
      const tokens = { accessToken: 'refreshed-access', refreshToken: 'refreshed-refresh', expiresAt: T0 + 3_600_000 };
      expect(await store().updateTokens(PORTAL, tokens)).toBe(true);
      expect(await store().getInstallation(PORTAL)).toEqual({ ...installation(), ...tokens });
    });

    it('does not bring back an uninstalled portal when a refresh lands after the purge', async () => {
      await store().saveInstallation(installation());
      await store().purgePortal(PORTAL);
      const tokens = { accessToken: 'late', refreshToken: 'late', expiresAt: T0 };
      expect(await store().updateTokens(PORTAL, tokens)).toBe(false);
      expect(await store().getInstallation(PORTAL)).toBeNull();
      expect(await store().listPortalIds()).toEqual([]);
    });

    it('lists the installed portals in order', async () => {
      await store().saveInstallation(installation(OTHER_PORTAL));
      await store().saveInstallation(installation(PORTAL));
      await store().saveInstallation(installation(PORTAL));
      expect(await store().listPortalIds()).toEqual([PORTAL, OTHER_PORTAL]);
    });
  });
}
