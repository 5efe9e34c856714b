import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { redirect } from '@remix-run/node';
import { type DocumentNode, print } from 'graphql';
import { getSessionToken } from './cookies.server';
import { env } from './env.server';

/** The codes the API puts in `extensions.code` (see api/schema.graphql). */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | (string & {});

export type FieldErrors = Record<string, string[]>;

/** One GraphQL error, flattened to what the web app uses. */
export interface ApiError {
  message: string;
  code: ApiErrorCode;
  fieldErrors?: FieldErrors;
  retryAfterSeconds?: number;
  requestId?: string;
  path?: ReadonlyArray<string | number>;
}

export type ApiResult<TData> =
  | { data: TData; errors: null }
  | { data: TData | null; errors: [ApiError, ...ApiError[]] };

/** Variables are optional when the operation has none (or only optional ones). */
type VariablesArgs<TVariables> =
  Record<string, never> extends TVariables
    ? [variables?: TVariables, options?: GqlOptions]
    : [variables: TVariables, options?: GqlOptions];

export interface GqlOptions {
  /** Use this token instead of the one in the request's cookie (null: anonymous). */
  token?: string | null;
}

const REQUEST_TIMEOUT_MS = 10_000;
const printed = new WeakMap<DocumentNode, string>();

/**
 * What identifies an operation to the API: its id in the trusted-documents allow-list (codegen
 * puts it in `__meta__.hash`). Production sends only the id; development also sends the text,
 * so an API started before the last codegen still runs it.
 */
function operationBody(document: DocumentNode): { documentId?: string; query?: string } {
  const documentId = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof documentId !== 'string') return { query: printDocument(document) };
  if (env.NODE_ENV === 'production') return { documentId };
  return { documentId, query: printDocument(document) };
}

function printDocument(document: DocumentNode): string {
  let query = printed.get(document);
  if (query === undefined) {
    query = print(document);
    printed.set(document, query);
  }
  return query;
}

/**
 * The client's address, to forward to the API (which throttles sign-in per address). The web
 * server (server.js) sets this header from the socket, or from X-Forwarded-For when a trusted
 * proxy sent it, and drops any copy the client supplied.
 */
export function getClientIp(request: Request): string | null {
  return request.headers.get('x-lms-client-ip')?.trim() || null;
}

/** Seconds a visitor is asked to wait when the API is down or busy. */
const RETRY_AFTER_SECONDS = 30;

