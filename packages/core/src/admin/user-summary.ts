import type { Role } from '@lms/db';

/** A user as the admin's user list shows them. */
export interface UserSummary {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
}

/** The Prisma select that reads a UserSummary. */
export const userSummarySelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  createdAt: true,
} as const;
