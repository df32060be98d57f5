import { outsideAccess } from '../../src/signals/outside-access.ts';
import { contact, daysAgo, snapshot } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

/** A contact created `days` ago with that email domain and title (account domain: acme.com). */
const added = (id: string, days: number, emailDomain: string | null, title: string | null = null) =>
  contact({ id, createdAt: daysAgo(days), emailDomain, email: emailDomain ? `${id}@${emailDomain}` : null, title });
const old = contact({ id: 'o1', createdAt: daysAgo(400), emailDomain: 'acme.com' });

signalTable(outsideAccess, {
  fires: [
    {
      name: 'new contact from another company domain',
      snapshot: snapshot({ contacts: [old, added('n1', 5, 'wpp.com', 'Account Director')] }),
      minStrength: 0.6,
      maxStrength: 0.6,
      evidenceIds: ['n1'],
    },
    {
      name: 'new contact on the company domain with a consultant title: full strength',
      snapshot: snapshot({ contacts: [old, added('n2', 3, 'acme.com', 'Senior SEM Consultant')] }),
      minStrength: 1,
      evidenceIds: ['n2'],
    },
    {
      name: 'free-mail contacts with Chinese agency and adviser titles',
      snapshot: snapshot({ contacts: [added('n3', 2, 'qq.com', '广告代理'), added('n4', 9, 'gmail.com', '营销顾问')] }),
      minStrength: 1,
      evidenceIds: ['n3', 'n4'],
    },
    {
      name: 'no account domain: the title rule still applies',
      snapshot: snapshot({
        account: { domain: null },
        contacts: [added('n5', 1, 'wpp.com', 'Agency Account Manager')],
      }),
      evidenceIds: ['n5'],
    },
    {
      name: 'two outside-domain contacts: stronger than one',
      snapshot: snapshot({ contacts: [added('n1', 5, 'wpp.com'), added('n6', 30, 'omc.com')] }),
      minStrength: 0.79,
      maxStrength: 0.81,
      evidenceIds: ['n1', 'n6'],
    },
    {
      name: 'domain taken from the email address when emailDomain is missing',
      snapshot: snapshot({ contacts: [contact({ id: 'n7', createdAt: daysAgo(4), email: 'Ann@PartnerCo.io' })] }),
      evidenceIds: ['n7'],
    },
    {
      name: 'a longer window from the tenant config',
      snapshot: snapshot({ contacts: [added('n1', 45, 'wpp.com')] }),
      thresholds: { withinDays: 60 },
    },
    {
      name: 'a domain that merely ends like the company’s is not a subdomain',
      snapshot: snapshot({ contacts: [added('n9', 5, 'notacme.com')] }),
      evidenceIds: ['n9'],
    },
    {
      name: 'tenant empties the free-mail list',
      snapshot: snapshot({ contacts: [added('n8', 5, 'gmail.com')] }),
      thresholds: { freeMailDomains: [] },
    },
  ],
  quiet: [
    {
      name: 'new contacts on the company domain and its subdomains',
      snapshot: snapshot({ contacts: [added('n1', 5, 'acme.com', 'Buyer'), added('n2', 6, 'eu.acme.com')] }),
    },
    {
      name: 'new contacts on free-mail domains',
      snapshot: snapshot({
        contacts: [added('n1', 5, 'gmail.com'), added('n2', 6, 'qq.com'), added('n3', 7, 'vip.163.com')],
      }),
    },
    {
      name: 'outside contact created 31 days ago',
      snapshot: snapshot({ contacts: [added('n1', 31, 'wpp.com', 'Consultant')] }),
    },
    {
      name: 'outside contact dated in the future',
      snapshot: snapshot({ contacts: [added('n1', -1, 'wpp.com', 'Consultant')] }),
    },
    {
      name: 'contact without a creation date (missing data)',
      snapshot: snapshot({ contacts: [contact({ id: 'n1', emailDomain: 'wpp.com', title: 'Consultant' })] }),
    },
    {
      name: 'no account domain and an ordinary title',
      snapshot: snapshot({ account: { domain: null }, contacts: [added('n1', 5, 'wpp.com', 'Marketing Manager')] }),
    },
    {
      name: 'the firm’s own partners, partnerships team and acting general manager',
      snapshot: snapshot({
        contacts: [
          added('n1', 5, 'acme.com', 'Managing Partner'),
          added('n2', 5, 'acme.com', 'Partnerships Manager'),
          added('n3', 5, 'acme.com', '代理总经理'),
        ],
      }),
    },
  ],
});
