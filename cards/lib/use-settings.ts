import type { AddAlertAction } from '@hubspot/ui-extensions';
import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ChurnApiError, type FieldIssue } from './churn-api-error.ts';
import type { SignalInfo } from './settings.ts';
import { fetchSettings, saveSettings } from './settings-api.ts';
import { draftFrom, editSetting, type SettingPath, type SettingsDraft } from './settings-draft.ts';

export type SettingsLoad =
  | { state: 'loading' }
  | { state: 'failed'; error: ChurnApiError }
  /** `saved`: the draft as last loaded or saved, what discarding the edits goes back to. */
  | { state: 'loaded'; draft: SettingsDraft; saved: SettingsDraft; catalog: SignalInfo[] };

export interface SettingsForm {
  load: SettingsLoad;
  reload(): Promise<void>;
  edit(path: SettingPath, value: unknown): void;
  save(): Promise<void>;
  discard(): void;
  saving: boolean;
  /** Why the last save was refused: the fields (400) or another error. Cleared by the next save. */
  saveError: ChurnApiError | null;
  issues: readonly FieldIssue[];
}

/** Loads the portal's settings, keeps the admin's edits, and saves them (the server validates and re-scores). */
export function useSettings(addAlert: AddAlertAction): SettingsForm {
  const [load, setLoad] = useState<SettingsLoad>({ state: 'loading' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ChurnApiError | null>(null);

  const reload = useCallback(async () => {
    setLoad({ state: 'loading' });
    try {
      const data = await fetchSettings();
      const draft = draftFrom(data);
      setLoad({ state: 'loaded', draft, saved: draft, catalog: data.signals });
    } catch (error) {
      setLoad({ state: 'failed', error: asApiError(error) });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const edit = (path: SettingPath, value: unknown) =>
    setLoad((current) =>
      current.state === 'loaded' ? { ...current, draft: editSetting(current.draft, path, value) } : current,
    );

  const save = async () => {
    if (load.state !== 'loaded') return;
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await saveSettings(load.draft.document);
      const draft = draftFrom(saved);
      setLoad((current) => (current.state === 'loaded' ? { ...current, draft, saved: draft } : current));
      addAlert({
        type: 'success',
        title: 'Settings saved',
        message: "Churn Signals is re-scoring this portal's companies with them; the cards update as it goes.",
      });
    } catch (error) {
      setSaveError(asApiError(error));
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    setSaveError(null);
    setLoad((current) => (current.state === 'loaded' ? { ...current, draft: current.saved } : current));
  };

  return { load, reload, edit, save, discard, saving, saveError, issues: saveError?.issues ?? [] };
}
