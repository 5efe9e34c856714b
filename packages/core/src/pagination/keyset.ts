import { z } from 'zod';
import { AppError } from '../errors/app-error';

/** Opaque keyset cursor for lists ordered by (createdAt desc, id desc). */
export function encodeTimeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

const cursorShape = z.tuple([z.iso.datetime(), z.uuid()]);

export function decodeTimeCursor(value: string): { createdAt: Date; id: string } {
  try {
    const parsed = cursorShape.safeParse(
      JSON.parse(Buffer.from(value, 'base64url').toString('utf8')),
    );
    if (parsed.success) return { createdAt: new Date(parsed.data[0]), id: parsed.data[1] };
  } catch {
    // fall through
  }
  throw AppError.badInput({
    after: ['This cursor is not valid. Use a cursor returned by a previous page.'],
  });
}

export const pageArgsSchema = z.object({
  first: z
    .number()
    .int()
    .min(1, 'Ask for at least 1 item.')
    .max(100, 'Ask for at most 100 items per page.'),
  after: z.string().max(300).nullish(),
});

/** Prisma `where` for rows after the cursor in (createdAt desc, id desc) order. */
export function afterTimeCursor(after: string | null | undefined) {
  if (!after) return {};
  const cursor = decodeTimeCursor(after);
  return {
    OR: [
      { createdAt: { lt: cursor.createdAt } },
      { createdAt: cursor.createdAt, id: { lt: cursor.id } },
    ],
  };
}

export interface Page<Node> {
  edges: { cursor: string; node: Node }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

/** Turns `first + 1` fetched rows into a page. */
export function toPage<Row extends { createdAt: Date; id: string }>(
  rows: Row[],
  first: number,
  after: string | null | undefined,
  totalCount: number,
): Page<Row> {
  return {
    edges: rows
      .slice(0, first)
      .map((node) => ({ cursor: encodeTimeCursor(node.createdAt, node.id), node })),
    hasNextPage: rows.length > first,
    hasPreviousPage: Boolean(after),
    totalCount,
  };
}
