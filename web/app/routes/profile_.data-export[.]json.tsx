import type { LoaderFunctionArgs } from '@remix-run/node';
import { proxyDownload } from '../utils/downloads.server';

/** Resource route: everything stored about the signed-in account, as a JSON download. */
export async function loader({ request }: LoaderFunctionArgs) {
  return proxyDownload(request, '/me/data-export.json');
}
