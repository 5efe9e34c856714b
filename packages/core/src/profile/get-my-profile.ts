import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';

export interface Profile {
  id: string;
  name: string;
  email: string;
  bio: string | null;
  credentials: { credential: string; awardedYear: number }[];
}

export interface GetMyProfileOptions {
  db: Db;
  viewer: Viewer | null;
}

export async function getMyProfile(options: GetMyProfileOptions): Promise<Profile> {
  const viewer = requireViewer(options.viewer);
  const user = await options.db.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: {
      id: true,
      name: true,
      email: true,
      bio: true,
      credentials: {
        orderBy: { position: 'asc' },
        select: { credential: true, awardedYear: true },
      },
    },
  });
  return user;
}
