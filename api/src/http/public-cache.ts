import { createHash } from 'node:crypto';
import { providerDay } from '@lms/core';
import type { Request, RequestHandler, Response } from 'express';
import { Kind, type OperationDefinitionNode, parse, print } from 'graphql';
import { LRUCache } from 'lru-cache';
import { SEND_THROUGH_EXPRESS } from './graphql-handler';

/**
 * The response cache of anonymous public reads (ARCHITECTURE.md, "A response cache for anonymous
 * public reads"): whole GraphQL responses to queries whose every root field is public and the
 * same for every anonymous caller, per process, keyed by the normalized document, the operation
 * name, the variables and the day. A request with any credential (Authorization or Cookie) is
 * neither served from it nor stored, and is marked `private, no-store`. Entries are dropped by
 * scope when PostgreSQL notifies a write (`invalidate`), and all of them when the listening
 * connection is lost (`off`); the cache stays off until LISTEN is in effect again (`on`).
 */

/** Public root fields and the invalidation scope of their answers. */
export const PUBLIC_ROOT_FIELDS: Readonly<Record<string, string>> = {
  courses: 'catalog',
  course: 'catalog',
  verifyCertificate: 'certificates',
};

/** Every anonymous answer varies by these request headers (a credential changes the answer). */
export const VARY = 'Cookie, Authorization';
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

interface Entry {
  body: string;
  etag: string;
  scopes: readonly string[];
}

/** What the cache knows of one query text: not cacheable (null), or its key part and scopes. */
interface DocumentInfo {
  normalized: string;
  scopes: string[];
}

export interface PublicCacheStats {
  hits: number;
  misses: number;
  stores: number;
  entries: number;
  bytes: number;
  active: boolean;
}

export class PublicResponseCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly documents = new LRUCache<string, DocumentInfo | { normalized: null }>({
    max: 500,
  });
  /** Bumped by every invalidation: a response read before it is not stored after it. */
  private generation = 0;
  private listening = false;
  private hits = 0;
  private misses = 0;
  private stores = 0;

  constructor(readonly options: { maxBytes: number }) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: options.maxBytes,
      sizeCalculation: (entry, key) => entry.body.length + key.length + 200,
    });
  }

  /** Serving and storing happen only while invalidations are known to arrive. */
  get active(): boolean {
    return this.listening;
  }

  /** LISTEN is in effect: start from empty (anything may have changed while off). */
  on(): void {
    this.generation++;
    this.entries.clear();
    this.listening = true;
  }

  /** The listening connection is lost: drop everything and stop until `on()`. */
  off(): void {
    this.listening = false;
    this.generation++;
    this.entries.clear();
  }

  /** A committed write changed the answers of this scope (unknown scope: all of them). */
  invalidate(scope: string): void {
    this.generation++;
    const known = Object.values(PUBLIC_ROOT_FIELDS).includes(scope);
    if (!known) {
      this.entries.clear();
      return;
    }
    const stale = [...this.entries.entries()]
      .filter(([, entry]) => entry.scopes.includes(scope))
      .map(([key]) => key);
    for (const key of stale) this.entries.delete(key);
  }

  stats(): PublicCacheStats {
    return {
      hits: this.hits,
      misses: this.misses,
      stores: this.stores,
      entries: this.entries.size,
      bytes: this.entries.calculatedSize,
      active: this.active,
    };
  }

  /** Express middleware for /graphql, after the JSON parser and the trusted documents. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      res.setHeader('vary', VARY);
      if (hasCredentials(req)) {
        res.setHeader('cache-control', PRIVATE_CACHE_CONTROL);
        return next();
      }
      const key = this.active ? this.keyOf(req) : null;
      if (!key) {
        res.setHeader('cache-control', PRIVATE_CACHE_CONTROL);
        return next();
      }
      const hit = this.entries.get(key.key);
      if (hit) {
        this.hits++;
        res.setHeader('x-cache', 'HIT');
        sendCached(res, hit);
        return;
      }
      this.misses++;
      res.setHeader('x-cache', 'MISS');
      this.storeOnSend(res, key.key, key.scopes);
      next();
    };
  }

  /** Wraps `res.send` for this response: a 200 without errors is stored and gets an ETag. */
  private storeOnSend(res: Response, key: string, scopes: readonly string[]) {
    const generation = this.generation;
    // The GraphQL handler answers through res.send for this response (not res.end).
    res.locals[SEND_THROUGH_EXPRESS] = true;
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      res.send = send;
      if (typeof body !== 'string' || res.statusCode !== 200 || body.includes('"errors":')) {
        res.setHeader('cache-control', PRIVATE_CACHE_CONTROL);
        return send(body);
      }
      const entry: Entry = { body, etag: etagOf(body), scopes };
      // An invalidation since this request began: its answer may predate the write.
      if (this.active && generation === this.generation) {
        this.entries.set(key, entry);
        this.stores++;
      }
      res.setHeader('etag', entry.etag);
      res.setHeader('cache-control', PUBLIC_CACHE_CONTROL);
      return send(body);
    };
  }

  /** The cache key of a cacheable anonymous request, or null. */
  private keyOf(req: Request): { key: string; scopes: string[] } | null {
    const request = graphqlRequest(req);
    if (!request) return null;
    const document = this.document(request.query, request.operationName);
    if (!document.normalized) return null;
    const { normalized, scopes } = document as DocumentInfo;
    const now = new Date();
    // Credit notices and availability are judged by the day (UTC and the provider's).
    const days = `${now.toISOString().slice(0, 10)}|${providerDay(now)}`;
    const variables = canonicalJson(request.variables ?? {});
    const key = createHash('sha256')
      .update(`${days}\n${request.operationName ?? ''}\n${normalized}\n${variables}`)
      .digest('base64url');
    return { key, scopes };
  }

  private document(query: string, operationName: string | null) {
    const cacheKey = `${operationName ?? ''}\n${query}`;
    let info = this.documents.get(cacheKey);
    if (!info) {
      info = analyse(query, operationName) ?? { normalized: null };
      this.documents.set(cacheKey, info);
    }
    return info;
  }
}

