import { AppError } from '../errors/app-error';

/** Opaque keyset cursor: the sort key of the last row seen. */
export interface PublishedCursor {
  publishedAt: Date;
  id: string;
}

export function encodeCursor(cursor: PublishedCursor): string {
  return Buffer.from(JSON.stringify([cursor.publishedAt.toISOString(), cursor.id])).toString(
    'base64url',
  );
}

export function decodeCursor(value: string, field = 'after'): PublishedCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [publishedAt, id] = parsed as [unknown, unknown];
      const date = typeof publishedAt === 'string' ? new Date(publishedAt) : null;
      if (date && !Number.isNaN(date.getTime()) && typeof id === 'string' && UUID.test(id)) {
        return { publishedAt: date, id };
      }
    }
  } catch {
    // fall through to the user-facing error
  }
  throw AppError.badInput(
    { [field]: ['This cursor is not valid. Use a cursor returned by a previous page.'] },
    'Invalid cursor.',
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
