import { DEFAULT_TIME_ZONE, isTimeZone, localDay, localDayAsDate } from '@lms/time';

/**
 * The provider's time zone (PROVIDER_TIME_ZONE): the zone whose calendar decides the credit day
 * of a completion, the dates on certificates and transcripts, and whether a credit approval was
 * valid on a day (docs/domain.md, "Time zones"). Set once at process start from the validated
 * configuration; a plain value, the same in every process of a deployment.
 */
let zone = DEFAULT_TIME_ZONE;

export function configureProviderTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) throw new Error(`Not an IANA time zone: ${timeZone}`);
  zone = timeZone;
}

export function providerTimeZone(): string {
  return zone;
}

/** The provider's calendar day (YYYY-MM-DD) an instant falls on. */
export function providerDay(instant: Date): string {
  return localDay(instant, zone);
}

/** The provider's calendar day of an instant, as 00:00 UTC of that day (like a `date` column). */
export function providerDayAsDate(instant: Date): Date {
  return localDayAsDate(instant, zone);
}
