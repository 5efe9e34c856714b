import type { LoaderFunctionArgs } from '@remix-run/node';
import { proxyDownload } from '../utils/downloads.server';
import { requireParam } from '../utils/invariant';
import { requireViewer } from '../utils/session.server';

/** GET /purchases/:orderId/receipt.pdf: the receipt PDF, streamed from the API. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireViewer(request);
  const orderId = requireParam(params, 'orderId');
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) throw new Response('Not found', { status: 404 });
  return proxyDownload(request, `/receipts/${orderId}.pdf`);
}
