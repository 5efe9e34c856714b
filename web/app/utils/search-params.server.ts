import { redirect } from '@remix-run/node';

/**
 * A GET filter form sends its empty fields too (`?actor=&from=`): redirects to the same address
 * without them, so links and the address bar hold only the filters in use (works without JS).
 */
export function dropEmptySearchParams(url: URL): void {
  const filled = [...url.searchParams].filter(([, value]) => value.trim() !== '');
  if (filled.length === [...url.searchParams].length) return;
  const search = new URLSearchParams(filled).toString();
  throw redirect(`${url.pathname}${search ? `?${search}` : ''}`);
}
