/** A file is a few KB; a download slower than this is a stalled connection. */
const TIMEOUT_MS = 15_000;

/** A journal file that could not be had: the catch-up stops there and tries the same offset again next round. */
export class JournalDownloadError extends Error {
  override name = 'JournalDownloadError';
  readonly offset: string;
  /** The HTTP status; null when no answer came back. */
  readonly status: number | null;

  constructor(offset: string, status: number | null, reason: string, options?: ErrorOptions) {
    super(
      `could not download the Webhooks Journal file of offset ${offset}: ${reason}; ` +
        'the catch-up reads this offset again next round',
      options,
    );
    this.offset = offset;
    this.status = status;
  }
}

/**
 * The JSON behind a journal entry's `url`: a temporary pre-signed link, fetched without an Authorization header
 * (https://developers.hubspot.com/docs/api-reference/2026-03/webhooks-journal/journal-entries/guide). The link is a
 * credential itself, so it never goes into an error or a log line; the offset names the file instead.
 */
export async function downloadJournalFile(
  entry: { offset: string; url: string },
  fetchFn: typeof fetch = globalThis.fetch,
): Promise<unknown> {
  let response: Response;
  let text: string;
  try {
    response = await fetchFn(entry.url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    throw new JournalDownloadError(entry.offset, null, 'no response (network error or timeout)', { cause: error });
  }
  if (!response.ok) {
    const reason = response.status >= 500 ? 'the storage failed' : 'its link has expired or was refused';
    throw new JournalDownloadError(entry.offset, response.status, `HTTP ${response.status}, ${reason}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new JournalDownloadError(entry.offset, response.status, 'the file is not JSON');
  }
}
