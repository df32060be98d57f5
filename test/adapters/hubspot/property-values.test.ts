import { describe, expect, it } from 'vitest';
import { instant, num, stripTags } from '../../../src/adapters/hubspot/property-values.ts';
import { parseInstant } from '../../../src/core/time.ts';

describe('instant', () => {
  it('agrees with parseInstant on HubSpot shapes and on everything else', () => {
    const samples = [
      '2026-10-22T09:00:00.000Z',
      '2026-10-22T09:00:00Z',
      '2026-12-31',
      '2024-02-29',
      '2026-02-30',
      '1969-12-31T23:59:59.999Z',
      '0000-01-01',
      '0000-02-29T12:00:00Z',
      '9999-12-31T23:59:59.999Z',
      '1761580800000',
      '0',
      '-5',
      '2026-10-22T09:00:00.1Z',
      '2026-10-22T09:00:00+02:00',
      '2026-10-22T24:00:00Z',
      '2026-10-22T09:00:60Z',
      '2026-13-01',
      '2026-00-10',
      '2026-10-32',
      '2026-1-1',
      '2026/10/22',
      '20261022',
      'soon',
      '',
    ];
    for (const value of samples) expect([value, instant(value)]).toEqual([value, parseInstant(value)]);
    expect(instant(null)).toBeNull();
    expect(instant(undefined)).toBeNull();
  });

  it('agrees with parseInstant on random dates and times', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    for (let i = 0; i < 5000; i++) {
      const date = `${pad(random(10000), 4)}-${pad(random(14), 2)}-${pad(random(33), 2)}`;
      const time = `${pad(random(25), 2)}:${pad(random(61), 2)}:${pad(random(61), 2)}`;
      for (const value of [date, `${date}T${time}Z`, `${date}T${time}.${pad(random(1000), 3)}Z`]) {
        expect(instant(value)).toBe(parseInstant(value));
      }
    }
  });
});

describe('num', () => {
  it('parses numbers; empty or not a finite number is null', () => {
    expect([num('42'), num('-1.5'), num('1e3'), num(''), num('  '), num('abc'), num('Infinity'), num(null)]).toEqual([
      42,
      -1.5,
      1000,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('stripTags', () => {
  it('turns HubSpot HTML into plain text', () => {
    expect(stripTags('<div><p>Hi Maria,</p><p>Here&#39;s the deck &amp; notes.</p></div>')).toBe(
      "Hi Maria,\nHere's the deck & notes.",
    );
    expect(stripTags('one<br>two<br/>three<BR />four')).toBe('one\ntwo\nthree\nfour');
    expect(stripTags('<ul><li>a</li><li>b</li></ul>')).toBe('a\nb');
    expect(stripTags('<style>p { color: red }</style>kept <script>alert(1)</script>text')).toBe('kept text');
    expect(stripTags('&lt;b&gt; &quot;q&quot; &#x41;&#65; a&nbsp;&nbsp;b')).toBe('<b> "q" AA a b');
    expect(stripTags('AT&T &unknown; x < y')).toBe('AT&T &unknown; x < y');
    expect(stripTags('  <p>  spaced   out  </p>  ')).toBe('spaced out');
  });

  it('returns plain text unchanged and empty bodies as null', () => {
    expect(stripTags('Left voicemail')).toBe('Left voicemail');
    expect(stripTags('<p></p>')).toBeNull();
    expect(stripTags('')).toBeNull();
    expect(stripTags(null)).toBeNull();
  });
});
