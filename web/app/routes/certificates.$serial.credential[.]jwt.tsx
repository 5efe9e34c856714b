import type { LoaderFunctionArgs } from '@remix-run/node';
import { proxyDownload } from '../utils/downloads.server';
import { requireParam } from '../utils/invariant';

/**
 * Resource route: the signed Open Badges 3.0 credential (VC-JWT) of a certificate, at the same
 * path as the API's `Certificate.openBadgeUrl` (the page links to that URL's path), streamed
 * from the API with the session's token.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const serial = encodeURIComponent(requireParam(params, 'serial'));
  return proxyDownload(request, `/certificates/${serial}/credential.jwt`);
}
