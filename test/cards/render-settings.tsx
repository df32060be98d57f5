import { type hubspot, LoadingButton } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { expect, type MockInstance } from 'vitest';
import { SettingsEditor } from '../../cards/components/settings-editor.tsx';
import { jsonResponse } from './risk-fixtures.ts';
import { settingsAnswer } from './settings-fixtures.ts';

/** The portal saved this before: the page, and a save, must keep it when the admin changes something else. */
export const SAVED_BEFORE = { signals: { training_gap: { enabled: false } }, tasks: { minPoints: 15 } };

/** The settings page rendered with `saved` loaded through the (mocked) hubspot.fetch, its form ready. */
export async function renderLoadedSettings(
  fetchSpy: MockInstance<typeof hubspot.fetch>,
  saved: Record<string, unknown> = SAVED_BEFORE,
) {
  fetchSpy.mockResolvedValueOnce(jsonResponse(200, settingsAnswer(saved)));
  const renderer = createRenderer('settings');
  renderer.render(<SettingsEditor addAlert={renderer.mocks.actions.addAlert} />);
  await renderer.waitFor(() => expect(renderer.maybeFindByTestId(LoadingButton, 'save')).not.toBeNull());
  return renderer;
}
