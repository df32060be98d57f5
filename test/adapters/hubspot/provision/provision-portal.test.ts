import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createHubSpotApi } from '../../../../src/adapters/hubspot/client/hubspot-api.ts';
import { createRateLimiter } from '../../../../src/adapters/hubspot/client/rate-limiter.ts';
import {
  CHURN_PROPERTIES,
  type PropertyDefinition,
} from '../../../../src/adapters/hubspot/provision/churn-properties.ts';
import { HIGH_RISK_LIST_NAME } from '../../../../src/adapters/hubspot/provision/provision-list.ts';
import { provisionPortal } from '../../../../src/adapters/hubspot/provision/provision-portal.ts';
import { SIGNAL_IDS } from '../../../../src/core/signal.ts';
import { createLogger } from '../../../../src/log/create-logger.ts';
import { SIGNALS } from '../../../../src/signals/index.ts';
import { contractReply, type MockedRequest } from '../../../helpers/hubspot-contract.ts';
import { useStrictNock } from '../../../helpers/strict-nock.ts';

const API = 'https://api.hubspot.test';
const AT = '2026-11-15T12:00:00.000Z';
const PORTAL = 101;
const PROPERTIES = '/crm/properties/2026-09/companies';
const LIST_BY_NAME = `/crm/lists/2026-09/object-type-id/0-2/name/${encodeURIComponent(HIGH_RISK_LIST_NAME)}`;
const CORRELATION_ID = 'aeb5f871-7f07-4993-9211-075dc63e7cbf';

interface HubSpotProperty {
  name: string;
  label: string;
  description: string;
  groupName: string;
  type: string;
  fieldType: string;
  options: { label: string; value: string; displayOrder?: number; hidden: boolean }[];
}

/** A Property as HubSpot answers it (crm-properties-2026-09.json), from what the app asked to create. */
function asHubSpot(p: Omit<HubSpotProperty, 'options'> & { options?: HubSpotProperty['options'] }): HubSpotProperty {
  return {
    name: p.name,
    label: p.label,
    description: p.description,
    groupName: p.groupName,
    type: p.type,
    fieldType: p.fieldType,
    options: p.options ?? [],
  };
}

const companyName: HubSpotProperty = {
  name: 'name',
  label: 'Company name',
  description: '',
  groupName: 'companyinformation',
  type: 'string',
  fieldType: 'text',
  options: [],
};
const group = (name: string) => ({ name, label: name, displayOrder: -1, archived: false });
const list = (listId: string) => ({
  list: {
    listId,
    listVersion: 1,
    name: HIGH_RISK_LIST_NAME,
    objectTypeId: '0-2',
    processingStatus: 'COMPLETE',
    processingType: 'DYNAMIC',
  },
});
const ours = (name: string) => CHURN_PROPERTIES.find((p) => p.name === name) as PropertyDefinition;

function harness() {
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => logs.push(line) } });
  const api = createHubSpotApi({
    baseUrl: API,
    accessToken: async () => 'token-101',
    limiter: createRateLimiter(),
    logger,
  });
  return { api, logger, logs };
}

/** Replies to the batch create with the properties asked for, as HubSpot does, and keeps what was asked. */
function batchCreate(sent: HubSpotProperty[][]) {
  return contractReply(200, (request: MockedRequest) => {
    const inputs = (request.body as { inputs: HubSpotProperty[] }).inputs;
    sent.push(inputs);
    return { status: 'COMPLETE', results: inputs.map(asHubSpot), startedAt: AT, completedAt: AT };
  });
}

useStrictNock();

