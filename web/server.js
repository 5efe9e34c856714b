// Production server for the built Remix app (what `pnpm start` runs). Remix's own
// remix-serve would do, but it cannot tell loaders the client's address, and the API needs it
// to throttle sign-in per address. Here Express resolves it (trusting X-Forwarded-For only
// from the proxies named by TRUST_PROXY) and hands it to the app in a header of our own,
// after deleting any copy a client sent.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import compression from 'compression';
import express from 'express';
import { cspNonce, plainErrors, refuseCrossSiteRequests, securityHeaders } from './security.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const build = await import(path.join(here, 'build/server/index.js'));

const app = express();
app.disable('x-powered-by');
app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback');
app.use(compression());
app.use(cspNonce, securityHeaders({ production: process.env.NODE_ENV === 'production' }));
app.use(
  '/assets',
  express.static(path.join(here, 'build/client/assets'), { immutable: true, maxAge: '1y' }),
);
app.use(express.static(path.join(here, 'build/client'), { maxAge: '1h' }));
app.use((req, _res, next) => {
  req.headers['x-lms-client-ip'] = req.ip ?? '';
  next();
});
// After the static files (GET only): every other request may reach an action. Besides the
// address the request came in on, the public address (behind a proxy that rewrites Host).
app.use(refuseCrossSiteRequests({ allowedOrigins: [process.env.PUBLIC_WEB_URL ?? ''] }));
app.all(
  '*',
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }),
  }),
);
app.use(plainErrors);

const server = app.listen(port, host, () => {
  console.log(`web listening on http://${host}:${port}`);
});
const shutdown = () => server.close(() => process.exit(0));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
