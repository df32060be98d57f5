import { competitorOrPrice } from '../../src/signals/competitor-or-price.ts';
import { daysAgo, daysAhead, deal, engagement, snapshot, ticket } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

const tenant = { competitors: ['Rival Corp', 'Müller AG', '百度'] };

signalTable(competitorOrPrice, {
  fires: [
    {
      name: 'a closed-lost reason names a competitor: full strength',
      snapshot: snapshot({
        deals: [deal({ id: 'd1', status: 'lost', closeDate: daysAgo(20), lostReason: 'Went with rival corp instead' })],
      }),
      tenant,
      minStrength: 1,
      evidenceIds: ['d1'],
    },
    {
      name: 'an inbound email about price: 0.6',
      snapshot: snapshot({
        engagements: [
          engagement({
            id: 'e1',
            direction: 'inbound',
            at: daysAgo(3),
            subject: 'Renewal',
            text: 'Honestly this is too expensive for us now.',
          }),
        ],
      }),
      minStrength: 0.6,
      maxStrength: 0.6,
      evidenceIds: ['e1'],
    },
    {
      name: 'a note in Chinese about price (no word boundaries in Chinese)',
      snapshot: snapshot({
        engagements: [engagement({ id: 'n1', type: 'note', at: daysAgo(10), text: '客户说价格太高了' })],
      }),
      evidenceIds: ['n1'],
    },
    {
      name: 'a non-ASCII competitor matched case-insensitively in a call',
      snapshot: snapshot({
        engagements: [
          engagement({ id: 'c1', type: 'call', at: daysAgo(5), text: 'They are comparing us with MÜLLER AG.' }),
        ],
      }),
      tenant,
      minStrength: 1,
      evidenceIds: ['c1'],
    },
    {
      name: 'a Chinese competitor inside a Chinese sentence, in a meeting subject',
      snapshot: snapshot({
        engagements: [engagement({ id: 'm1', type: 'meeting', at: daysAgo(5), subject: '他们在试用百度推广' })],
      }),
      tenant,
      minStrength: 1,
      evidenceIds: ['m1'],
    },
    {
      name: 'a ticket asking for a discount',
      snapshot: snapshot({
        tickets: [ticket({ id: 't1', subject: 'Discounts for next year?', createdAt: daysAgo(7) })],
      }),
      maxStrength: 0.6,
      evidenceIds: ['t1'],
    },
    {
      name: 'price and competitor together: the competitor sets the strength',
      snapshot: snapshot({
        engagements: [
          engagement({ id: 'e1', direction: 'inbound', at: daysAgo(2), text: 'Can we talk about pricing?' }),
        ],
        tickets: [
          ticket({
            id: 't1',
            subject: 'Export',
            content: 'We need an export to Rival Corp format',
            createdAt: daysAgo(30),
          }),
        ],
      }),
      tenant,
      minStrength: 1,
      evidenceIds: ['e1', 't1'],
    },
    {
      name: 'a deal lost exactly 90 days ago',
      snapshot: snapshot({
        deals: [deal({ id: 'd1', status: 'lost', closeDate: daysAgo(90), lostReason: 'Pricing too high' })],
      }),
      evidenceIds: ['d1'],
    },
    {
      name: 'a longer window and a higher price strength from the tenant config',
      snapshot: snapshot({
        engagements: [engagement({ id: 'n1', type: 'note', at: daysAgo(120), text: 'The price is an issue' })],
      }),
      thresholds: { windowDays: 180, priceStrength: 0.8 },
      minStrength: 0.8,
      maxStrength: 0.8,
      evidenceIds: ['n1'],
    },
  ],
  quiet: [
    {
      name: 'budget and cost talk is not a price complaint (budget_cut reads budgets)',
      snapshot: snapshot({
        engagements: [
          engagement({
            id: 'n9',
            type: 'note',
            at: daysAgo(5),
            text: 'Added a budget range field; cost centre codes mapped',
          }),
        ],
        deals: [deal({ id: 'd9', status: 'lost', closeDate: daysAgo(10), lostReason: 'Budget cuts' })],
      }),
    },
    {
      name: 'names and price words only inside other words (rivalry, priceless, costume, lowcost)',
      snapshot: snapshot({
        engagements: [
          engagement({
            id: 'n1',
            type: 'note',
            at: daysAgo(3),
            text: 'Rival Corporation rivalry; priceless costume party, a lowcost option',
          }),
        ],
      }),
      tenant,
    },
    {
      name: 'our own outbound email about pricing',
      snapshot: snapshot({
        engagements: [engagement({ id: 'e1', direction: 'outbound', at: daysAgo(3), subject: 'Your 2027 pricing' })],
      }),
    },
    {
      name: 'a competitor named in a deal lost 91 days ago',
      snapshot: snapshot({
        deals: [deal({ id: 'd1', status: 'lost', closeDate: daysAgo(91), lostReason: 'Rival Corp' })],
      }),
      tenant,
    },
    {
      name: 'a reason on a deal that is not lost',
      snapshot: snapshot({ deals: [deal({ id: 'd1', status: 'won', closeDate: daysAgo(5), lostReason: 'price' })] }),
    },
    {
      name: 'a competitor named in a note dated in the future',
      snapshot: snapshot({
        engagements: [engagement({ id: 'n1', type: 'note', at: daysAhead(1), text: 'Rival Corp demo' })],
      }),
      tenant,
    },
    {
      name: 'a ticket about price without a creation date',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', subject: 'Price question', createdAt: null })] }),
    },
    {
      name: 'a competitor the tenant did not list',
      snapshot: snapshot({
        engagements: [engagement({ id: 'n1', type: 'note', at: daysAgo(3), text: 'Moving to Rival Corp' })],
      }),
    },
    {
      name: 'engagements without text or subject',
      snapshot: snapshot({ engagements: [engagement({ id: 'n1', type: 'note', at: daysAgo(3) })] }),
      tenant,
    },
    {
      name: 'a price word in a ticket 91 days old',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', subject: 'Pricing', createdAt: daysAgo(91) })] }),
    },
  ],
});
