import {
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import type { ShouldRevalidateFunction } from '@remix-run/react';
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRevalidator,
  useRouteLoaderData,
} from '@remix-run/react';
import { type ReactNode, useContext, useEffect, useRef } from 'react';
import { UNSAFE_DataRouterStateContext } from 'react-router-dom';
import { describeRouteError, GeneralErrorBoundary } from './components/error-boundary';
import { type NavItem, NavList } from './components/nav-list';
import { NavigationProgress } from './components/navigation-progress';
import { useNonce } from './components/nonce';
import { RouteFocus } from './components/route-focus';
import { stylesheets } from './styles/index';
import { PRODUCT_NAME, PRODUCT_TAGLINE, pageTitle } from './utils/brand';
import { roleLabel } from './utils/format';
import {
  cookieHeaders,
  destroyToken,
  getSessionToken,
  getViewer,
  readFlash,
} from './utils/session.server';
import { TIME_ZONE_COOKIE } from './utils/time-zone';
import { getProviderTimeZone, readerTimeZone } from './utils/time-zone.server';

export const links: LinksFunction = () => [
  ...stylesheets.map((href) => ({ rel: 'stylesheet', href })),
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [
  { title: PRODUCT_NAME },
  { name: 'description', content: PRODUCT_TAGLINE },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [viewer, { flash, setCookie }, token] = await Promise.all([
    getViewer(request),
    readFlash(request),
    getSessionToken(request),
  ]);
  // A token the API no longer accepts (expired or revoked): drop the stale cookie.
  const clearToken = token && !viewer ? await destroyToken() : null;
  const [timeZone, providerTimeZone] = await Promise.all([
    readerTimeZone(request, viewer),
    getProviderTimeZone(request),
  ]);
  return data(
    { viewer, flash, timeZone, providerTimeZone },
    { headers: cookieHeaders(setCookie, clearToken) },
  );
}

type Viewer = NonNullable<ReturnType<typeof useRootViewer>>;

function useRootViewer() {
  return useRouteLoaderData<typeof loader>('root')?.viewer ?? null;
}

/** The main links for who is signed in (the same list in the wide header and the small-screen menu). */
function NavLinks({ viewer }: { viewer: Viewer | null }) {
  const teaches = viewer?.role === 'INSTRUCTOR' || viewer?.role === 'ADMIN';
  const items: NavItem[] = [{ to: '/courses', label: 'Catalog' }];
  if (viewer) {
    items.push(
      { to: '/learn', label: 'My learning' },
      { to: '/purchases', label: 'My purchases' },
      { to: '/certificates', label: 'Certificates' },
      { to: '/transcript', label: 'Transcript' },
    );
  }
  if (teaches) items.push({ to: '/teach', label: 'Teach' });
  if (viewer?.role === 'ADMIN') items.push({ to: '/admin', label: 'Admin' });
  if (viewer) items.push({ to: '/profile', label: 'Profile' });
  return <NavList items={items} />;
}

function AccountActions({ viewer }: { viewer: Viewer | null }) {
  if (!viewer) {
    return (
      <div className="account">
        <Link to="/sign-in" className="button button-secondary">
          Sign in
        </Link>
        <Link to="/register" className="button">
          Create account
        </Link>
      </div>
    );
  }
  return (
    <div className="account">
      <span className="viewer">
        <span className="viewer-name">{viewer.name}</span>{' '}
        <span className={`badge badge-${viewer.role.toLowerCase()}`}>{roleLabel(viewer.role)}</span>
      </span>
      <Form method="post" action="/sign-out" className="inline-form">
        <button type="submit" className="button button-secondary">
          Sign out
        </button>
      </Form>
    </div>
  );
}

/**
 * Wide screens: brand, links and account on one row. Small screens: brand and a "Menu"
 * disclosure (a plain <details>, so it opens without JavaScript) holding the same links and
 * the account actions. Only one of the two is displayed at a time (CSS), so assistive
 * technology and `innerText` see one navigation.
 */
function SiteHeader() {
  const viewer = useRootViewer();
  const location = useLocation();
  const menu = useRef<HTMLDetailsElement>(null);
  // A link followed inside the open menu: close it on the next page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.pathname]);
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ✓
          </span>
          {PRODUCT_NAME}
        </Link>
        <nav aria-label="Main" className="main-nav header-wide">
          <NavLinks viewer={viewer} />
        </nav>
        <div className="header-wide header-account">
          <AccountActions viewer={viewer} />
        </div>
        <details className="header-menu" ref={menu}>
          <summary>
            <span className="header-menu-icon" aria-hidden="true" />
            Menu
          </summary>
          <div className="header-menu-panel">
            <nav aria-label="Main" className="main-nav">
              <NavLinks viewer={viewer} />
            </nav>
            <AccountActions viewer={viewer} />
          </div>
        </details>
      </div>
    </header>
  );
}

/**
 * Reports the browser's IANA zone in a cookie (client hints do not carry time zones), so pages
 * show times in it until the person picks a zone in their profile. Without JavaScript nothing is
 * sent and pages use the provider's zone. When the page was rendered in another zone, the
 * loaders run again so it is shown in the detected one at once.
 */
function DetectTimeZone() {
  const root = useRouteLoaderData<typeof loader>('root');
  const revalidator = useRevalidator();
  const stored = root?.viewer?.timeZone ?? null;
  const shown = root?.timeZone;
  useEffect(() => {
    let zone: string | undefined;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch {
      return;
    }
    if (!zone) return;
    const cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}`;
    if (document.cookie.split('; ').includes(cookie)) return;
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in Firefox and Safari
    document.cookie = `${cookie}; path=/; max-age=31536000; samesite=lax`;
    if (!stored && shown !== zone) revalidator.revalidate();
  }, [stored, shown, revalidator]);
  return null;
}

/**
 * After any form submission, read the root loader again, even when the action answered with
 * an error status (Remix skips revalidation then by default): the flash shown above the page is
 * the one for this answer, never a stale "saved" above a form that just failed.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  defaultShouldRevalidate,
}) => (formMethod && formMethod.toUpperCase() !== 'GET' ? true : defaultShouldRevalidate);

function FlashRegion() {
  const root = useRouteLoaderData<typeof loader>('root');
  const flash = root?.flash ?? null;
  return (
    <div className="container flash-region" role="status" aria-live="polite">
      {flash ? (
        <p key={flash.message} className={`flash flash-${flash.kind}`}>
          {flash.message}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The routes' meta tags, except on an error page: there the title says what happened ("Please
 * try again in a minute", "Page not found"), not the title of the page that failed. Remix passes
 * the error to meta functions but lets the failing route's title win, so the title is chosen
 * here, from the router's errors (the context Remix's own <Meta> reads).
 */
function DocumentMeta() {
  const errors = useContext(UNSAFE_DataRouterStateContext)?.errors;
  const error = errors ? Object.values(errors)[0] : undefined;
  if (error === undefined) return <Meta />;
  return <title>{pageTitle(describeRouteError(error).title)}</title>;
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <DocumentMeta />
        <Links />
      </head>
      <body>
        <NavigationProgress />
        <RouteFocus />
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        <SiteHeader />
        <DetectTimeZone />
        <FlashRegion />
        <main id="main" tabIndex={-1} className="container main">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>
              {PRODUCT_NAME} · open-source learning for medical coders. ICD-10-CM, ICD-10-PCS and
              HCPCS Level II are public code sets; CPT® content is not included.
            </p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
