import {
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRevalidator,
  useRouteLoaderData,
} from '@remix-run/react';
import { type ReactNode, useContext, useEffect } from 'react';
import { UNSAFE_DataRouterStateContext } from 'react-router-dom';
import { describeRouteError, GeneralErrorBoundary } from './components/error-boundary';
import { useNonce } from './components/nonce';
import appCss from './styles/app.css?url';
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
  { rel: 'stylesheet', href: appCss },
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

function SiteHeader() {
  const root = useRouteLoaderData<typeof loader>('root');
  const viewer = root?.viewer ?? null;
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ✓
          </span>
          {PRODUCT_NAME}
        </Link>
        <nav aria-label="Main" className="main-nav">
          <ul>
            <li>
              <NavLink to="/courses">Catalog</NavLink>
            </li>
            {viewer ? (
              <li>
                <NavLink to="/learn">My learning</NavLink>
              </li>
            ) : null}
            {viewer ? (
              <li>
                <NavLink to="/purchases">My purchases</NavLink>
              </li>
            ) : null}
            {viewer ? (
              <>
                <li>
                  <NavLink to="/certificates">Certificates</NavLink>
                </li>
                <li>
                  <NavLink to="/transcript">Transcript</NavLink>
                </li>
              </>
            ) : null}
            {viewer && (viewer.role === 'INSTRUCTOR' || viewer.role === 'ADMIN') ? (
              <li>
                <NavLink to="/teach">Teach</NavLink>
              </li>
            ) : null}
            {viewer?.role === 'ADMIN' ? (
              <li>
                <NavLink to="/admin">Admin</NavLink>
              </li>
            ) : null}
            {viewer ? (
              <li>
                <NavLink to="/profile">Profile</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="account">
          {viewer ? (
            <>
              <span className="viewer">
                <span className="viewer-name">{viewer.name}</span>{' '}
                <span className={`badge badge-${viewer.role.toLowerCase()}`}>
                  {roleLabel(viewer.role)}
                </span>
              </span>
              <Form method="post" action="/sign-out" className="inline-form">
                <button type="submit" className="button button-secondary">
                  Sign out
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/sign-in" className="button button-secondary">
                Sign in
              </Link>
              <Link to="/register" className="button">
                Create account
              </Link>
            </>
          )}
        </div>
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
