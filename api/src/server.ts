import 'reflect-metadata';
import { existsSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { type RateLimitPolicy, rateLimitPolicy } from '@lms/core';
import {
  generateIssuerKey,
  type IssuerKey,
  type IssuerPublicJwk,
  importIssuerKey,
} from '@lms/credentials';
import { type ChannelListener, type Db, listenToChannel, pingDatabase } from '@lms/db';
import { LocalDiskStore, type ObjectStore } from '@lms/storage';
import express from 'express';
import type { GraphQLError, ValidationContext } from 'graphql';
import { type Context, createContext } from './context';
import { formatError, requestIdPlugin, withoutSuggestions } from './errors';
import { graphqlEndpoint, isGraphqlPath, type RequestListener } from './http/graphql-handler';
import { PublicResponseCache } from './http/public-cache';
import { tagRequest } from './http/request-tag';
import { jsonErrors, notFound } from './http-errors';
import { inputGuardPlugin } from './input-guard';
import type { Logger } from './logger';
import { certificateRoutes } from './modules/certificates/certificate-routes';
import { codeSetRoutes } from './modules/codesets/code-set-routes';
import { mediaRoutes } from './modules/media/media-routes';
import { paymentRoutes } from './modules/payments/payment-routes';
import {
  isStripeWebhookRequest,
  stripeWebhookEndpoint,
} from './modules/payments/stripe-webhook-endpoint';
import { privacyRoutes } from './modules/privacy/privacy-routes';
import { createPaymentsRuntime, type PaymentsRuntime } from './payments-runtime';
import { getSchema } from './schema';
import { loadTrustedDocuments } from './trusted-documents';
import {
  databaseUnavailablePlugin,
  isDatabaseUnavailable,
  serviceUnavailableError,
} from './unavailable';

export interface ApiServerOptions {
  db: Db;
  log: Logger;
  production?: boolean;
  trustProxy?: string;
  limits?: Partial<QueryLimits>;
  /** Signs Open Badges and the status list. Absent (tests): a throwaway key per server. */
  issuerKey?: IssuerKey;
  /** Public keys of earlier signing keys, still published in the issuer profile. */
  retiredIssuerKeys?: IssuerPublicJwk[];
  /** Payment gateway and web URL (default: none configured; payment operations say "try again"). */
  payments?: PaymentsRuntime;
  /** How long stop() lets in-flight requests finish before cutting them. Default 20 s. */
  drainGraceMs?: number;
  /** Rate limits to change from the production defaults (see RateLimitPolicy). */
  rateLimits?: Partial<RateLimitPolicy>;
  /** The allow-list of trusted documents (default: the web app's generated one). */
  trustedDocumentsFile?: string;
  /** Run documents outside the allow-list (default: only outside production). */
  allowAdHocDocuments?: boolean;
  /** Where uploaded files live (default: a new temporary folder, for tests). */
  objectStore?: ObjectStore;
  /**
   * The response cache of anonymous public reads, listening for invalidations on its own
   * connection to `databaseUrl` (default: none; `main.ts` turns it on from RESPONSE_CACHE).
   */
  publicCache?: PublicCacheOptions;
}

export interface PublicCacheOptions {
  databaseUrl: string;
  maxBytes: number;
  /** Reconnection delay after a lost LISTEN connection (default 1 s). */
  retryMs?: number;
  /** How often the LISTEN connection is checked (default 10 s). */
  heartbeatMs?: number;
}

/** PostgreSQL channel of the public cache's invalidations (migration 20261201100000). */
export const PUBLIC_CACHE_CHANNEL = 'public_cache';
export const PUBLIC_CACHE_APPLICATION_NAME = 'lms-public-cache';

/** codegen's persisted-documents.json of the web app: id → operation text. */
export const WEB_TRUSTED_DOCUMENTS_FILE = fileURLToPath(
  new URL('../../web/app/graphql/generated/persisted-documents.json', import.meta.url),
);

export interface ApiServer {
  httpServer: http.Server;
  listen(port: number, host?: string): Promise<{ url: string; port: number }>;
  /** The response cache of anonymous public reads (null: off). */
  publicCache: PublicResponseCache | null;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

/** Limits that keep one request from costing the server more than a page of catalog does. */
export const QUERY_LIMITS = { maxDepth: 8, maxAliases: 15, maxCost: 5000, maxTokens: 5000 };
export type QueryLimits = typeof QUERY_LIMITS;

/** graphql-armor rules throw by default, which Apollo answers with 500: report instead (400). */
const reportRejection = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error),
  ],
};

