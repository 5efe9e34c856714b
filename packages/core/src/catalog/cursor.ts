import { createHash } from 'node:crypto';
import { AppError } from '../errors/app-error';

/** How the catalog can be ordered. RELEVANCE needs a search. */
export const CatalogSort = {
  NEWEST: 'NEWEST',
  RELEVANCE: 'RELEVANCE',
  TITLE: 'TITLE',
  PRICE_LOW_TO_HIGH: 'PRICE_LOW_TO_HIGH',
  PRICE_HIGH_TO_LOW: 'PRICE_HIGH_TO_LOW',
} as const;
export type CatalogSort = (typeof CatalogSort)[keyof typeof CatalogSort];

/**
 * The sort key of one row, after the id that breaks ties:
 * NEWEST [publishedAt], RELEVANCE [rank, publishedAt], TITLE [lower(title)],
 * PRICE_* [priceCents, publishedAt]. Rank is PostgreSQL's `real` printed as text, which
 * reads back as the identical value.
 */
export type SortKey = (string | number)[];

/**
 * Opaque keyset cursor: the sort, a digest of the search and filters it was issued for, the
 * sort key of the last row seen, and its id. Using it with another sort, search or filter is
 * refused (rather than silently continuing somewhere arbitrary).
 */
export interface CatalogCursor {
  sort: CatalogSort;
  scope: string;
  key: SortKey;
  id: string;
}

const VERSION = 1;

export function encodeCursor(cursor: CatalogCursor): string {
  return Buffer.from(
    JSON.stringify([VERSION, cursor.sort, cursor.scope, ...cursor.key, cursor.id]),
  ).toString('base64url');
}

/** A short digest of what the list was filtered by; cursors carry it. */
export function cursorScope(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

function invalid(field: string, message: string): AppError {
  return AppError.badInput({ [field]: [message] }, 'Invalid cursor.');
}

const KEY_SHAPES: Record<CatalogSort, ('date' | 'rank' | 'text' | 'int')[]> = {
  NEWEST: ['date'],
  RELEVANCE: ['rank', 'date'],
  TITLE: ['text'],
  PRICE_LOW_TO_HIGH: ['int', 'date'],
  PRICE_HIGH_TO_LOW: ['int', 'date'],
};

function validKeyPart(kind: 'date' | 'rank' | 'text' | 'int', value: unknown): boolean {
  switch (kind) {
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && value.length <= 40;
    case 'rank':
      return typeof value === 'string' && /^[0-9][0-9.e+-]{0,30}$/i.test(value);
    case 'text':
      return typeof value === 'string' && value.length <= 1000;
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value);
  }
}

/**
 * Decodes a cursor and checks it belongs to the list being asked for (same sort and scope).
 * Anything else is BAD_USER_INPUT naming `field`.
 */
export function decodeCursor(
  value: string,
  expected: { sort: CatalogSort; scope: string },
  field = 'after',
): CatalogCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed[0] !== VERSION || parsed.length < 5) {
    throw invalid(field, 'This cursor is not valid. Use a cursor returned by a previous page.');
  }
  const [, sort, scope, ...rest] = parsed as [unknown, unknown, unknown, ...unknown[]];
  const id = rest.pop();
  const shape = typeof sort === 'string' ? KEY_SHAPES[sort as CatalogSort] : undefined;
  if (
    !shape ||
    typeof scope !== 'string' ||
    typeof id !== 'string' ||
    !UUID.test(id) ||
    rest.length !== shape.length ||
    !shape.every((kind, index) => validKeyPart(kind, rest[index]))
  ) {
    throw invalid(field, 'This cursor is not valid. Use a cursor returned by a previous page.');
  }
  if (sort !== expected.sort || scope !== expected.scope) {
    throw invalid(
      field,
      'This cursor belongs to a different sort, search or filter. Start again from the first page.',
    );
  }
  return { sort: sort as CatalogSort, scope, key: rest as SortKey, id };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
