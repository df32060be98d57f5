import { type Instant, parseInstant } from '../../core/time.ts';
import type { HubSpotObject, HubSpotValueWithTimestamp } from './bundle.ts';

/**
 * Reading HubSpot property values (always strings on the wire). A value HubSpot did not give, or gave empty, is null.
 * These run for every property of every record on every change: callers read `properties.<name>` by name (a named
 * load is several times cheaper than `properties[name]` on records of many shapes), and the common paths here avoid
 * regexes and allocations.
 */

type History = readonly HubSpotValueWithTimestamp[] | undefined;

/**
 * A string property: '' → null. When HubSpot sent no value but the property's history (a property requested only with
 * history), the newest history entry.
 */
export function str(value: string | null | undefined, history?: History): string | null {
  if (value !== undefined) return value === '' ? null : value;
  return history === undefined ? null : newestInHistory(history);
}

/** A property named at run time (the admin's mappings): `properties[name]`, with the same fallback as `str`. */
export function prop(obj: HubSpotObject, name: string): string | null {
  return str(obj.properties[name], obj.propertiesWithHistory?.[name]);
}

function newestInHistory(history: readonly HubSpotValueWithTimestamp[]): string | null {
  let newest: HubSpotValueWithTimestamp | undefined;
  let newestAt = Number.NEGATIVE_INFINITY;
  for (const entry of history) {
    const at = instant(entry.timestamp) ?? Number.NEGATIVE_INFINITY;
    if (newest === undefined || at > newestAt) {
      newest = entry;
      newestAt = at;
    }
  }
  return newest === undefined || newest.value === '' ? null : newest.value;
}

/** A number written as a string: '', null, or anything that is not a finite number → null. */
export function num(value: string | null | undefined): number | null {
  if (value == null || value === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n)) return null;
  if (n === 0 && value.trim() === '') return null;
  return n;
}

/** HubSpot booleans: 'true' / 'false'; anything else → null. */
export function bool(value: string | null | undefined): boolean | null {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return null;
}

/**
 * An instant: ISO date-time, date, or epoch milliseconds as HubSpot writes them; null when it is not a time. Exactly
 * core/time.ts parseInstant, with a fast path for HubSpot's usual shapes (`2026-09-01`, `2026-09-01T12:00:00Z`,
 * `2026-09-01T12:00:00.000Z`, `1788264000000`): Date.parse is the mapping's main cost otherwise.
 */
export function instant(value: string | null | undefined): Instant | null {
  if (value == null) return null;
  const length = value.length;
  if (length === 10 || length === 20 || length === 24) {
    const fast = fastIso(value, length);
    if (fast !== null) return fast;
  } else if (length > 0 && length < 16 && allDigits(value, length)) {
    return Number(value);
  }
  return parseInstant(value);
}

function allDigits(value: string, length: number): boolean {
  for (let i = 0; i < length; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
  }
  return true;
}

/** The two digits at `at` as a number; -1 when either is not a digit. */
function twoDigits(value: string, at: number): number {
  const tens = value.charCodeAt(at) - 48;
  const ones = value.charCodeAt(at + 1) - 48;
  return tens >>> 0 > 9 || ones >>> 0 > 9 ? -1 : tens * 10 + ones;
}

