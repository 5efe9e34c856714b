import { readFileSync } from 'node:fs';

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

/** What the check decided: run `body` (the request with its document text), or refuse. */
export type TrustedDocumentDecision =
  | { run: true; body: unknown }
  | { run: false; code: string; message: string };

/**
 * The check in front of Apollo, on the parsed request: `body` is the JSON body of a POST, `query`
 * the parsed query string of a GET. A `documentId` is replaced by its operation's text.
 */
export function checkTrustedDocument(
  trusted: TrustedDocuments,
  texts: ReadonlySet<string>,
  method: string | undefined,
  body: unknown,
  query: unknown,
): TrustedDocumentDecision {
  const request: unknown = method === 'GET' ? query : body;
  if (!request || typeof request !== 'object' || Array.isArray(request)) {
    if (trusted.allowAdHoc) return { run: true, body };
    return refusal('BAD_REQUEST', 'Send one GraphQL operation as a JSON object.');
  }
  const { documentId, query: text } = request as { documentId?: unknown; query?: unknown };
  if (documentId !== undefined) {
    const listed = typeof documentId === 'string' ? trusted.byId.get(documentId) : undefined;
    if (method === 'GET') return refusal('BAD_REQUEST', 'Send documentId in a POST request.');
    const { documentId: _id, ...rest } = body as Record<string, unknown>;
    if (listed !== undefined) return { run: true, body: { ...rest, query: listed } };
    // Development: a web app newer than this API's list also sends the text.
    if (trusted.allowAdHoc && typeof text === 'string') return { run: true, body: rest };
    return refusal(
      'PERSISTED_QUERY_NOT_FOUND',
      'Unknown documentId: this API runs the operations of its own web app version.',
    );
  }
  if (trusted.allowAdHoc || typeof text !== 'string' || texts.has(text)) {
    return { run: true, body };
  }
  return refusal(
    'TRUSTED_DOCUMENT_REQUIRED',
    'This API runs only the web app’s own operations: send their documentId. (Operators can allow other documents with GRAPHQL_ADHOC_DOCUMENTS=allow.)',
  );
}

function refusal(code: string, message: string): TrustedDocumentDecision {
  return { run: false, code, message };
}