/** Any credential makes the request personal: Authorization (the API's) or a cookie. */
export function hasCredentials(req: Request): boolean {
  return Boolean(req.headers.authorization || req.headers.cookie);
}

function sendCached(res: Response, entry: Entry) {
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('etag', entry.etag);
  res.setHeader('cache-control', PUBLIC_CACHE_CONTROL);
  // Express answers a GET whose If-None-Match matches the ETag with 304 and no body.
  res.status(200).send(entry.body);
}

function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

interface GraphQLRequestParts {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown> | null;
}

/**
 * The operation of a request Apollo would run: a JSON POST, or a GET with a header that a
 * browser cannot send cross-site without a preflight (Apollo's CSRF prevention). Anything else
 * (extensions, batches, unparseable variables) is not cached.
 */
function graphqlRequest(req: Request): GraphQLRequestParts | null {
  let source: Record<string, unknown>;
  if (req.method === 'POST') {
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) return null;
    source = req.body as Record<string, unknown>;
  } else if (req.method === 'GET') {
    if (!req.headers['apollo-require-preflight'] && !req.headers['x-apollo-operation-name']) {
      return null;
    }
    source = { ...(req.query as Record<string, unknown>) };
    if (typeof source.variables === 'string') {
      try {
        source.variables = JSON.parse(source.variables);
      } catch {
        return null;
      }
    }
  } else {
    return null;
  }
  const { query, operationName, variables, ...rest } = source;
  if (Object.keys(rest).length > 0 || typeof query !== 'string') return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return null;
  }
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  ) {
    return null;
  }
  return {
    query,
    operationName: operationName ?? null,
    variables: (variables as Record<string, unknown> | null | undefined) ?? null,
  };
}

/** A query operation whose every root selection is a public field: its printed form and scopes. */
function analyse(query: string, operationName: string | null): DocumentInfo | null {
  if (query.length > 20_000) return null;
  let document: ReturnType<typeof parse>;
  try {
    document = parse(query, { maxTokens: 5000 });
  } catch {
    return null;
  }
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((candidate) => candidate.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (operation?.operation !== 'query') return null;
  const scopes = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    if (selection.name.value === '__typename') continue;
    const scope = PUBLIC_ROOT_FIELDS[selection.name.value];
    if (!scope) return null;
    scopes.add(scope);
  }
  if (scopes.size === 0) return null;
  return { normalized: print(document), scopes: [...scopes] };
}

/** JSON with object keys sorted: equal variables give equal keys. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>).sort();
  return `{${keys
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map(
      (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
    )
    .join(',')}}`;
}
