import { describe, expect, it } from 'vitest';
import { hubspotRecordUrl } from '../../../src/adapters/hubspot/record-url.ts';
import { RECORD_TYPES } from '../../../src/core/snapshot.ts';

describe('hubspotRecordUrl', () => {
  it.each([
    ['company', '0-2'],
    ['contact', '0-1'],
    ['deal', '0-3'],
    ['ticket', '0-5'],
    ['email', '0-49'],
    ['call', '0-48'],
    ['meeting', '0-47'],
    ['note', '0-46'],
    ['task', '0-27'],
    ['feedback_submission', '0-19'],
  ] as const)('links a %s to its record page (object type %s)', (type, objectTypeId) => {
    expect(hubspotRecordUrl(24051987, type, '123')).toBe(
      `https://app.hubspot.com/contacts/24051987/record/${objectTypeId}/123`,
    );
  });

  it('has no page for owners', () => {
    expect(hubspotRecordUrl(24051987, 'owner', '81234567')).toBeNull();
  });

  it('covers every record type of the snapshot', () => {
    for (const type of RECORD_TYPES) {
      expect(type === 'owner' || hubspotRecordUrl('1', type, '2') !== null).toBe(true);
    }
  });
});
