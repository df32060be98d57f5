import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLE_SCHEMA_URL, bundleJsonSchemaText } from '../../../src/adapters/hubspot/write-bundle-schema.ts';

describe('bundle.schema.json', () => {
  it('is what write-bundle-schema.ts generates from the zod schema (run it after changing bundle.ts)', () => {
    expect(readFileSync(BUNDLE_SCHEMA_URL, 'utf8')).toBe(bundleJsonSchemaText());
  });

  it('describes the bundle: company and portalId required, the lists optional, HubSpot shapes by reference', () => {
    const schema = JSON.parse(bundleJsonSchemaText());
    expect(schema.required).toEqual(['portalId', 'company']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.contacts.items).toEqual({ $ref: '#/$defs/SimplePublicObject' });
    expect(Object.keys(schema.$defs)).toEqual(
      expect.arrayContaining(['SimplePublicObject', 'ValueWithTimestamp', 'PublicOwner', 'WebhookEvent']),
    );
    expect(schema.$defs.SimplePublicObject.required).toEqual([
      'id',
      'properties',
      'createdAt',
      'updatedAt',
      'archived',
    ]);
    expect(schema.$defs.PublicOwner.properties.type.enum).toEqual(['PERSON', 'QUEUE']);
  });
});