function apiUnavailable(
  message = 'The CodeCred service is not reachable right now. Please try again in a minute.',
  retryAfterSeconds = RETRY_AFTER_SECONDS,
): Response {
  return new Response(message, {
    status: 503,
    statusText: 'Service Unavailable',
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

/** True for the Response `gql` throws when the API cannot be reached (a form can keep its values). */
export function isApiUnavailable(error: unknown): error is Response {
  return error instanceof Response && error.status === 503;
}

interface RawGraphQLError {
  message?: unknown;
  path?: unknown;
  extensions?: {
    code?: unknown;
    fieldErrors?: unknown;
    retryAfterSeconds?: unknown;
    requestId?: unknown;
  };
}

function toApiError(raw: RawGraphQLError): ApiError {
  const ext = raw.extensions ?? {};
  const error: ApiError = {
    message: typeof raw.message === 'string' ? raw.message : 'Unknown error',
    code: typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR',
  };
  if (ext.fieldErrors && typeof ext.fieldErrors === 'object') {
    const fieldErrors: FieldErrors = {};
    for (const [field, messages] of Object.entries(ext.fieldErrors)) {
      const list = Array.isArray(messages) ? messages : [messages];
      fieldErrors[field] = list.filter((m): m is string => typeof m === 'string');
    }
    error.fieldErrors = fieldErrors;
  }
  if (typeof ext.retryAfterSeconds === 'number') error.retryAfterSeconds = ext.retryAfterSeconds;
  if (typeof ext.requestId === 'string') error.requestId = ext.requestId;
  if (Array.isArray(raw.path)) error.path = raw.path as Array<string | number>;
  return error;
}

/**
 * Runs one typed GraphQL operation against the API on behalf of the visitor who sent
 * `request`: their session token (from the signed cookie) goes as a Bearer token, their IP
 * as X-Forwarded-For. Returns `{ data, errors }`; GraphQL errors are returned, not thrown.
 * A network failure (API down, timeout, non-GraphQL answer) throws a 503 Response, which the
 * nearest error boundary renders.
 */
export async function gql<TData, TVariables>(
  request: Request,
  document: TypedDocumentNode<TData, TVariables>,
  ...[variables, options]: VariablesArgs<TVariables>
): Promise<ApiResult<TData>> {
  const token =
    options && 'token' in options ? (options.token ?? null) : await getSessionToken(request);

  const headers = new Headers({
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    // Apollo's CSRF prevention: a non-simple header proves this is not a browser form post.
    'apollo-require-preflight': 'true',
  });
  if (token) headers.set('authorization', `Bearer ${token}`);
  const ip = getClientIp(request);
  if (ip) headers.set('x-forwarded-for', ip);
  const userAgent = request.headers.get('user-agent');
  if (userAgent) headers.set('user-agent', userAgent);

  let response: Response;
  try {
    response = await fetch(env.API_URL, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...operationBody(document), variables: variables ?? {} }),
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
    });
  } catch (error) {
    if (request.signal.aborted) throw error; // the visitor went away; nothing to render
    console.error(`[web] GraphQL API unreachable at ${env.API_URL}:`, error);
    throw apiUnavailable();
  }

  let body: { data?: TData | null; errors?: RawGraphQLError[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    console.error(`[web] GraphQL API answered HTTP ${response.status} without a JSON body`);
    throw apiUnavailable();
  }

  const errors = Array.isArray(body.errors) ? body.errors.map(toApiError) : [];
  const [first, ...rest] = errors;
  if (first) return { data: body.data ?? null, errors: [first, ...rest] };
  if (body.data == null) {
    console.error(
      `[web] GraphQL API answered HTTP ${response.status} with neither data nor errors`,
    );
    throw apiUnavailable();
  }
  return { data: body.data, errors: null };
}

/** Merges the field errors of every BAD_USER_INPUT error into one field → messages map. */
export function getFieldErrors(errors: readonly ApiError[]): FieldErrors {
  const merged: FieldErrors = {};
  for (const error of errors) {
    if (error.code !== 'BAD_USER_INPUT' || !error.fieldErrors) continue;
    for (const [field, messages] of Object.entries(error.fieldErrors)) {
      merged[field] = [...(merged[field] ?? []), ...messages];
    }
  }
  return merged;
}

export function tooManyAttemptsMessage(retryAfterSeconds: number | undefined): string {
  const minutes = Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/** What a form shows after a failed mutation: messages per field plus one for the form. */
export interface FormErrors {
  fieldErrors: FieldErrors;
  formError: string | null;
}

/**
 * Turns the errors a form can expect (BAD_USER_INPUT, CONFLICT, TOO_MANY_REQUESTS) into
 * messages for the form; any other error is thrown as a Response for the error boundary
 * (UNAUTHENTICATED becomes a redirect to the sign-in page).
 */
export function toFormErrors(request: Request, errors: readonly ApiError[]): FormErrors {
  const unexpected = errors.find(
    (e) => !['BAD_USER_INPUT', 'CONFLICT', 'TOO_MANY_REQUESTS'].includes(e.code),
  );
  if (unexpected) throw errorResponse(request, unexpected);

  const fieldErrors = getFieldErrors(errors);
  const limited = errors.find((e) => e.code === 'TOO_MANY_REQUESTS');
  let formError: string | null = null;
  if (limited) {
    formError = tooManyAttemptsMessage(limited.retryAfterSeconds);
  } else {
    const general = errors.find((e) => !e.fieldErrors || Object.keys(e.fieldErrors).length === 0);
    if (general) formError = general.message;
    else if (Object.keys(fieldErrors).length > 0) formError = 'Please correct the errors below.';
  }
  return { fieldErrors, formError };
}

/** The Response (or redirect) to throw for an API error a page cannot handle itself. */
export function errorResponse(request: Request, error: ApiError): Response {
  switch (error.code) {
    case 'UNAUTHENTICATED': {
      const url = new URL(request.url);
      const redirectTo = `${url.pathname}${url.search}`;
      return redirect(`/sign-in?${new URLSearchParams({ redirectTo })}`);
    }
    case 'FORBIDDEN':
      return new Response('You do not have access to this page.', { status: 403 });
    case 'NOT_FOUND':
      return new Response('Not found', { status: 404 });
    case 'TOO_MANY_REQUESTS':
      return new Response(tooManyAttemptsMessage(error.retryAfterSeconds), { status: 429 });
    case 'SERVICE_UNAVAILABLE':
      // Busy or briefly without its database (or a payment provider): worth a retry.
      return apiUnavailable(
        'CodeCred is busy right now. Please try again in a minute.',
        error.retryAfterSeconds ?? RETRY_AFTER_SECONDS,
      );
    default: {
      console.error('[web] GraphQL API error', error.code, error.requestId, error.message);
      const ref = error.requestId ? ` (reference ${error.requestId})` : '';
      return new Response(`Something went wrong on our side${ref}.`, { status: 500 });
    }
  }
}

/** Like gql, but returns the data and throws any GraphQL error as a Response. */
export async function gqlData<TData, TVariables>(
  request: Request,
  document: TypedDocumentNode<TData, TVariables>,
  ...args: VariablesArgs<TVariables>
): Promise<TData> {
  const result = await gql(request, document, ...args);
  if (result.errors) throw errorResponse(request, result.errors[0]);
  return result.data;
}
