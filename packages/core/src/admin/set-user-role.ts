import type { Db, Role } from '@lms/db';
import { z } from 'zod';
import { requireAdmin } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { type UserSummary, userSummarySelect } from './user-summary';

export interface SetUserRoleOptions {
  db: Db;
  viewer: Viewer | null;
  userId: string;
  role: Role;
}

/** Changes a user's role, recording who did it. Admins cannot change their own role. */
export async function setUserRole(options: SetUserRoleOptions): Promise<UserSummary> {
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
      select: userSummarySelect,
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
