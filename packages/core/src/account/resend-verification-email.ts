import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { sendVerificationLink } from './email-verification';

export interface ResendVerificationEmailOptions {
  db: Db;
  viewer: Viewer | null;
}

/** "Send me a new link": false when the address is already confirmed (nothing is sent). */
export async function resendVerificationEmail(
  options: ResendVerificationEmailOptions,
): Promise<boolean> {
  const viewer = requireViewer(options.viewer);
  return options.db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { id: true, name: true, email: true, emailVerifiedAt: true },
    });
    if (user.emailVerifiedAt) return false;
    await sendVerificationLink(tx, user);
    return true;
  });
}
