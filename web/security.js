// HTTP-level protections of the web server (server.js): cross-site request refusal, security
// headers with a per-request CSP nonce, and error answers without stack traces. Plain
// JavaScript, like server.js, so the production server needs no build step of its own.
import { randomBytes } from 'node:crypto';
import helmet from 'helmet';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `https://host[:port]` of a URL, or null when it is not one. */
function originOf(value) {
  try {
    const url = new URL(value);
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}

/**
 * Refuses cross-site state-changing requests (CSRF) on every path Remix answers: document
 * POSTs, single-fetch `.data` requests and the legacy `?_data=` requests, which Remix 2 does
 * not check itself. In order:
 * 1. `Origin` (every current browser sends it on every POST): must be this server's origin or
 *    one of `allowedOrigins`;
 * 2. else `Sec-Fetch-Site`: must be `same-origin` (a sibling subdomain, `same-site`, is not
 *    trusted either);
 * 3. else `Referer`, when present: must be of an allowed origin;
 * 4. else (none of the three) the request does not come from a browser, so it cannot carry a
 *    victim's cookie: allowed, like any API client.
 * A refusal is a plain-text 403, never a 500.
 */
export function refuseCrossSiteRequests({ allowedOrigins = [] } = {}) {
  const configured = new Set(allowedOrigins.map(originOf).filter(Boolean));
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const own = `${req.protocol}://${req.get('host')}`;
    const allowed = (origin) => origin === own || configured.has(origin);
    const origin = req.get('origin');
    const fetchSite = req.get('sec-fetch-site');
    const referer = req.get('referer');
    let verdict;
    if (origin !== undefined) verdict = allowed(originOf(origin));
    else if (fetchSite !== undefined) verdict = fetchSite === 'same-origin';
    else if (referer !== undefined) verdict = allowed(originOf(referer));
    else verdict = true;
    if (verdict) return next();
    res
      .status(403)
      .type('text/plain')
      .send('Cross-site request refused: submit the form from this site’s own pages.');
  };
}

/** A fresh CSP nonce per request, in `res.locals.cspNonce` (handed to Remix as load context). */
export function cspNonce(_req, res, next) {
  res.locals.cspNonce = randomBytes(16).toString('base64');
  next();
}

/**
 * helmet with a nonce-based Content-Security-Policy: scripts only from this origin or carrying
 * the request's nonce (Remix's inline hydration scripts get it in entry.server.tsx); styles only
 * from this origin (the app sets no inline style attributes); images also from https (lesson
 * images may be hosted elsewhere) and data: URLs; no framing; HSTS only in production (it
 * means nothing over the plain http of development, and would pin localhost to https).
 */
export function securityHeaders({ production }) {
  const nonce = (_req, res) => `'nonce-${res.locals.cspNonce}'`;
  const applyHelmet = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", nonce],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        // Checkout redirects a (script-less) form post on to Stripe's https page.
        formAction: ["'self'", 'https:'],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  });
  return (req, res, next) => {
    res.setHeader(
      'Permissions-Policy',
      'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    );
    applyHelmet(req, res, next);
  };
}

const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A browser's error page for what never reached Remix (a malformed address): a heading that
 * says what happened and links on, no scripts or inline styles (the CSP allows neither).
 */
function errorPage(code, path) {
  const bad = code < 500;
  const title = bad ? 'This address is not valid' : 'Something went wrong';
  const message = bad
    ? 'Part of the address is garbled, perhaps cut off when it was copied. Check the address and try again.'
    : 'Something went wrong on our side. Please try again in a minute.';
  const verify = path.startsWith('/verify')
    ? '<li><a href="/verify">Verify a certificate by its serial</a></li>'
    : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · CodeCred LMS</title></head>
<body>
<main>
<p>Error ${code}</p>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<ul>${verify}<li><a href="/courses">Browse the catalog</a></li><li><a href="/">Go to the home page</a></li></ul>
</main>
</body>
</html>
`;
}

/**
 * The last middleware: whatever Express or a middleware threw (a malformed URL, a body it
 * could not read) is answered in plain text with the status it carries, never Express's HTML
 * page with a stack trace and install paths, whatever NODE_ENV says.
 */
export function plainErrors(err, req, res, next) {
  if (res.headersSent) return next(err);
  const status = Number(err?.status ?? err?.statusCode);
  const code = status >= 400 && status < 600 ? status : 500;
  if (code >= 500) console.error('[web] unhandled error', req.method, req.path, err);
  if (req.accepts(['text', 'html']) === 'html') {
    res.status(code).type('html').send(errorPage(code, req.path));
    return;
  }
  res
    .status(code)
    .type('text/plain')
    .send(
      code < 500
        ? 'Bad request: check the address and try again.'
        : 'Something went wrong on our side. Please try again in a minute.',
    );
}
