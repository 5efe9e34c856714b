import { useLocation } from '@remix-run/react';
import { useEffect, useRef } from 'react';

/**
 * After a client-side navigation to another page, focus moves to the page's main heading, so a
 * screen reader announces the new page and keyboard users start at its top (a full page load
 * does this by itself). Only a new path counts: a changed query (filters, search as you type)
 * or hash leaves focus where it is.
 */
export function RouteFocus() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.getElementById('main');
    const heading = main?.querySelector<HTMLElement>('h1') ?? main;
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
  }, [pathname]);
  return null;
}
