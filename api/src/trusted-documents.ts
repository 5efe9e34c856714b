import { readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';

/**
 * Trusted documents: the web app's generated operations (codegen's persisted-documents.json,
 * id → text) are the allow-list. A client sends `documentId` (the web app does) or the exact
 * text of a listed operation. Any other document is refused unless ad-hoc documents are allowed
 * (development, or GRAPHQL_ADHOC_DOCUMENTS=allow for third-party clients).
 */
export interface TrustedDocuments {
  /** Document id ("sha256:…") → operation text. */
  byId: ReadonlyMap<string, string>;
  /** Run documents that are not in the list. */
  allowAdHoc: boolean;
}

export function loadTrustedDocuments(file: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `Cannot read the trusted documents at ${file} (run \`pnpm --filter @lms/web codegen\`): ${(error as Error).message}`,
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${file} must be a JSON object of document id → operation text.`);
  }
  const byId = new Map<string, string>();
  for (const [id, text] of Object.entries(parsed)) {
    if (typeof text === 'string') byId.set(id, text);
  }
  return byId;
}

function refuse(res: Parameters<RequestHandler>[1], code: string, message: string) {
  res.status(400).json({ errors: [{ message, extensions: { code } }] });
}

/** Express middleware in front of Apollo (after the JSON body parser). */
export function trustedDocumentsMiddleware(trusted: TrustedDocuments): RequestHandler {
  const texts = new Set(trusted.byId.values());
  return (req, res, next) => {
    const body: unknown = req.method === 'GET' ? req.query : req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      if (trusted.allowAdHoc) return next();
      return refuse(res, 'BAD_REQUEST', 'Send one GraphQL operation as a JSON object.');
    }
    const request = body as { documentId?: unknown; query?: unknown };
    if (request.documentId !== undefined) {
      const text =
        typeof request.documentId === 'string' ? trusted.byId.get(request.documentId) : undefined;
      if (req.method === 'GET') {
        return refuse(res, 'BAD_REQUEST', 'Send documentId in a POST request.');
      }
      const { documentId: _id, ...rest } = req.body as Record<string, unknown>;
      if (text !== undefined) {
        req.body = { ...rest, query: text };
        return next();
      }
      // Development: a web app newer than this API's list also sends the text.
      if (trusted.allowAdHoc && typeof request.query === 'string') {
        req.body = rest;
        return next();
      }
      return refuse(
        res,
        'PERSISTED_QUERY_NOT_FOUND',
        'Unknown documentId: this API runs the operations of its own web app version.',
      );
    }
    if (trusted.allowAdHoc || typeof request.query !== 'string' || texts.has(request.query)) {
      return next();
    }
    return refuse(
      res,
      'TRUSTED_DOCUMENT_REQUIRED',
      'This API runs only the web app’s own operations: send their documentId. (Operators can allow other documents with GRAPHQL_ADHOC_DOCUMENTS=allow.)',
    );
  };
}
