import { parseWithZod } from '@conform-to/zod/v4';
import { describe, expect, it } from 'vitest';
import {
  checkbox,
  dollarsAsCents,
  dollarsToCents,
  durationToSeconds,
  list,
  revision,
  text,
  wholeNumber,
} from './form-schemas';
import { centsToDollars, formatDuration } from './format';
import { z } from './zod';

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('form schema fields', () => {
  it('reads dollars as exact cents, and refuses what is not a price', () => {
    expect(dollarsToCents('49')).toBe(4900);
    expect(dollarsToCents('$1,249.5')).toBe(124950);
    expect(dollarsToCents('0.07')).toBe(7);
    expect(dollarsToCents('')).toBe(0);
    for (const bad of ['-5', '4.999', 'ten', '.']) {
      expect(dollarsToCents(bad)).toMatch(/Enter a price/);
    }
    expect(dollarsToCents('123456789')).toBe('That price is too large.');
    expect(centsToDollars(124950)).toBe('1249.50');
    expect(centsToDollars(5)).toBe('0.05');
  });

  it('reads a video length as minutes:seconds, hours too, or whole minutes', () => {
    expect(durationToSeconds('12:30')).toBe(750);
    expect(durationToSeconds('1:02:03')).toBe(3723);
    expect(durationToSeconds('12')).toBe(720);
    expect(durationToSeconds(' ')).toBeNull();
    for (const bad of ['12:60', '1:60:00', '1:2:3:4', 'abc']) {
      expect(durationToSeconds(bad)).toMatch(/minutes:seconds/);
    }
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(750)).toBe('12:30');
  });

  it('parses a form through Conform: blanks, whole numbers, checkboxes, lists, a revision', () => {
    const schema = z.object({
      title: text(),
      price: dollarsAsCents(),
      seats: wholeNumber('Enter whole minutes.', 0),
      percent: wholeNumber('Enter a percentage.'),
      free: checkbox(),
      other: checkbox(),
      tags: list(z.string()),
      one: list(z.string()),
      none: list(z.string()),
      revision: revision(),
    });
    const ok = parseWithZod(
      form([
        ['title', '  Coding basics '],
        ['price', '$49.5'],
        ['seats', ''],
        ['percent', ' 80 '],
        ['free', 'on'],
        ['tags', 'a'],
        ['tags', 'b'],
        ['one', 'x'],
        ['revision', '7'],
      ]),
      { schema },
    );
    expect(ok.status).toBe('success');
    expect(ok.status === 'success' && ok.value).toEqual({
      title: 'Coding basics',
      price: 4950,
      seats: 0,
      percent: 80,
      free: true,
      other: false,
      tags: ['a', 'b'],
      one: ['x'],
      none: [],
      revision: 7,
    });
    const bad = parseWithZod(
      form([
        ['price', 'ten'],
        ['seats', '4.5'],
        ['percent', '-1'],
        ['revision', 'x'],
      ]),
      { schema },
    );
    expect(bad.status).toBe('error');
    expect(bad.reply().error).toEqual({
      price: ['Enter a price in dollars, like 49.00 (or 0 for free).'],
      seats: ['Enter whole minutes.'],
      percent: ['Enter a percentage.'],
    });
  });
});
