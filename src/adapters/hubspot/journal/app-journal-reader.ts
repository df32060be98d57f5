import { type AppJournalApiOptions, appJournalApi } from './app-journal-api.ts';
import { JOURNAL_READ_SCOPES } from './client-credentials-token.ts';
import { createJournalReader, type JournalReader } from './create-journal-reader.ts';

export type AppJournalReaderOptions = AppJournalApiOptions;

/** The app's journal reader, on the journal's API client (app-journal-api.ts) with the journal read scope. */
export function appJournalReader(options: AppJournalReaderOptions): JournalReader {
  return createJournalReader({
    api: appJournalApi(options, JOURNAL_READ_SCOPES),
    appId: options.env.HUBSPOT_APP_ID,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
