import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { takeContractViolations } from './hubspot-contract.ts';

/**
 * For a test file that mocks HubSpot with nock: no real network, and after each test no contract violation and no
 * mock left unused (an unused mock is a call the code under test was expected to make and did not).
 */
export function useStrictNock(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(takeContractViolations()).toEqual([]);
    expect(pending).toEqual([]);
  });
  afterAll(() => nock.enableNetConnect());
}
