import { hubspot } from '@hubspot/ui-extensions';
import { RiskCard } from './components/risk-card.tsx';

// The card of manifest/cards/company-risk-card-hsmeta.json (company records, location crm.record.tab).
hubspot.extend<'crm.record.tab'>(({ context, actions }) => (
  <RiskCard companyId={String(context.crm.objectId)} addAlert={actions.addAlert} />
));
