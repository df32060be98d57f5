import {
  type AddAlertAction,
  Alert,
  Button,
  ButtonRow,
  Divider,
  ErrorState,
  Flex,
  Heading,
  List,
  LoadingButton,
  LoadingSpinner,
  Text,
} from '@hubspot/ui-extensions';
import { useSettings } from '../lib/use-settings.ts';
import { AccountSettings } from './account-settings.tsx';
import { ScoringSettings } from './scoring-settings.tsx';
import { SignalSettings } from './signal-settings.tsx';

/** The admin's settings page: every setting of the portal, saved together (the server validates and re-scores). */
export function SettingsEditor({ addAlert }: { addAlert: AddAlertAction }) {
  const form = useSettings(addAlert);
  const { load } = form;
  if (load.state === 'loading') {
    return <LoadingSpinner label="Loading the settings" showLabel layout="centered" />;
  }
  if (load.state === 'failed') {
    return (
      <ErrorState title="Could not load the settings">
        <Text>{load.error.message}</Text>
        <Button testId="retry" onClick={() => void form.reload()}>
          Try again
        </Button>
      </ErrorState>
    );
  }
  const section = { draft: load.draft, issues: form.issues, onEdit: form.edit };
  const { saveError } = form;
  return (
    <Flex direction="column" gap="md">
      <Text>
        How Churn Signals scores this portal's companies. Saving re-scores every company with the new settings.
      </Text>
      {saveError && (
        <Alert testId="save-error" title="Settings not saved" variant="error">
          {saveError.issues.length === 0 ? (
            saveError.message
          ) : (
            <List>
              {saveError.issues.map((issue) => (
                <Text key={`${issue.path}: ${issue.message}`}>
                  {issue.path || 'settings'}: {issue.message}
                </Text>
              ))}
            </List>
          )}
        </Alert>
      )}
      <Heading>Signals</Heading>
      <Text variant="microcopy">
        Turn each warning sign on or off, and set how many points it adds and when it fires.
      </Text>
      <SignalSettings catalog={load.catalog} {...section} />
      <Divider />
      <Heading>Risk levels, trend and tasks</Heading>
      <ScoringSettings {...section} />
      <Divider />
      <Heading>Properties, CS lead, season and competitors</Heading>
      <AccountSettings {...section} />
      <Divider />
      <ButtonRow>
        <LoadingButton testId="save" variant="primary" loading={form.saving} onClick={() => void form.save()}>
          Save settings
        </LoadingButton>
        <Button testId="discard" disabled={!load.draft.edited || form.saving} onClick={form.discard}>
          Discard changes
        </Button>
      </ButtonRow>
    </Flex>
  );
}
