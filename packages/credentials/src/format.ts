/** "2026-11-20" → "20 November 2026": the one long-date format, in @lms/time. */
export { formatLongDate } from '@lms/time';

/** The UTC calendar date (YYYY-MM-DD) of an ISO instant. */
export function utcDate(isoInstant: string): string {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) throw new Error(`Not an ISO instant: ${isoInstant}`);
  return date.toISOString().slice(0, 10);
}

/** 150 → "2 h 30 min", 120 → "2 h", 45 → "45 min". */
export function formatMinutes(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new Error(`Instructional minutes must be a non-negative integer: ${minutes}`);
  }
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "2" / "2.5" / 2 → "2.00": credit amounts are shown with two decimals, never re-computed. */
export function formatCeu(amount: string | number): string {
  const text = String(amount).trim();
  if (!/^\d+(\.\d+)?$/.test(text)) throw new Error(`Not a CEU amount: ${amount}`);
  const [whole, fraction = ''] = text.split('.');
  if (fraction.length > 2 && /[1-9]/.test(fraction.slice(2))) return text; // keep precision as approved
  return `${Number(whole)}.${fraction.slice(0, 2).padEnd(2, '0')}`;
}

/** "CEU" or "CEUs" for an amount string. */
export function ceuUnit(amount: string): string {
  return Number(amount) === 1 ? 'CEU' : 'CEUs';
}
