import type { Db, Prisma, Role } from '@lms/db';
import { z } from 'zod';
import { requireAdmin } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { afterTimeCursor, type Page, pageArgsSchema, toPage } from '../pagination/keyset';

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
}

const userSelect = { id: true, name: true, email: true, role: true, createdAt: true } as const;

/** Every user, newest first, optionally matching a name or email fragment. Admins only. */
export async function listUsers(options: {
  db: Db;
  viewer: Viewer | null;
  first: number;
  after?: string | null;
  search?: string | null;
  role?: Role | null;
}): Promise<Page<UserSummary>> {
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
      select: userSelect,
    }),
    options.db.user.count({ where: scope }),
  ]);
  return toPage(rows, page.first, page.after, totalCount);
}

/** Changes a user's role, recording who did it. Admins cannot change their own role. */
export async function setUserRole(options: {
  db: Db;
  viewer: Viewer | null;
  userId: string;
  role: Role;
}): Promise<UserSummary> {
  const admin = requireAdmin(options.viewer);
  const { userId, role } = parseInput(
    z.object({
      userId: z.uuid({ error: 'Unknown user.' }),
      role: z.enum(['STUDENT', 'INSTRUCTOR', 'ADMIN'], { error: 'Choose a role.' }),
    }),
    { userId: options.userId, role: options.role },
  );
  if (userId === admin.id) {
    throw new AppError('CONFLICT', 'You cannot change your own role. Ask another admin.');
  }
  return options.db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!before) throw AppError.notFound('User');
    const user = await tx.user.update({
      where: { id: userId },
      data: { role },
      select: userSelect,
    });
    if (before.role !== role) {
      await recordAudit(tx, {
        actorId: admin.id,
        action: 'user.role.change',
        targetType: 'User',
        targetId: userId,
        details: { from: before.role, to: role },
      });
    }
    return user;
  });
}
