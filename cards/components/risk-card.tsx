import {
  type AddAlertAction,
  Button,
  EmptyState,
  ErrorState,
  Flex,
  LoadingButton,
  LoadingSpinner,
  Text,
} from '@hubspot/ui-extensions';
import { useCompanyRisk } from '../lib/use-company-risk.ts';
import { useRiskActions } from '../lib/use-risk-actions.ts';
import { RiskOverview } from './risk-overview.tsx';
import { RiskReasons } from './risk-reasons.tsx';
import { SnoozedSignals } from './snoozed-signals.tsx';

export interface RiskCardProps {
  /** The company record the card is on (context.crm.objectId). */
  companyId: string;
  /** HubSpot's alert banner (actions.addAlert): where the actions report their outcome. */
  addAlert: AddAlertAction;
}

/** The churn risk card of a company record: loading, not scored yet, scored, or the error that kept it from loading. */
export function RiskCard({ companyId, addAlert }: RiskCardProps) {
  const { load, reload } = useCompanyRisk(companyId);
  const actions = useRiskActions(companyId, addAlert, reload);

  const recalculateButton = (
    <LoadingButton
      testId="recalculate"
      variant="secondary"
      size="sm"
      loading={actions.recalculating}
      onClick={() => void actions.recalculate()}
    >
      Recalculate now
    </LoadingButton>
  );

  if (load.state === 'loading') {
    return <LoadingSpinner label="Loading the churn risk" showLabel layout="centered" />;
  }
  if (load.state === 'failed') {
    return (
      <ErrorState title="Could not load the churn risk">
        <Text>{load.error.message}</Text>
        <Button testId="retry" onClick={() => void reload()}>
          Try again
        </Button>
      </ErrorState>
    );
  }
  const { risk } = load;
  if (risk.status === 'not_scored') {
    return (
      <EmptyState title="Not scored yet" imageName="companies" layout="vertical">
        <Text>
          Churn Signals has not assessed this company yet: the first scan of the portal may still be running, or no
          change has come in for it so far.
        </Text>
        {recalculateButton}
      </EmptyState>
    );
  }
  return (
    <Flex direction="column" gap="md">
      <RiskOverview risk={risk} />
      <RiskReasons reasons={risk.reasons} snoozes={risk.snoozes} actions={actions} />
      <SnoozedSignals reasons={risk.reasons} snoozes={risk.snoozes} />
      <Flex justify="end">{recalculateButton}</Flex>
    </Flex>
  );
}