export async function createApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { db, log, production = false } = options;
  const limits = { ...QUERY_LIMITS, ...options.limits };
  const rateLimits = rateLimitPolicy(options.rateLimits);
  const allowAdHoc = options.allowAdHocDocuments ?? !production;
  const documentsFile = options.trustedDocumentsFile ?? WEB_TRUSTED_DOCUMENTS_FILE;
  const trustedDocuments = {
    // Development may run without the generated list; production refuses to start without it.
    byId:
      allowAdHoc && !existsSync(documentsFile)
        ? new Map<string, string>()
        : loadTrustedDocuments(documentsFile),
    allowAdHoc,
  };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? 'loopback');
  const payments = options.payments ?? createPaymentsRuntime();
  // /graphql and Stripe's webhooks are answered by node:http listeners in front of Express (which
  // keeps every other route): ARCHITECTURE.md, "GraphQL served in front of Express" and "Stripe
  // webhooks served in front of Express".
  let graphql: RequestListener | null = null;
  const stripeWebhook = stripeWebhookEndpoint({ db, log, payments });
  const httpServer = http.createServer((req, res) => {
    if (graphql && isGraphqlPath(req.url)) graphql(req, res);
    else if (isStripeWebhookRequest(req)) stripeWebhook(req, res);
    else app(req, res);
  });

  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    introspection: !production,
    csrfPrevention: true,
    // No automatic persisted queries: the trusted documents are the only persisted ones.
    persistedQueries: false,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [
      maxDepthRule({ n: limits.maxDepth, ...reportRejection }),
      maxAliasesRule({ n: limits.maxAliases, ...reportRejection }),
      costLimitRule({ maxCost: limits.maxCost, ...reportRejection }),
    ],
    formatError: production
      ? (formatted, error) => withoutSuggestions(formatError(formatted, error))
      : formatError,
    plugins: [
      // We set no cache hints; the default cache-control plugin would still wrap every field.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({
        httpServer,
        stopGracePeriodMillis: options.drainGraceMs ?? 20_000,
      }),
      requestIdPlugin(log),
      inputGuardPlugin(),
      databaseUnavailablePlugin(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  app.use((req, res, next) => {
    res.locals.requestId = tagRequest(req, res, log);
    next();
  });

  const { publicCache, listener } = startPublicCache(options.publicCache, log);

  graphql = graphqlEndpoint({
    apollo,
    log,
    trustedDocuments,
    publicCache,
    trustProxy: app.get('trust proxy fn'),
    async context({ req, requestId, clientIp }) {
      try {
        return await createContext({
          db,
          headers: req.headers,
          clientIp,
          requestId,
          log,
          payments,
          rateLimits,
        });
      } catch (error) {
        // The viewer lookup found no free connection or no database: 503, not 500.
        if (!isDatabaseUnavailable(error)) throw error;
        log.warn({ err: error, requestId }, 'database unavailable');
        throw serviceUnavailableError();
      }
    },
  });
  app.use(paymentRoutes({ db, log }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      await withTimeout(pingDatabase(db), 2000);
      res.json({ status: 'ready' });
    } catch (error) {
      log.warn({ err: error }, 'readiness check failed: database unreachable');
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });

  const issuerKey =
    options.issuerKey ?? (await importIssuerKey((await generateIssuerKey()).privateJwk));
  app.use(
    certificateRoutes({ db, issuerKey, retiredIssuerKeys: options.retiredIssuerKeys ?? [], log }),
  );
  app.use(codeSetRoutes({ db, log }));
  app.use(privacyRoutes({ db, log }));
  app.use(
    mediaRoutes({
      db,
      log,
      store:
        options.objectStore ?? new LocalDiskStore(mkdtempSync(path.join(tmpdir(), 'lms-media-'))),
    }),
  );

  // JSON, never Express's HTML page (which shows a stack trace outside production).
  app.use(notFound);
  app.use(jsonErrors(log));

  return {
    httpServer,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          resolve({ port: address.port, url: `http://${host}:${address.port}` });
        });
      });
    },
    publicCache,
    async stop() {
      await apollo.stop();
      await listener?.close();
    },
  };
}

function startPublicCache(
  options: PublicCacheOptions | undefined,
  log: Logger,
): { publicCache: PublicResponseCache | null; listener: ChannelListener | null } {
  if (!options) return { publicCache: null, listener: null };
  const publicCache = new PublicResponseCache({ maxBytes: options.maxBytes });
  const listener = listenToChannel({
    databaseUrl: options.databaseUrl,
    channel: PUBLIC_CACHE_CHANNEL,
    applicationName: PUBLIC_CACHE_APPLICATION_NAME,
    retryMs: options.retryMs,
    heartbeatMs: options.heartbeatMs,
    onNotification: (scope) => publicCache.invalidate(scope),
    onListening: () => {
      publicCache.on();
      log.debug('public response cache on (listening for invalidations)');
    },
    onLost: (error) => {
      publicCache.off();
      log.warn(
        { err: error },
        'public response cache off: lost its LISTEN connection; reconnecting',
      );
    },
  });
  return { publicCache, listener };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
