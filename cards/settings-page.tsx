import { hubspot } from '@hubspot/ui-extensions';
import { SettingsEditor } from './components/settings-editor.tsx';

// The app settings page of manifest/settings/settings-page-hsmeta.json (location settings).
hubspot.extend<'settings'>(({ actions }) => <SettingsEditor addAlert={actions.addAlert} />);
