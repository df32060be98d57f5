import type { FieldIssue } from './churn-api-error.ts';
import type { EffectiveSettings, SettingsAnswer, SettingsDocument } from './settings.ts';

/**
 * The settings form's model. `document` is what is saved: the portal's document with the admin's edits, so a value
 * nobody set keeps following the product's default. `effective` is what the form shows: the settings in effect with
 * the same edits.
 */
export interface SettingsDraft {
  document: SettingsDocument;
  effective: EffectiveSettings;
  edited: boolean;
}

/** A field's place in the document, e.g. ['signals', 'gone_silent', 'weight']. */
export type SettingPath = readonly string[];

/** What each section of the settings form receives. */
export interface SettingsSectionProps {
  draft: SettingsDraft;
  /** The fields the server refused at the last save. */
  issues: readonly FieldIssue[];
  onEdit(path: SettingPath, value: unknown): void;
}

export function draftFrom(answer: SettingsAnswer): SettingsDraft {
  return { document: answer.settings, effective: answer.effective, edited: false };
}

/** The draft with `value` at `path`, in the document to save and in the settings shown. */
export function editSetting(draft: SettingsDraft, path: SettingPath, value: unknown): SettingsDraft {
  return {
    document: setIn(draft.document, path, value),
    effective: setIn(
      draft.effective as unknown as Record<string, unknown>,
      path,
      value,
    ) as unknown as EffectiveSettings,
    edited: true,
  };
}

/** The value shown at `path`. */
export function settingAt(draft: SettingsDraft, path: SettingPath): unknown {
  let value: unknown = draft.effective;
  for (const key of path) value = isRecord(value) ? value[key] : undefined;
  return value;
}

/**
 * The server's messages about a field, joined. Issue paths use the server's notation (`signals.gone_silent.weight`,
 * `quietMonths[0]`); an issue about a group (`levels`: "expected medium < high < critical") concerns each of its fields.
 */
export function fieldMessage(issues: readonly FieldIssue[], path: SettingPath): string | undefined {
  const field = path.join('.');
  const concerns = (issue: FieldIssue) =>
    issue.path === field ||
    issue.path.startsWith(`${field}.`) ||
    issue.path.startsWith(`${field}[`) ||
    (issue.path !== '' && field.startsWith(`${issue.path}.`));
  const messages = issues.filter(concerns).map((i) => i.message);
  return messages.length > 0 ? messages.join('; ') : undefined;
}

/** The props that show a field's errors on a HubSpot input. */
export function errorProps(issues: readonly FieldIssue[], path: SettingPath) {
  const message = fieldMessage(issues, path);
  return message === undefined
    ? { name: path.join('.') }
    : { name: path.join('.'), error: true, validationMessage: message };
}

function setIn(target: Record<string, unknown>, path: SettingPath, value: unknown): Record<string, unknown> {
  const [key, ...rest] = path;
  if (key === undefined) return target;
  const child = isRecord(target[key]) ? (target[key] as Record<string, unknown>) : {};
  return { ...target, [key]: rest.length === 0 ? value : setIn(child, rest, value) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
