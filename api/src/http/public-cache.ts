import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { providerDay } from '@lms/core';
import fresh from 'fresh';
import { Kind, type OperationDefinitionNode, parse, print } from 'graphql';
import { LRUCache } from 'lru-cache';

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

/** A public answer: its body and strong ETag. */
export interface CachedAnswer {
  body: string;
  etag: string;
}

interface Entry extends CachedAnswer {
  scopes: readonly string[];
}

/** The parts of a GraphQL request the cache reads (`query`: a GET's parsed query string). */
export interface CacheableRequest {
  method: string | undefined;
  headers: IncomingHttpHeaders;
  body: unknown;
  query: unknown;
}

export interface CacheMiss {
  kind: 'miss';
  key: string;
  scopes: readonly string[];
  /** The cache's generation at the lookup. */
  generation: number;
}

export type CacheDecision = { kind: 'private' } | { kind: 'hit'; entry: CachedAnswer } | CacheMiss;

const PRIVATE: CacheDecision = { kind: 'private' };

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

  /**
   * What to do with a GraphQL request (after the trusted-documents check): answer it from the
   * cache (`hit`), run it and offer its answer to `store` (`miss`), or run it as a private
   * answer (`private`: a credential, not a public read, or the cache is off).
   */
  lookup(request: CacheableRequest): CacheDecision {
    if (hasCredentials(request.headers)) return PRIVATE;
    const key = this.active ? this.keyOf(request) : null;
    if (!key) return PRIVATE;
    const entry = this.entries.get(key.key);
    if (entry) {
      this.hits++;
      return { kind: 'hit', entry };
    }
    this.misses++;
    return { kind: 'miss', key: key.key, scopes: key.scopes, generation: this.generation };
  }

  /**
   * The answer to a `miss`: a 200 without errors becomes an entry (stored unless an invalidation
   * came since the lookup: it may predate the write) and is sent as a public answer; anything
   * else (null) is private.
   */
  store(miss: CacheMiss, status: number, body: string): CachedAnswer | null {
    if (status !== 200 || body.includes('"errors":')) return null;
    const entry: Entry = { body, etag: etagOf(body), scopes: miss.scopes };
    if (this.active && miss.generation === this.generation) {
      this.entries.set(miss.key, entry);
      this.stores++;
    }
    return entry;
  }

  /** The cache key of a cacheable anonymous request, or null. */
  private keyOf(req: CacheableRequest): { key: string; scopes: string[] } | null {
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
export function hasCredentials(headers: IncomingHttpHeaders): boolean {
  return Boolean(headers.authorization || headers.cookie);
}

/**
 * Sends a public answer (fresh from `store` or a hit) with its strong ETag and revalidation
 * headers: a GET whose If-None-Match matches gets 304 and no body (the `fresh` package, as
 * Express's `req.fresh`); a POST always gets the body.
 */
export function sendPublicAnswer(req: IncomingMessage, res: ServerResponse, answer: CachedAnswer) {
  res.setHeader('etag', answer.etag);
  res.setHeader('cache-control', PUBLIC_CACHE_CONTROL);
  const status = res.statusCode;
  if (
    (req.method === 'GET' || req.method === 'HEAD') &&
    ((status >= 200 && status < 300) || status === 304) &&
    fresh(req.headers, { etag: answer.etag })
  ) {
    res.statusCode = 304;
    res.removeHeader('content-type');
    res.removeHeader('content-length');
    res.removeHeader('transfer-encoding');
    res.end();
    return;
  }
  if (!res.hasHeader('content-type')) {
    res.setHeader('content-type', 'application/json; charset=utf-8');
  }
  res.end(req.method === 'HEAD' ? undefined : answer.body);
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
function graphqlRequest(req: CacheableRequest): GraphQLRequestParts | null {
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
