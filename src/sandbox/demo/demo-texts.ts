/**
 * What the demo's records say. Healthy texts avoid the words the signals listen for (price, complaint, promotion,
 * training); the risky ones use them on purpose. `{first}` is the contact's first name, `{company}` the company's.
 */

export const MEETING_TOPICS = [
  [
    'Quarterly business review',
    'Reviewed adoption by team and the automation roadmap for next quarter. {first} wants two new approval flows.',
  ],
  ['Monthly check-in', 'Walked through open requests and the rollout to the finance team. No blockers.'],
  ['Workflow design session', 'Mapped the intake-to-approval flow with {first}; they will pilot it with two teams.'],
  [
    'Executive sponsor sync',
    'Shared results since go-live: cycle time down, fewer manual hand-offs. Agreed next goals.',
  ],
  ['Integration planning', 'Planned the ERP connector rollout; {first} owns the test plan on their side.'],
  ['Roadmap preview', 'Showed the new reporting builder; strong interest from the operations team.'],
] as const;

export const INBOUND_EMAILS = [
  [
    'Re: Approval flow for purchase requests',
    'Thanks {owner}, the new flow is live for the Denver team. Looks good so far.',
  ],
  ['Re: Next steps after the review', 'Works for us. I have shared the notes with our leads.'],
  ['Re: Connector rollout', 'Our IT team finished the test run, all records synced. We can go ahead on Monday.'],
  ['Question on audit exports', 'Hi {owner}, is there a way to schedule the audit export weekly? Thanks!'],
  ['Re: Reporting builder', 'We tried the beta with two dashboards, the team likes it.'],
  ['Re: Workspace for the new region', 'Yes please set up the APAC workspace, same template as the EU one.'],
] as const;

export const OUTBOUND_EMAILS = [
  ['Recap: our check-in', 'Hi {first}, thanks for the time today. Notes and owners are in the shared doc.'],
  ['Resources for your admins', 'Hi {first}, here are the admin guides we discussed, plus the release notes.'],
  [
    'Release notes: this month in FlowPilot',
    'Hi {first}, a short summary of what shipped this month and what it means for your flows.',
  ],
  ['Agenda for our next review', 'Hi {first}, proposed agenda attached; let me know what to add.'],
] as const;

export const CALL_TOPICS = [
  ['Call with {first}: rollout status', 'Rollout on track; two teams live, third next week.'],
  ['Call with {first}: connector questions', 'Answered mapping questions on the ERP connector.'],
  ['Call with {first}: planning next quarter', 'Agreed on the flows to automate next quarter.'],
] as const;

export const NOTES = [
  '{first} says the team is happy with the approval flows; asked for a sandbox for their new hires.',
  'Good session. {company} plans to extend FlowPilot to procurement next quarter.',
  'Follow-up: send the connector runbook to {first} and book the next review.',
  'Usage is up across teams; {first} will present results to their leadership.',
] as const;

export const TICKETS = [
  ['How do I bulk-import users?', 'We need to add 40 users from a CSV file.', 'GENERAL_INQUIRY'],
  ['SSO login loop for one user', 'One user gets redirected back to the login page after SSO.', 'PRODUCT_ISSUE'],
  ['Export to CSV times out', 'Exports of the full audit log time out after a minute.', 'PRODUCT_ISSUE'],
  ['Add a second admin', 'Please give admin rights to our new operations lead.', 'GENERAL_INQUIRY'],
  ['Webhook retries question', 'How many times does FlowPilot retry a failed webhook?', 'GENERAL_INQUIRY'],
  ['Form field not saving', 'The cost-center field on the intake form does not save.', 'PRODUCT_ISSUE'],
  ['Invoice address update', 'Please update the billing address on our account.', 'BILLING_ISSUE'],
] as const;

export const TASK_SUBJECTS = [
  'Send QBR recap to {first}',
  'Book next quarterly review with {company}',
  'Share connector runbook with {first}',
  'Check rollout progress with {first}',
] as const;

export const GOOD_NPS_COMMENTS = [
  'The approval flows saved us hours every week.',
  'Great support team, quick answers.',
  null,
  'Solid product, the reporting could go deeper.',
  null,
] as const;

export const PROMO_EMAILS = [
  [
    'Limited-time offer: 20% off the Analytics add-on',
    'Hi {first}, this month only: upgrade to Analytics and save 20%.',
  ],
  ['Upgrade to Enterprise before the year ends', 'Hi {first}, our year-end promotion ends Friday.'],
  ['Special offer for {company}', 'Hi {first}, a special bundle offer for teams like yours.'],
] as const;

export const BURST_QUESTIONS = [
  [
    'How do we export all our workflows?',
    'We need a full export of every workflow definition, with history. What are our options?',
  ],
  ['Data retention after contract end', 'What happens to our data if we do not renew? How long do you keep it?'],
  ['API rate limits for bulk reads', 'We need to read all records through the API this week. What are the limits?'],
  ['Who owns our account now?', 'We have several open questions and would like a call with someone this week.'],
  ['Can we get our audit logs for the last 2 years?', 'Our new IT director asked for the complete audit trail.'],
  ['Admin access for our new IT director', 'Please give full admin rights to our new IT director as soon as possible.'],
  ['SSO setup documentation', 'Where is the documentation for moving our SSO to a different identity provider?'],
] as const;

export const COMPLAINTS = [
  [
    'Escalation: approvals stuck again',
    'Third time this month approvals are stuck for hours. This is unacceptable for our finance close.',
  ],
  ['Very disappointed with support response time', 'We waited four days for an answer on a blocking issue.'],
  ['Complaint: data sync dropped records', 'The nightly sync dropped 300 records and nobody told us.'],
] as const;

export const PRICE_MENTIONS = [
  'Their CFO says the renewal feels too expensive for the value they get; they are comparing a cheaper tool.',
  'They asked whether the pricing can change, since another vendor quoted them less per seat.',
  'Procurement wants a discount at renewal and mentioned a cheaper competitor they trialled.',
] as const;

export const BAD_NPS_COMMENTS = [
  'Too many outages this quarter, and support is slow to answer.',
  'The product does not fit how we work anymore.',
  'We are not getting the value we expected.',
] as const;

export const SURGE_TICKETS = [
  [
    'Approvals not triggering for new requests',
    'New purchase requests do not start the approval flow since this morning.',
    'HIGH',
  ],
  ['Connector sync errors', 'The ERP connector shows sync errors on about a third of the records.', 'HIGH'],
  ['Reports show wrong totals', 'The monthly report totals do not match our ledger.', 'MEDIUM'],
  ['Users cannot see their tasks', 'Several users report an empty task list after logging in.', 'HIGH'],
  ['Email notifications delayed', 'Notifications arrive hours late for the whole team.', 'MEDIUM'],
  ['Form attachments missing', 'Attachments uploaded on the intake form are missing from the request.', 'MEDIUM'],
] as const;

export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
}
