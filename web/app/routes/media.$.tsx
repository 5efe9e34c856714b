import type { LoaderFunctionArgs } from '@remix-run/node';
import { apiOrigin } from '../utils/downloads.server';

/** Headers of a stored file that the browser needs; everything else stays at the API. */
const PASSED = [
  'content-type',
  'content-length',
  'cache-control',
  'x-content-type-options',
  'content-security-policy',
];

/**
 * Uploaded files (covers, lesson images, captions) on the web app's own origin: images pass the
 * page's CSP and a captions <track> must be same-origin. Streams the API's GET /media/….
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const path = params['*'] ?? '';
  if (!/^[a-z][a-z0-9-]{0,30}\/[a-f0-9]{64}\.[a-z0-9]{2,4}$/.test(path)) {
    throw new Response('Not found', { status: 404 });
  }
  let upstream: Response;
  try {
    upstream = await fetch(`${apiOrigin()}/media/${path}`, { signal: AbortSignal.timeout(30_000) });
  } catch {
    throw new Response('The file is not available right now.', { status: 503 });
  }
  if (!upstream.ok || !upstream.body) {
    throw new Response(upstream.status === 404 ? 'Not found' : 'The file is not available.', {
      status: upstream.status === 404 ? 404 : 502,
    });
  }
  const headers = new Headers();
  for (const name of PASSED) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: 200, headers });
}
