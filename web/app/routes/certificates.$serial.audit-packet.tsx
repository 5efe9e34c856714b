import type { LoaderFunctionArgs } from '@remix-run/node';
import { proxyDownload } from '../utils/downloads.server';
import { requireParam } from '../utils/invariant';

/** Resource route: a certificate's audit packet as one PDF (holder or admin). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const serial = encodeURIComponent(requireParam(params, 'serial'));
  return proxyDownload(request, `/certificates/${serial}/audit-packet.pdf`);
}
