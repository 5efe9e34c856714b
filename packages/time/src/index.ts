/**
 * Dates and times for people: IANA time zones, the local calendar day of an instant, and
 * locale formatting of instants in a zone. Pure (Intl only, no environment access): used by the
 * core (credit days), the PDFs (certificate, transcript, receipt) and the mail templates.
 */

/** Where a zone is unknown or unset: the demo provider's zone (see docs/domain.md, "Time zones"). */
export const DEFAULT_TIME_ZONE = 'America/New_York';

/** Formatting locale of dates and times (the product's texts are US English). */
export const DEFAULT_LOCALE = 'en-US';

const validZones = new Map<string, boolean>();

/** Whether `name` is an IANA time-zone name this runtime knows (e.g. "America/Chicago", "UTC"). */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  const known = validZones.get(name);
  if (known !== undefined) return known;
  let valid = true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
  } catch {
    valid = false;
  }
  validZones.set(name, valid);
  return valid;
}

let zoneList: string[] | null = null;

/** Every IANA zone name of the runtime (canonical names, sorted), plus "UTC". */
export function timeZoneNames(): string[] {
  if (!zoneList) {
    const zones = new Set(Intl.supportedValuesOf('timeZone'));
    zones.add('UTC');
    zoneList = [...zones].sort();
  }
  return zoneList;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The Intl formatter of one style in one locale and zone, made once and kept. */
function formatter(
  style: string,
  locale: string,
  timeZone: string,
  styleOptions: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${style}|${locale}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, ...styleOptions });
    formats.set(key, format);
  }
  return format;
}

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  return formatter('day-parts', 'en-US', timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hourCycle: 'h23',
  });
}

/**
 * The last answer of `localDay` for each zone, with the whole second it was for. No zone's offset
 * has a fraction of a second, so every instant of that second falls on the same day; a server
 * asks for "today" many times a second, and `formatToParts` is the dear part (tens of µs).
 */
const lastDays = new Map<string, { second: number; day: string }>();

/** The calendar day (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function localDay(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new Error('Not a valid instant');
  const second = Math.floor(ms / 1000);
  const last = lastDays.get(timeZone);
  if (last?.second === second) return last.day;
  const parts = dayFormat(timeZone).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
  lastDays.set(timeZone, { second, day });
  return day;
}

/**
 * The calendar day an instant falls on in `timeZone`, as a Date at 00:00 UTC of that day: the
 * same form as PostgreSQL `date` columns (approval validity, credential dates), so the two
 * compare directly.
 */
export function localDayAsDate(instant: Date, timeZone: string): Date {
  return new Date(`${localDay(instant, timeZone)}T00:00:00Z`);
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant. */
function zoneOffsetAt(instant: number, timeZone: string): number {
  const format = formatter('instant-parts', 'en-US', timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const parts = format.formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a calendar day (YYYY-MM-DD) begins in `timeZone`: its local midnight (or, on a
 * day whose midnight a clock change skips, the first instant of that day). The inverse of
 * localDay for the day's first moment: filters "from day X" in a reader's zone.
 */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(midnightUtc)) throw new Error(`Not a calendar day: ${day}`);
  let guess = midnightUtc - zoneOffsetAt(midnightUtc, timeZone);
  const second = midnightUtc - zoneOffsetAt(guess, timeZone);
  if (second !== guess && localDay(new Date(second), timeZone) === day) guess = second;
  // A skipped midnight (e.g. a zone that springs forward at 00:00) lands on the day before.
  while (localDay(new Date(guess), timeZone) < day) guess += 15 * 60_000;
  return new Date(guess);
}

export interface FormatOptions {
  timeZone: string;
  locale?: string;
}

/** An instant in the reader's zone and locale, in one style. */
function formatInZone(
  value: Date | string,
  options: FormatOptions,
  style: string,
  styleOptions: Intl.DateTimeFormatOptions,
): string {
  const locale = options.locale ?? DEFAULT_LOCALE;
  return formatter(style, locale, options.timeZone, styleOptions).format(toDate(value));
}

function toDate(value: Date | string): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new Error(`Not a valid date or time: ${String(value)}`);
  return date;
}

/** "Nov 30, 2026, 4:32 PM EST": an instant, in the reader's zone, with the zone's abbreviation. */
export function formatDateTime(value: Date | string, options: FormatOptions): string {
  return formatInZone(value, options, 'dt', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}

/** "4:32 PM EST": the time of an instant in the reader's zone. */
export function formatTime(value: Date | string, options: FormatOptions): string {
  return formatInZone(value, options, 't', {
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}

/** "Nov 30, 2026": the day an instant falls on in the reader's zone. */
export function formatInstantDate(value: Date | string, options: FormatOptions): string {
  return formatInZone(value, options, 'd', { dateStyle: 'medium' });
}

/**
 * "Nov 30, 2026" for a calendar date ("2026-11-30", or a Date from a `date` column): the same
 * day for every reader, whatever their zone (approval validity, completion dates).
 */
export function formatCalendarDate(value: Date | string, locale: string = DEFAULT_LOCALE): string {
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T00:00:00Z`)
      : toDate(value);
  return formatter('cd', locale, 'UTC', { dateStyle: 'medium' }).format(date);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-11-20" → "20 November 2026" (unambiguous on both sides of the Atlantic): certificates, transcripts, receipts. */
export function formatLongDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) throw new Error(`Not an ISO date: ${isoDate}`);
  const [, year, month, day] = match;
  const monthName = MONTHS[Number(month) - 1];
  if (!monthName) throw new Error(`Not an ISO date: ${isoDate}`);
  return `${Number(day)} ${monthName} ${year}`;
}
