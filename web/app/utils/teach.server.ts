import { requireViewer, type Viewer } from './session.server';

/** Instructors and admins; anyone else gets a friendly 403 page. */
export async function requireAuthor(request: Request): Promise<Viewer> {
  const viewer = await requireViewer(request);
  if (viewer.role !== 'INSTRUCTOR' && viewer.role !== 'ADMIN') {
    throw new Response(
      'Teaching pages are for instructors. Your account is a student account: if you teach for us, ask an administrator to give you the instructor role.',
      { status: 403 },
    );
  }
  return viewer;
}

/** Admins only; anyone else gets a 403 page. */
export async function requireAdmin(request: Request): Promise<Viewer> {
  const viewer = await requireViewer(request);
  if (viewer.role !== 'ADMIN') {
    throw new Response('The admin area is for administrators only.', { status: 403 });
  }
  return viewer;
}

export { redirectWithFlash } from './session.server';
