import { DEFAULT_TIME_ZONE } from '@lms/time';
import { useRouteLoaderData } from '@remix-run/react';

/** Name of the cookie the browser sets with its detected IANA zone (see DetectTimeZone). */
export const TIME_ZONE_COOKIE = 'lms_tz';

/**
 * The zone the reader sees times in, decided by the root loader: their profile's zone, else the
 * zone their browser reported (cookie), else the provider's.
 */
export function useTimeZone(): string {
  const root = useRouteLoaderData<{ timeZone?: string }>('root');
  return root?.timeZone ?? DEFAULT_TIME_ZONE;
}

/**
 * The provider's zone: certificate dates (issue and completion) are its calendar days, so pages
 * show them as the PDF prints them, whoever reads them.
 */
export function useProviderTimeZone(): string {
  const root = useRouteLoaderData<{ providerTimeZone?: string }>('root');
  return root?.providerTimeZone ?? DEFAULT_TIME_ZONE;
}
