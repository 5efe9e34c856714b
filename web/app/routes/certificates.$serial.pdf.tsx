import type { LoaderFunctionArgs } from '@remix-run/node';
import { proxyDownload } from '../utils/downloads.server';
import { requireParam } from '../utils/invariant';

/** Resource route: the certificate PDF (?size=a4|letter), fetched from the API with the session token. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const size = new URL(request.url).searchParams.get('size') === 'letter' ? 'letter' : 'a4';
  const serial = encodeURIComponent(requireParam(params, 'serial'));
  return proxyDownload(request, `/certificates/${serial}.pdf?size=${size}`);
}
