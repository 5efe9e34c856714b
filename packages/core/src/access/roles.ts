import { AppError } from '../errors/app-error';
import type { Viewer } from './viewer';

/** Anyone signed in. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'Sign in to do this.');
  return viewer;
}

/** Instructors and admins write courses; students do not. */
export function requireAuthor(viewer: Viewer | null): Viewer {
  const author = requireViewer(viewer);
  if (author.role === 'STUDENT') {
    throw new AppError(
      'FORBIDDEN',
      'Only instructors can create courses. Ask an admin for the instructor role.',
    );
  }
  return author;
}

/** Admins only: users and roles, certificates, code sets, CEU requirements. */
export function requireAdmin(viewer: Viewer | null): Viewer {
  const admin = requireViewer(viewer);
  if (admin.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only an admin can do this.');
  return admin;
}
