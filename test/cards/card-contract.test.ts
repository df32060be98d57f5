import { describe, expect, expectTypeOf, it } from 'vitest';
import { API_BASE_URL } from '../../cards/lib/api-base-url.ts';
import { errorFromResponse } from '../../cards/lib/churn-api-error.ts';
import type { CompanyRisk } from '../../cards/lib/company-risk.ts';
import type { EffectiveSettings, SignalInfo } from '../../cards/lib/settings.ts';
import { ValidationError } from '../../src/core/validation-error.ts';
import type { CompanyRiskBody } from '../../src/http/company-risk-body.ts';
import { answerFor } from '../../src/http/error-handler.ts';
import { HttpError } from '../../src/http/http-error.ts';
import type { settingsBody, signalCatalog } from '../../src/http/settings-body.ts';
import { PLACEHOLDER_BASE_URL } from '../../src/hubspot-package/public-base-url.ts';

/**
 * HubSpot builds cards/ on its own, so the UI keeps its own copy of the server's types: these checks make
 * `npm run typecheck` fail when the two drift apart.
 */
describe("the UI's types are the server's", () => {
  it('the card endpoint answers what the card reads', () => {
    expectTypeOf<CompanyRiskBody>().toExtend<CompanyRisk>();
  });

  it('the settings endpoints answer what the settings page reads', () => {
    expectTypeOf<ReturnType<typeof settingsBody>['effective']>().toExtend<EffectiveSettings>();
    expectTypeOf<ReturnType<typeof signalCatalog>[number]>().toExtend<SignalInfo>();
  });
});

describe("the UI reads the server's error answers", () => {
  it("a refusal's message, and a 400's fields", () => {
    const refusal = answerFor(new HttpError(403, 'not_installed', 'install Churn Signals first'));
    expect(errorFromResponse(refusal.status, { error: refusal.code, message: refusal.message })).toMatchObject({
      status: 403,
      message: 'install Churn Signals first',
      issues: [],
    });
    const invalid = answerFor(new ValidationError('settings', [{ path: 'levels.medium', message: 'Too big' }]));
    const error = errorFromResponse(invalid.status, {
      error: invalid.code,
      message: invalid.message,
      issues: invalid.issues,
    });
    expect(error).toMatchObject({ status: 400, message: 'levels.medium: Too big' });
    expect(error.issues).toEqual([{ path: 'levels.medium', message: 'Too big' }]);
  });

  it("never shows a 500's text, but its request id", () => {
    const crash = answerFor(new Error('connection reset by peer at db.ts:12'));
    const error = errorFromResponse(crash.status, { error: crash.code, message: crash.message, requestId: 'r-9' });
    expect(error.message).toBe('Churn Signals had a problem (request id r-9): try again in a minute.');
  });
});

it("the UI calls the server at the manifest's placeholder, which staging rewrites", () => {
  expect(API_BASE_URL).toBe(PLACEHOLDER_BASE_URL);
});
