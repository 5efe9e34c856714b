import { z } from './zod';

/**
 * Building blocks of the web's form schemas (Conform parses FormData with them, on the server).
 * Conform hands the schema `undefined` for an empty field, a number/boolean converted by the
 * schema's type, and a list for a repeated name. Pure: no environment access.
 */

/** A text field; empty is ''. Trimmed unless `raw`. */
export const text = () => z.string().trim().default('');
export const rawText = () => z.string().default('');

/** A required text field: missing or only spaces is the same mistake, with one message. */
export const required = (message: string) =>
  z.string({ error: message }).trim().min(1, { error: message });

/** A checkbox: ticked is true. */
export const checkbox = () => z.boolean().default(false);

/** The course revision the page showed; unreadable is -1 (the API then reports a conflict). */
export const revision = () => z.number().int().min(0).catch(-1);

/** A list of a repeated field's values (one value arrives as a string, none as undefined). */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(item),
  );

/** One of the options of a select, with the message when it is something else. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, { error: message });

/** The largest price the API accepts is $10,000; this only bounds the digits we parse. */
const MAX_DOLLAR_DIGITS = 7;

/**
 * "49" → 4900, "49.5" → 4950, "$1,249.00" → 124900, "" → 0 (free). Anything else (negative,
 * three decimals, letters) is an error. String arithmetic only: "49.00" is exactly 4900 cents.
 */
export const dollarsAsCents = () =>
  z
    .string()
    .default('')
    .transform((input, context) => {
      const value = dollarsToCents(input);
      if (typeof value === 'string') {
        context.addIssue({ code: 'custom', message: value });
        return z.NEVER;
      }
      return value;
    });

/** Cents, or the message saying what is wrong with the price. */
export function dollarsToCents(input: string): number | string {
  const digits = input
    .trim()
    .replace(/^\$\s*/, '')
    .replaceAll(',', '');
  if (digits === '') return 0;
  const match = /^(\d+)?(?:\.(\d{0,2}))?$/.exec(digits);
  if (!match || (!match[1] && !match[2])) {
    return 'Enter a price in dollars, like 49.00 (or 0 for free).';
  }
  const whole = (match[1] ?? '0').replace(/^0+(?=\d)/, '');
  if (whole.length > MAX_DOLLAR_DIGITS) return 'That price is too large.';
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return Number.parseInt(`${whole}${fraction}`, 10);
}

/** Video length: "12:30" → 750, "1:02:03" → 3723, "12" (minutes) → 720, "" → null. */
export const durationSeconds = () =>
  z
    .string()
    .default('')
    .transform((input, context) => {
      const value = durationToSeconds(input);
      if (typeof value === 'string') {
        context.addIssue({ code: 'custom', message: value });
        return z.NEVER;
      }
      return value;
    });

/** Seconds (null when blank), or the message saying what is wrong. */
export function durationToSeconds(input: string): number | null | string {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  const error = 'Enter the length as minutes:seconds, like 12:30.';
  if (/^\d{1,4}$/.test(trimmed)) return Number.parseInt(trimmed, 10) * 60;
  const parts = trimmed.split(':');
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => !/^\d{1,4}$/.test(part))) {
    return error;
  }
  const numbers = parts.map((part) => Number.parseInt(part, 10));
  const [seconds = 0, minutes = 0, hours = 0] = numbers.reverse();
  if (seconds > 59 || (parts.length === 3 && minutes > 59)) return error;
  return hours * 3600 + minutes * 60 + seconds;
}

/**
 * A whole number typed in a text field ("42", not "4.2" or "-1"); blank is `blank` (undefined
 * unless given; 'required' makes blank the same mistake). Read from the text so "4.0" or "1e3"
 * are refused.
 */
export function wholeNumber(
  message: string,
  blank: 'required',
): z.ZodType<number, string | undefined>;
export function wholeNumber(message: string, blank: number): z.ZodType<number, string | undefined>;
export function wholeNumber(message: string): z.ZodType<number | undefined, string | undefined>;
export function wholeNumber(
  message: string,
  blank?: number | 'required',
): z.ZodType<number | undefined, string | undefined> {
  return z
    .string()
    .trim()
    .optional()
    .transform((input, context) => {
      if (input === undefined || input === '') {
        if (blank !== 'required') return blank;
        context.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      if (!/^\d{1,9}$/.test(input)) {
        context.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return Number.parseInt(input, 10);
    });
}

/** The confirmation checkbox of an act that cannot be undone (see utils/confirm.ts). */
export const confirmed = (message: string) => z.literal('yes', { error: message });

/** One of a select's options (`{ value, label }` lists of teach-options.ts). */
export const optionOf = <const T extends readonly { value: string }[]>(
  options: T,
  message: string,
) =>
  z.enum(
    options.map((option) => option.value) as unknown as [
      T[number]['value'],
      ...T[number]['value'][],
    ],
    { error: message },
  );
