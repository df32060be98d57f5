import type { Account } from '../../core/snapshot.ts';
import type { HubSpotObject } from './bundle.ts';
import { asString, type Change, propertyHistory } from './property-history.ts';
import { prop } from './property-values.ts';

const ADDRESS_PARTS = ['address', 'city', 'state', 'zip', 'country'] as const;

/**
 * The company's address as one line ("address, city, state, zip, country") at each change of any part, oldest first,
 * from the parts' histories; [] when no part has history. A part without history keeps its current value throughout
 * (it never changed as far as we know); changes at the same instant form one entry; a line equal to the previous one
 * is not a change.
 */
export function addressHistory(company: HubSpotObject): Account['addressHistory'] {
  const histories: Change<string>[][] = [];
  const current: (string | null)[] = [];
  let any = false;
  for (const part of ADDRESS_PARTS) {
    const history = propertyHistory(company.propertiesWithHistory?.[part], asString);
    histories.push(history);
    if (history.length > 0) {
      any = true;
      current.push(null);
    } else {
      current.push(prop(company, part));
    }
  }
  if (!any) return [];

  const out: Account['addressHistory'] = [];
  const next = new Array<number>(ADDRESS_PARTS.length).fill(0);
  let previousLine: string | null | undefined;
  for (;;) {
    // The earliest pending change across the parts.
    let at = Number.POSITIVE_INFINITY;
    for (let p = 0; p < histories.length; p++) {
      const change = (histories[p] as Change<string>[])[next[p] as number];
      if (change !== undefined && change.at < at) at = change.at;
    }
    if (at === Number.POSITIVE_INFINITY) break;
    for (let p = 0; p < histories.length; p++) {
      const history = histories[p] as Change<string>[];
      let i = next[p] as number;
      while (i < history.length && (history[i] as Change<string>).at === at) {
        current[p] = (history[i] as Change<string>).value;
        i++;
      }
      next[p] = i;
    }
    const line = joinParts(current);
    if (line !== previousLine) {
      out.push({ value: line, at });
      previousLine = line;
    }
  }
  return out;
}

function joinParts(parts: readonly (string | null)[]): string | null {
  let line = '';
  for (const part of parts) {
    if (part === null) continue;
    const trimmed = part.trim();
    if (trimmed === '') continue;
    line = line === '' ? trimmed : `${line}, ${trimmed}`;
  }
  return line === '' ? null : line;
}
