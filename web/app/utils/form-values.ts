/**
 * Form value conversions shared by the teach and profile pages (pure: no environment access).
 * Money is parsed with string arithmetic only, so "49.00" is exactly 4900 cents.
 */

/** The largest price the API accepts is $10,000; this only bounds the digits we parse. */
const MAX_DOLLAR_DIGITS = 7;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * "49" → 4900, "49.5" → 4950, "$1,249.00" → 124900, "" → 0. Anything else (negative, three
 * decimals, letters) is an error. No floating point is involved.
 */
export function parseDollarsToCents(input: string): ParseResult<number> {
  const text = input
    .trim()
    .replace(/^\$\s*/, '')
    .replaceAll(',', '');
  if (text === '') return { ok: true, value: 0 };
  const match = /^(\d+)?(?:\.(\d{0,2}))?$/.exec(text);
  if (!match || (!match[1] && !match[2])) {
    return { ok: false, error: 'Enter a price in dollars, like 49.00 (or 0 for free).' };
  }
  const whole = (match[1] ?? '0').replace(/^0+(?=\d)/, '');
  if (whole.length > MAX_DOLLAR_DIGITS) {
    return { ok: false, error: 'That price is too large.' };
  }
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return { ok: true, value: Number.parseInt(`${whole}${fraction}`, 10) };
}

/** 4900 → "49.00", 5 → "0.05" (for a price input's value). */
export function centsToDollars(cents: number): string {
  const digits = String(Math.abs(Math.trunc(cents))).padStart(3, '0');
  return `${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * Video length: "12:30" → 750, "1:02:03" → 3723, "12" (minutes) → 720, "" → null.
 */
export function parseDuration(input: string): ParseResult<number | null> {
  const text = input.trim();
  if (text === '') return { ok: true, value: null };
  const error = 'Enter the length as minutes:seconds, like 12:30.';
  if (/^\d{1,4}$/.test(text)) return { ok: true, value: Number.parseInt(text, 10) * 60 };
  const parts = text.split(':');
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => !/^\d{1,4}$/.test(part))) {
    return { ok: false, error };
  }
  const numbers = parts.map((part) => Number.parseInt(part, 10));
  const [seconds = 0, minutes = 0, hours = 0] = numbers.reverse();
  if (seconds > 59 || (parts.length === 3 && minutes > 59)) return { ok: false, error };
  return { ok: true, value: hours * 3600 + minutes * 60 + seconds };
}

/** 750 → "12:30", 3723 → "1:02:03". */
export function formatDuration(totalSeconds: number | null | undefined): string {
  if (totalSeconds == null) return '';
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** A whole number from a form field, or null when blank or not a whole number. */
export function parseWholeNumber(input: string): number | null {
  const text = input.trim();
  return /^\d{1,9}$/.test(text) ? Number.parseInt(text, 10) : null;
}

/** "2026-01-01T00:00:00.000Z" → "2026-01-01" for <input type="date">. */
export function dateInputValue(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}
