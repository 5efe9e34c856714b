import type { IncomingHttpHeaders } from 'node:http';
import {
  type ApolloServer,
  type BaseContext,
  type ContextFunction,
  HeaderMap,
} from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';

/**
 * Apollo Server's HTTP integration for Express, written the way Apollo documents building an
 * integration (`executeHTTPGraphQLRequest`), instead of `@as-integrations/express5`. The
 * difference is in the answer: a complete body goes out with `res.writeHead` + `res.end`, not
 * `res.send`, so Express computes no ETag (a SHA-1 of every GraphQL answer, useless on a POST
 * and on a `private, no-store` answer) and runs no freshness check. The public response cache,
 * which does want an ETag and `If-None-Match` → 304, marks its responses with
 * `sendThroughExpress` and they still go through `res.send` (ARCHITECTURE.md, "GraphQL answers
 * without Express's ETag").
 */

/** res.locals flag: this answer must go through `res.send` (the public cache captures it). */
export const SEND_THROUGH_EXPRESS = 'sendThroughExpress';

export function graphqlHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: ContextFunction<[{ req: Request; res: Response }], TContext>,
): RequestHandler {
  server.assertStarted('graphqlHandler()');
  return async (req, res, next) => {
    try {
      const url = req.url;
      const question = url.indexOf('?');
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: req.method.toUpperCase(),
          headers: headerMap(req.headers),
          search: question < 0 ? '' : url.slice(question),
          body: req.body,
        },
        context: () => context({ req, res }),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        if (res.locals[SEND_THROUGH_EXPRESS]) res.send(response.body.string);
        else res.end(response.body.string);
        return;
      }
      // Incremental delivery (@defer): not used by this schema, kept correct anyway.
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      next(error);
    }
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
