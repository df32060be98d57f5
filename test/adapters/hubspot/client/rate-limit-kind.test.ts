import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rateLimitKind } from '../../../../src/adapters/hubspot/client/rate-limit-kind.ts';

const SPECS = join(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'hubspot-openapi');

/** Every CRM operation of the specs with a concrete path, and whether the spec exempts it from ten-secondly. */
function crmOperations(): { method: string; path: string; exempt: boolean }[] {
  const operations: { method: string; path: string; exempt: boolean }[] = [];
  for (const file of readdirSync(SPECS).filter((f) => f.startsWith('crm-') && f.endsWith('.json'))) {
    const spec = JSON.parse(readFileSync(join(SPECS, file), 'utf8')) as {
      paths: Record<string, Record<string, { 'x-hubspot-rate-limit-exemptions'?: string[] }>>;
    };
    for (const [template, methods] of Object.entries(spec.paths)) {
      // A concrete path as the app sends it: each {parameter} filled in with a plain value.
      const path = template.replace(/\{[^}]+\}/g, (name) => (name === '{objectType}' ? 'companies' : 'x1'));
      for (const [method, operation] of Object.entries(methods)) {
        if (typeof operation !== 'object' || operation === null) continue;
        const exemptions = operation['x-hubspot-rate-limit-exemptions'] ?? [];
        operations.push({ method, path, exempt: exemptions.includes('ten-secondly') });
      }
    }
  }
  return operations;
}

describe('rateLimitKind', () => {
  const operations = crmOperations();

  it('reads at least the operations the app calls from the specs', () => {
    expect(operations.length).toBeGreaterThan(50);
  });

  it('counts exactly the operations the specs do not exempt against the general limit', () => {
    const wrong = operations.filter((op) => (rateLimitKind(op.method, op.path) === 'default') === op.exempt);
    expect(wrong).toEqual([]);
  });

  it.each([
    ['POST', '/crm/objects/2026-09/companies/search', 'search'],
    ['POST', '/crm/associations/2026-09/companies/contacts/batch/read', 'exempt'],
    ['POST', '/crm/objects/2026-09/companies/batch/read', 'default'],
    ['POST', '/crm/objects/2026-09/companies/batch/update', 'default'],
    ['GET', '/crm/objects/2026-09/companies', 'default'],
    ['get', '/crm/owners/2026-09', 'default'],
  ])('%s %s → %s', (method, path, kind) => {
    expect(rateLimitKind(method, path)).toBe(kind);
  });
});
