/** The date of an ISO instant, as the server wrote it (YYYY-MM-DD, UTC): the same for every reader of the card. */
export function isoDay(instant: string): string {
  return instant.slice(0, 10);
}

/** `gone_silent` or `minSilenceDays` as words: "Gone silent", "Min silence days". */
export function humanize(name: string): string {
  const words = name
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "1 point", "12.5 points". */
export function points(value: number): string {
  return `${value} ${value === 1 ? 'point' : 'points'}`;
}

/** The non-empty, trimmed lines of a text area: how lists (competitors, domains) are typed in. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
