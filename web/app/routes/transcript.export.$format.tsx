import type { LoaderFunctionArgs } from '@remix-run/node';
import { proxyDownload } from '../utils/downloads.server';

/** Resource route: the CEU transcript as PDF or CSV. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (params.format === 'csv') return proxyDownload(request, '/transcript.csv');
  if (params.format === 'pdf') {
    const size = new URL(request.url).searchParams.get('size') === 'letter' ? 'letter' : 'a4';
    return proxyDownload(request, `/transcript.pdf?size=${size}`);
  }
  throw new Response('Not found', { status: 404 });
}
