import type { Db, OrderStatus, Prisma } from '@lms/db';
import { z } from 'zod';
import { requireAdmin } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { type Page, pageArgsSchema } from '../pagination/keyset';
import { type OrderView, orderViewSelect, toOrderView } from './order-view';

const cursorShape = z.tuple([z.boolean(), z.iso.datetime(), z.uuid()]);

function encodeCursor(order: { status: OrderStatus; createdAt: Date; id: string }): string {
  return Buffer.from(
    JSON.stringify([order.status === 'FLAGGED', order.createdAt.toISOString(), order.id]),
  ).toString('base64url');
}

function decodeCursor(value: string): { flagged: boolean; createdAt: Date; id: string } {
  try {
    const parsed = cursorShape.safeParse(
      JSON.parse(Buffer.from(value, 'base64url').toString('utf8')),
    );
    if (parsed.success) {
      return { flagged: parsed.data[0], createdAt: new Date(parsed.data[1]), id: parsed.data[2] };
    }
  } catch {
    // fall through
  }
  throw AppError.badInput({
    after: ['This cursor is not valid. Use a cursor returned by a previous page.'],
  });
}

export interface ListOrdersOptions {
  db: Db;
  viewer: Viewer | null;
  first: number;
  after?: string | null;
  status?: OrderStatus | null;
}

/** Every order for admins: flagged ones first, then newest first; optionally one status only. */
export async function listOrders(options: ListOrdersOptions): Promise<Page<OrderView>> {
  requireAdmin(options.viewer);
  const page = parseInput(pageArgsSchema, { first: options.first, after: options.after });
  const { db } = options;
  const scope: Prisma.OrderWhereInput = options.status ? { status: options.status } : {};
  const cursor = page.after ? decodeCursor(page.after) : null;
  // (flagged desc, createdAt desc, id desc) keyset.
  const after: Prisma.OrderWhereInput = cursor
    ? {
        OR: [
          ...(cursor.flagged ? [{ status: { not: 'FLAGGED' as const } }] : []),
          {
            status: cursor.flagged ? 'FLAGGED' : { not: 'FLAGGED' },
            OR: [
              { createdAt: { lt: cursor.createdAt } },
              { createdAt: cursor.createdAt, id: { lt: cursor.id } },
            ],
          },
        ],
      }
    : {};
  const where: Prisma.OrderWhereInput = { AND: [scope, after] };
  const orderBy = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
  const [flagged, totalCount] = await Promise.all([
    cursor && !cursor.flagged
      ? Promise.resolve([])
      : db.order.findMany({
          where: { AND: [where, { status: 'FLAGGED' }] },
          orderBy,
          take: page.first + 1,
          select: orderViewSelect,
        }),
    db.order.count({ where: scope }),
  ]);
  const rest =
    flagged.length > page.first
      ? []
      : await db.order.findMany({
          where: { AND: [where, { status: { not: 'FLAGGED' } }] },
          orderBy,
          take: page.first + 1 - flagged.length,
          select: orderViewSelect,
        });
  const rows = [...flagged, ...rest];
  return {
    edges: rows
      .slice(0, page.first)
      .map((row) => ({ cursor: encodeCursor(row), node: toOrderView(row) })),
    hasNextPage: rows.length > page.first,
    hasPreviousPage: Boolean(page.after),
    totalCount,
  };
}
