/**
 * Regex source matching any of `terms` as whole words, for a RegExp built with the `iu` flags (callers compile it
 * once, at module scope or in a cache). Word edges are Unicode letters, marks and digits, so non-ASCII names work
 * ("Müller" does not match inside "Müllerhaus"); an edge in a script written without spaces (Chinese, Japanese,
 * Thai) needs no boundary, so "价格" matches inside "价格太高了". Spaces in a term match any run of white space.
 * With `wildcards`, a trailing `*` lets the word go on ("complain*" matches complaint, complained); otherwise every
 * character is literal (tenant-provided names). Empty terms are dropped; no terms gives a pattern that never matches.
 */
export function keywordPattern(terms: readonly string[], wildcards = false): string {
  const alternatives: string[] = [];
  for (const raw of terms) {
    let term = raw.trim();
    const open = wildcards && term.endsWith('*');
    if (open) term = term.slice(0, -1).trimEnd();
    if (term === '') continue;
    const body = term.replace(SPECIAL, '\\$&').replace(SPACES, '\\s+');
    const chars = [...term];
    const first = chars[0] as string;
    const last = chars.at(-1) as string;
    const before = needsBoundary(first) ? `(?<!${WORD_CHAR})` : '';
    const after = open ? `\\p{L}*(?!${WORD_CHAR})` : needsBoundary(last) ? `(?!${WORD_CHAR})` : '';
    alternatives.push(`${before}${body}${after}`);
  }
  if (alternatives.length === 0) return '(?!)';
  // Longest first, so "Acme Cloud" wins over "Acme" at the same position.
  alternatives.sort((a, b) => b.length - a.length);
  return `(?:${alternatives.join('|')})`;
}

/**
 * A cheap pre-filter for `keywordPattern`: the same terms as plain literals, no word edges. A text it does not match
 * cannot match the full pattern, and V8 scans literal alternations far faster than ones guarded by Unicode
 * look-arounds (most texts mention no keyword at all). Compile with the `i` flag.
 */
export function keywordCandidates(terms: readonly string[], wildcards = false): string {
  const literals: string[] = [];
  for (const raw of terms) {
    let term = raw.trim();
    if (wildcards && term.endsWith('*')) term = term.slice(0, -1).trimEnd();
    if (term !== '') literals.push(term.replace(SPECIAL, '\\$&').replace(SPACES, '\\s+'));
  }
  return literals.length === 0 ? '(?!)' : literals.join('|');
}

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
const SPECIAL = /[.*+?^${}()|[\]\\]/g;
const SPACES = /\s+/g;
const IS_WORD = /[\p{L}\p{M}\p{N}]/u;
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

function needsBoundary(char: string): boolean {
  return IS_WORD.test(char) && !UNSPACED.test(char);
}
