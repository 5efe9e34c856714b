import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import express from 'express';
import proxyAddr from 'proxy-addr';
import { writeGraphqlError, writeJson } from '../http-errors';
import type { Logger } from '../logger';
import { checkTrustedDocument, type TrustedDocuments } from '../trusted-documents';
import {
  type CacheMiss,
  PRIVATE_CACHE_CONTROL,
  type PublicResponseCache,
  sendPublicAnswer,
  VARY,
} from './public-cache';
import { tagRequest } from './request-tag';

/**
 * `/graphql` served by a node:http request listener in front of Express (ARCHITECTURE.md, "GraphQL
 * served in front of Express"): Express's per-request pipeline (its request and response
 * prototypes, the router's layer walk, `res.send`) cost more Node CPU than a whole raw-SQL
 * certificate look-up. Every step the Express chain did is done here, in the same order:
 * 1. the request id (`X-Request-Id`) and the access log (`tagRequest`, shared with Express);
 * 2. the JSON body, at most 1 MB, through body-parser (Express's own `express.json`), whose
 *    errors get the GraphQL-shaped JSON answers of `writeGraphqlError`;
 * 3. the trusted documents (`checkTrustedDocument`);
 * 4. the public response cache (hit, miss to store, or `private, no-store`), with its strong
 *    ETag and `If-None-Match` → 304;
 * 5. Apollo (`executeHTTPGraphQLRequest`, its documented way to build an integration: CSRF
 *    prevention, parsing, validation, execution, plugins) with a context that reads the client's
 *    address as Express's `req.ip` does (`proxy-addr` with Express's compiled `trust proxy`).
 */

export interface GraphqlEndpointOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  log: Logger;
  trustedDocuments: TrustedDocuments;
  /** The response cache of anonymous public reads (null: every answer is private). */
  publicCache: PublicResponseCache | null;
  /** Express's compiled `trust proxy` setting (`app.get('trust proxy fn')`). */
  trustProxy: (address: string, hop: number) => boolean;
  context(request: GraphqlHttpRequest): Promise<TContext>;
}

/** What the context function gets of the HTTP request. */
export interface GraphqlHttpRequest {
  req: IncomingMessage;
  requestId: string;
  /** The client's address as Express's `req.ip` gives it (computed when called). */
  clientIp(): string | null;
}

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** True for the paths Express's `app.use('/graphql')` matched (any case, a trailing slash). */
export function isGraphqlPath(url: string | undefined): boolean {
  if (!url) return false;
  const question = url.indexOf('?');
  const path = question < 0 ? url : url.slice(0, question);
  return path.length <= 9 && /^\/graphql\/?$/i.test(path);
}

const readJson = express.json({ limit: '1mb' });

export function graphqlEndpoint<TContext extends BaseContext>(
  options: GraphqlEndpointOptions<TContext>,
): RequestListener {
  const { apollo, log, trustedDocuments, publicCache, trustProxy } = options;
  apollo.assertStarted('graphqlEndpoint()');
  const texts = new Set(trustedDocuments.byId.values());

  async function answer(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const url = req.url ?? '/';
    const question = url.indexOf('?');
    const search = question < 0 ? '' : url.slice(question);
    const method = req.method?.toUpperCase() ?? 'GET';
    const query = method === 'GET' ? parseQueryString(search.slice(1)) : undefined;
    const body = (req as { body?: unknown }).body;
    const trusted = checkTrustedDocument(trustedDocuments, texts, method, body, query);
    if (!trusted.run) {
      writeJson(res, 400, {
        errors: [{ message: trusted.message, extensions: { code: trusted.code } }],
      });
      return;
    }
    res.setHeader('vary', VARY);
    const decision = publicCache
      ? publicCache.lookup({ method, headers: req.headers, body: trusted.body, query })
      : null;
    let miss: CacheMiss | null = null;
    if (decision?.kind === 'hit') {
      res.setHeader('x-cache', 'HIT');
      res.statusCode = 200;
      sendPublicAnswer(req, res, decision.entry);
      return;
    }
    if (decision?.kind === 'miss') {
      res.setHeader('x-cache', 'MISS');
      miss = decision;
    } else {
      res.setHeader('cache-control', PRIVATE_CACHE_CONTROL);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method,
        headers: headerMap(req.headers),
        search,
        body: trusted.body,
      },
      context: () =>
        options.context({
          req,
          requestId,
          clientIp: () => proxyAddr(req, trustProxy) ?? null,
        }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      const text = response.body.string;
      const stored = miss && publicCache ? publicCache.store(miss, res.statusCode, text) : null;
      if (stored) {
        sendPublicAnswer(req, res, stored);
        return;
      }
      if (miss) res.setHeader('cache-control', PRIVATE_CACHE_CONTROL);
      res.end(text);
      return;
    }
    // Incremental delivery (@defer): not used by this schema, kept correct anyway.
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return (req, res) => {
    const requestId = tagRequest(req, res, log);
    readJson(req, res, (bodyError?: unknown) => {
      if (bodyError) {
        writeGraphqlError(log, res, bodyError, requestId);
        return;
      }
      answer(req, res, requestId).catch((error: unknown) =>
        writeGraphqlError(log, res, error, requestId),
      );
    });
  };
}

function headerMap(headers: IncomingHttpHeaders): HeaderMap {
  const map = new HeaderMap();
  for (const key in headers) {
    const value = headers[key];
    if (value !== undefined) map.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return map;
}
