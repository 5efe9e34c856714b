import { DEFAULT_TIME_ZONE, isTimeZone } from '@lms/time';
import { ProviderTimeZoneDocument } from '../graphql/generated/graphql';
import { gql, isApiUnavailable } from './api.server';
import type { Viewer } from './session.server';
import { TIME_ZONE_COOKIE } from './time-zone';

/** The provider's zone is deployment configuration: asked once per process, then reused. */
let providerZone: string | null = null;

export async function getProviderTimeZone(request: Request): Promise<string> {
  if (providerZone) return providerZone;
  const result = await gql(request, ProviderTimeZoneDocument, {}, { token: null }).catch(
    (error: unknown) => {
      // The API is down: the page itself decides what to say (sign-in keeps the typed email).
      if (isApiUnavailable(error)) return null;
      throw error;
    },
  );
  if (!result) return DEFAULT_TIME_ZONE;
  if (result.errors) {
    // Not cached: asked again on the next request. Pages still render, in the default zone.
    console.error('[web] providerTimeZone failed', result.errors[0].code);
    return DEFAULT_TIME_ZONE;
  }
  providerZone = result.data.providerTimeZone;
  return providerZone;
}

/** The zone the browser reported (cookie set by DetectTimeZone), if it is a valid IANA name. */
export function detectedTimeZone(request: Request): string | null {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== TIME_ZONE_COOKIE) continue;
    let value: string;
    try {
      value = decodeURIComponent(rest.join('='));
    } catch {
      return null;
    }
    return isTimeZone(value) ? value : null;
  }
  return null;
}

/**
 * The zone a page shows times in: the profile's, else the browser's (JavaScript reported it),
 * else the provider's (no JavaScript, first visit).
 */
export async function readerTimeZone(request: Request, viewer: Viewer | null): Promise<string> {
  return viewer?.timeZone ?? detectedTimeZone(request) ?? (await getProviderTimeZone(request));
}
