import type { Deal } from '../../core/snapshot.ts';
import type { HubSpotObject } from './bundle.ts';
import { asString, lastChangedAt, propertyHistory } from './property-history.ts';
import { instant, num, str } from './property-values.ts';

const RENEWAL_NAME = /renew|续约|续费/i;

/** A HubSpot deal → the snapshot's deal. */
export function mapDeal(deal: HubSpotObject): Deal {
  const p = deal.properties;
  const h = deal.propertiesWithHistory;
  const name = str(p.dealname);
  const stage = str(p.dealstage, h?.dealstage);
  const won = p.hs_is_closed_won === 'true' || stage === 'closedwon';
  const lost = !won && (stage === 'closedlost' || p.hs_is_closed === 'true');
  return {
    id: deal.id,
    name,
    amount: num(str(p.amount, h?.amount)),
    amountHistory: propertyHistory(h?.amount, num),
    stage,
    status: won ? 'won' : lost ? 'lost' : 'open',
    isRenewal: str(p.dealtype)?.toLowerCase() === 'renewal' || (name !== null && RENEWAL_NAME.test(name)),
    closeDate: instant(p.closedate),
    createdAt: instant(p.createdate) ?? instant(deal.createdAt),
    lostReason: str(p.closed_lost_reason),
    stageChangedAt: lastChangedAt(propertyHistory(h?.dealstage, asString)),
  };
}