/** UTC `YYYY-MM-DD[THH:MM:SS[.sss]Z]`, with the ranges Date.parse accepts (day 1–31 rolls over like it does); else null. */
function fastIso(value: string, length: number): Instant | null {
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null; // '-'
  const century = twoDigits(value, 0);
  const yy = twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  let ms = 0;
  if (length !== 10) {
    if (value.charCodeAt(10) !== 84 || value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) return null; // T : :
    if (value.charCodeAt(length - 1) !== 90) return null; // Z
    const hour = twoDigits(value, 11);
    const minute = twoDigits(value, 14);
    const second = twoDigits(value, 17);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
    ms = ((hour * 60 + minute) * 60 + second) * 1000;
    if (length === 24) {
      const hundreds = value.charCodeAt(20) - 48;
      const rest = twoDigits(value, 21);
      if (value.charCodeAt(19) !== 46 || hundreds >>> 0 > 9 || rest < 0) return null; // '.'
      ms += hundreds * 100 + rest;
    }
  }
  // Days from 1970-01-01 to the civil date (H. Hinnant's days_from_civil); y ≥ -1, so era ≥ -1.
  const y = century * 100 + yy - (month <= 2 ? 1 : 0);
  const era = y >= 0 ? (y / 400) | 0 : -1;
  const yoe = y - era * 400;
  const doy = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return (era * 146097 + doe - 719468) * 86_400_000 + ms;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const BLOCK_ENDS = new Set(['br', 'br/', '/p', '/div', '/li', '/tr', '/h1', '/h2', '/h3', '/h4', '/h5', '/h6']);

/**
 * Plain text from HubSpot's HTML bodies, in one pass: tags dropped (line breaks and block ends become newlines,
 * script/style content dropped), entities decoded, runs of spaces collapsed, trimmed; '' → null.
 */
export function stripTags(html: string | null | undefined): string | null {
  if (html == null || html === '') return null;
  if (html.indexOf('<') === -1 && html.indexOf('&') === -1) return html;
  let out = '';
  let pending = ''; // whitespace seen since the last text: '', ' ' or '\n'
  let i = 0;
  const length = html.length;
  const emit = (piece: string) => {
    if (pending !== '' && out !== '') out += pending;
    pending = '';
    out += piece;
  };
  while (i < length) {
    const c = html.charCodeAt(i);
    if (c === 60 /* < */) {
      const close = html.indexOf('>', i + 1);
      if (close === -1) {
        emit(html.slice(i));
        break;
      }
      const name = tagName(html, i + 1, close);
      if (name === 'script' || name === 'style') {
        const end = html.toLowerCase().indexOf(`</${name}`, close);
        const endClose = end === -1 ? -1 : html.indexOf('>', end);
        i = endClose === -1 ? length : endClose + 1;
        continue;
      }
      if (BLOCK_ENDS.has(name)) pending = '\n';
      i = close + 1;
    } else if (c === 38 /* & */) {
      const semi = html.indexOf(';', i + 1);
      const decoded = semi !== -1 && semi - i <= 10 ? entity(html.slice(i + 1, semi)) : null;
      if (decoded === null) {
        emit('&');
        i++;
      } else {
        if (decoded === ' ') {
          if (pending === '') pending = ' ';
        } else emit(decoded);
        i = semi + 1;
      }
    } else if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 160) {
      if (pending === '') pending = ' ';
      i++;
    } else if (c === 10) {
      pending = '\n';
      i++;
    } else {
      let j = i + 1;
      while (j < length) {
        const d = html.charCodeAt(j);
        if (d === 60 || d === 38 || d === 32 || d === 9 || d === 10 || d === 13 || d === 12 || d === 11 || d === 160)
          break;
        j++;
      }
      emit(html.slice(i, j));
      i = j;
    }
  }
  return out === '' ? null : out;
}

/** The lower-case name of the tag between `<` and `>`, with a leading `/` for end tags and `br/` for `<br/>`. */
function tagName(html: string, from: number, to: number): string {
  let end = from;
  if (html.charCodeAt(end) === 47) end++; // '/'
  while (end < to) {
    const c = html.charCodeAt(end) | 32;
    if ((c < 97 || c > 122) && (c < 48 || c > 57)) break;
    end++;
  }
  const name = html.slice(from, end).toLowerCase();
  return name === 'br' && html.charCodeAt(end) === 47 ? 'br/' : name;
}

function entity(name: string): string | null {
  if (name.charCodeAt(0) === 35 /* # */) {
    const hex = name.charCodeAt(1) === 120 || name.charCodeAt(1) === 88;
    const code = hex ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return Number.isInteger(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : null;
  }
  return ENTITIES[name.toLowerCase()] ?? null;
}
