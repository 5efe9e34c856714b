import type { Db, Prisma, Role } from '@lms/db';
import { requireAdmin } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { parseInput } from '../errors/validate';
import { afterTimeCursor, type Page, pageArgsSchema, toPage } from '../pagination/keyset';
import { type UserSummary, userSummarySelect } from './user-summary';

export interface ListUsersOptions {
  db: Db;
  viewer: Viewer | null;
  first: number;
  after?: string | null;
  /** A fragment of the name or email (case-insensitive). */
  search?: string | null;
  role?: Role | null;
}

/** Every user, newest first, optionally matching a name or email fragment. Admins only. */
export async function listUsers(options: ListUsersOptions): Promise<Page<UserSummary>> {
  requireAdmin(options.viewer);
  const page = parseInput(pageArgsSchema, { first: options.first, after: options.after });
  const search = options.search?.trim().slice(0, 200);
  const scope: Prisma.UserWhereInput = {
    ...(search
      ? {
          OR: [
            { email: { contains: search, mode: 'insensitive' } },
            { name: { contains: search, mode: 'insensitive' } },
          ],
        }
      : {}),
    ...(options.role ? { role: options.role } : {}),
  };
  const [rows, totalCount] = await Promise.all([
    options.db.user.findMany({
      where: { AND: [scope, afterTimeCursor(page.after)] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: page.first + 1,
      select: userSummarySelect,
    }),
    options.db.user.count({ where: scope }),
  ]);
  return toPage(rows, page.first, page.after, totalCount);
}