describe('provisionPortal', () => {
  it('creates the group, DESIGN §4’s properties in one batch, and the list, in an empty portal', async () => {
    const { api, logger } = harness();
    const created: HubSpotProperty[][] = [];
    let groupBody: unknown;
    let listBody: unknown;
    nock(API)
      .get(`${PROPERTIES}/groups`)
      .reply(contractReply(200, { results: [group('companyinformation')] }))
      .post(`${PROPERTIES}/groups`)
      .reply(
        contractReply(201, (request: MockedRequest) => {
          groupBody = request.body;
          return group('churn_signals');
        }),
      )
      .get(PROPERTIES)
      .reply(contractReply(200, { results: [companyName] }))
      .post(`${PROPERTIES}/batch/create`)
      .reply(batchCreate(created))
      .get(LIST_BY_NAME)
      .reply(
        contractReply(404, {
          message: 'List does not exist',
          category: 'OBJECT_NOT_FOUND',
          correlationId: CORRELATION_ID,
        }),
      )
      .post('/crm/lists/2026-09')
      .reply(
        contractReply(200, (request: MockedRequest) => {
          listBody = request.body;
          return list('77');
        }),
      );

    const report = await provisionPortal(api, PORTAL, logger);

    expect(groupBody).toEqual({ name: 'churn_signals', label: 'Churn Signals', displayOrder: -1 });
    expect(created).toHaveLength(1);
    const inputs = created[0] ?? [];
    expect(inputs.map((p) => [p.name, p.type, p.fieldType, p.groupName])).toEqual([
      ['churn_risk_score', 'number', 'number', 'churn_signals'],
      ['churn_risk_level', 'enumeration', 'select', 'churn_signals'],
      ['churn_risk_reasons', 'enumeration', 'checkbox', 'churn_signals'],
      ['churn_risk_top_reason', 'enumeration', 'select', 'churn_signals'],
      ['churn_risk_summary', 'string', 'textarea', 'churn_signals'],
      ['churn_risk_trend', 'enumeration', 'select', 'churn_signals'],
      ['churn_risk_updated_at', 'datetime', 'date', 'churn_signals'],
      ['churn_renewal_date', 'date', 'date', 'churn_signals'],
      ['churn_seats_purchased', 'number', 'number', 'churn_signals'],
      ['churn_seats_active', 'number', 'number', 'churn_signals'],
      ['churn_usage_metric', 'number', 'number', 'churn_signals'],
      ['churn_onboarding_completed_at', 'date', 'date', 'churn_signals'],
      ['churn_last_training_at', 'date', 'date', 'churn_signals'],
    ]);
    const values = (name: string) => inputs.find((p) => p.name === name)?.options.map((o) => o.value);
    expect(values('churn_risk_level')).toEqual(['low', 'medium', 'high', 'critical']);
    expect(values('churn_risk_trend')).toEqual(['rising', 'steady', 'falling']);
    expect(values('churn_risk_reasons')).toEqual([...SIGNAL_IDS]);
    expect(values('churn_risk_top_reason')).toEqual([...SIGNAL_IDS]);
    expect(inputs.find((p) => p.name === 'churn_risk_reasons')?.options[0]).toEqual({
      value: 'champion_departed',
      label: SIGNALS[0]?.title,
      displayOrder: 0,
      hidden: false,
    });
    expect(inputs.every((p) => !('written' in p))).toBe(true);
    expect(listBody).toEqual({
      name: 'Churn risk: high or critical',
      objectTypeId: '0-2',
      processingType: 'DYNAMIC',
      filterBranch: {
        filterBranchType: 'OR',
        filterBranchOperator: 'OR',
        filters: [],
        filterBranches: [
          {
            filterBranchType: 'AND',
            filterBranchOperator: 'AND',
            filterBranches: [],
            filters: [
              {
                filterType: 'PROPERTY',
                property: 'churn_risk_level',
                operation: {
                  operationType: 'ENUMERATION',
                  operator: 'IS_ANY_OF',
                  values: ['high', 'critical'],
                  includeObjectsWithNoValueSet: false,
                },
              },
            ],
          },
        ],
      },
    });
    expect(report).toEqual({
      portalId: PORTAL,
      groupCreated: true,
      propertiesCreated: inputs.map((p) => p.name),
      optionsAdded: {},
      conflicts: [],
      failed: [],
      list: { listId: '77', created: true },
    });
  });

  it('creates nothing on a second run: every group, property and the list are found', async () => {
    const { api, logger } = harness();
    nock(API)
      .get(`${PROPERTIES}/groups`)
      .reply(contractReply(200, { results: [group('companyinformation'), group('churn_signals')] }))
      .get(PROPERTIES)
      .reply(contractReply(200, { results: [companyName, ...CHURN_PROPERTIES.map(asHubSpot)] }))
      .get(LIST_BY_NAME)
      .reply(contractReply(200, list('77')));

    const report = await provisionPortal(api, PORTAL, logger);

    expect(report).toMatchObject({
      groupCreated: false,
      propertiesCreated: [],
      optionsAdded: {},
      conflicts: [],
      list: { listId: '77', created: false },
    });
  });

  it('reports a same-named property of another type without touching it, and adds a missing option to its own', async () => {
    const { api, logger, logs } = harness();
    const admins = { ...companyName, name: 'churn_risk_score', label: 'Our churn score', type: 'string' };
    const reasons = asHubSpot(ours('churn_risk_reasons'));
    const older = { ...reasons, options: reasons.options.filter((o) => o.value !== 'company_change') };
    older.options[0] = { ...older.options[0], label: 'Renamed by the admin' } as (typeof older.options)[number];
    const others = CHURN_PROPERTIES.filter((p) => !['churn_risk_score', 'churn_risk_reasons'].includes(p.name));
    let patch: unknown;
    nock(API)
      .get(`${PROPERTIES}/groups`)
      .reply(contractReply(200, { results: [group('churn_signals')] }))
      .get(PROPERTIES)
      .reply(contractReply(200, { results: [admins, older, ...others.map(asHubSpot)] }))
      .patch(`${PROPERTIES}/churn_risk_reasons`)
      .reply(
        contractReply(200, (request: MockedRequest) => {
          patch = request.body;
          return reasons;
        }),
      )
      .get(LIST_BY_NAME)
      .reply(contractReply(200, list('77')));

    const report = await provisionPortal(api, PORTAL, logger);

    const options = (patch as { options: { value: string; label: string; displayOrder: number }[] }).options;
    expect(options.map((o) => o.value)).toEqual([
      ...SIGNAL_IDS.filter((id) => id !== 'company_change'),
      'company_change',
    ]);
    expect(options[0]?.label).toBe('Renamed by the admin');
    expect(options.map((o) => o.displayOrder)).toEqual(SIGNAL_IDS.map((_, i) => i));
    expect(report.optionsAdded).toEqual({ churn_risk_reasons: ['company_change'] });
    expect(report.propertiesCreated).toEqual([]);
    expect(report.conflicts).toEqual([
      {
        name: 'churn_risk_score',
        expected: { type: 'number', fieldType: 'number' },
        found: { type: 'string', fieldType: 'text', groupName: 'companyinformation' },
        missingOptions: [],
        message: expect.stringContaining('Rename or delete it in HubSpot'),
      },
    ]);
    expect(report.conflicts[0]?.message).toContain('until then the app cannot write churn_risk_score');
    const warning = logs.map((line) => JSON.parse(line)).find((entry) => entry.level === 40);
    expect(warning).toMatchObject({
      portalId: PORTAL,
      property: 'churn_risk_score',
      msg: report.conflicts[0]?.message,
    });
  });

  it('never adds options to a same-named property outside its group, and skips the list when the level is not usable', async () => {
    const { api, logger } = harness();
    const level = asHubSpot(ours('churn_risk_level'));
    const foreignLevel = {
      ...level,
      groupName: 'companyinformation',
      options: level.options.filter((o) => o.value !== 'critical'),
    };
    const others = CHURN_PROPERTIES.filter((p) => p.name !== 'churn_risk_level');
    nock(API)
      .get(`${PROPERTIES}/groups`)
      .reply(contractReply(200, { results: [group('churn_signals')] }))
      .get(PROPERTIES)
      .reply(contractReply(200, { results: [foreignLevel, ...others.map(asHubSpot)] }));

    const report = await provisionPortal(api, PORTAL, logger);

    expect(report.conflicts).toMatchObject([
      {
        name: 'churn_risk_level',
        missingOptions: ['critical'],
        message: expect.stringContaining('lacks the options critical'),
      },
    ]);
    expect(report.optionsAdded).toEqual({});
    expect(report.list).toEqual({ skipped: expect.stringContaining('churn_risk_level') });
  });

  it('takes a single select where the app writes several reasons as a conflict', async () => {
    const { api, logger } = harness();
    const reasonsAsSelect = { ...asHubSpot(ours('churn_risk_reasons')), fieldType: 'select' };
    const others = CHURN_PROPERTIES.filter((p) => p.name !== 'churn_risk_reasons');
    nock(API)
      .get(`${PROPERTIES}/groups`)
      .reply(contractReply(200, { results: [group('churn_signals')] }))
      .get(PROPERTIES)
      .reply(contractReply(200, { results: [reasonsAsSelect, ...others.map(asHubSpot)] }))
      .get(LIST_BY_NAME)
      .reply(contractReply(200, list('77')));

    const report = await provisionPortal(api, PORTAL, logger);

    expect(report.conflicts.map((c) => [c.name, c.found.fieldType])).toEqual([['churn_risk_reasons', 'select']]);
  });
});
