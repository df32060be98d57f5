import type { Ticket } from '../../core/snapshot.ts';
import type { HubSpotObject } from './bundle.ts';
import { asString, propertyHistory } from './property-history.ts';
import { instant, str } from './property-values.ts';

// HubSpot's default support pipeline and its "Closed" stage.
const SUPPORT_PIPELINE = '0';
const CLOSED_STAGE = '4';

/** A HubSpot ticket → the snapshot's ticket. */
export function mapTicket(ticket: HubSpotObject): Ticket {
  const p = ticket.properties;
  const h = ticket.propertiesWithHistory;
  const closedDate = str(p.closed_date, h?.closed_date);
  const inSupportPipeline = p.hs_pipeline === SUPPORT_PIPELINE;
  const closedStage = inSupportPipeline && str(p.hs_pipeline_stage, h?.hs_pipeline_stage) === CLOSED_STAGE;
  return {
    id: ticket.id,
    subject: str(p.subject),
    content: str(p.content),
    priority: priority(p.hs_ticket_priority),
    category: str(p.hs_ticket_category),
    open: closedDate === null && p.hs_is_closed !== 'true' && !closedStage,
    createdAt: instant(p.createdate) ?? instant(ticket.createdAt),
    closedAt: instant(closedDate),
    reopenedAt: h === undefined ? null : reopenedAt(ticket, inSupportPipeline),
  };
}

function priority(value: string | null | undefined): Ticket['priority'] {
  switch (value) {
    case 'LOW':
    case 'low':
      return 'low';
    case 'MEDIUM':
    case 'medium':
      return 'medium';
    case 'HIGH':
    case 'high':
      return 'high';
    case 'URGENT':
    case 'urgent':
      return 'urgent';
    default:
      return null;
  }
}

/**
 * The latest moment the closed ticket became open again: its closed_date cleared after having a value, or (in the
 * support pipeline) its stage leaving "Closed". Null when it never happened or there is no history.
 */
function reopenedAt(ticket: HubSpotObject, inSupportPipeline: boolean): number | null {
  const h = ticket.propertiesWithHistory;
  let reopened: number | null = null;
  let wasClosed = false;
  for (const change of propertyHistory(h?.closed_date, asString)) {
    if (change.value === null && wasClosed) reopened = change.at;
    wasClosed = change.value !== null;
  }
  if (inSupportPipeline) {
    wasClosed = false;
    for (const change of propertyHistory(h?.hs_pipeline_stage, asString)) {
      const closed = change.value === CLOSED_STAGE;
      if (!closed && wasClosed && (reopened === null || change.at > reopened)) reopened = change.at;
      wasClosed = closed;
    }
  }
  return reopened;
}
