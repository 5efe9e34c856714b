import type { CourseStatus, Db, Prisma } from '@lms/db';
import { requireAuthor } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { parseInput } from '../errors/validate';
import { afterTimeCursor, type Page, pageArgsSchema, toPage } from '../pagination/keyset';

export interface ManagedCourseSummary {
  id: string;
  slug: string;
  status: CourseStatus;
  createdAt: Date;
  updatedAt: Date;
  ownerName: string;
  draftTitle: string;
  draftRevision: number;
  latestPublishedVersionNumber: number | null;
}

/** Courses the viewer can manage: their own and co-taught ones; every course for an admin. */
export async function listManageableCourses(options: {
  db: Db;
  viewer: Viewer | null;
  first: number;
  after?: string | null;
  status?: CourseStatus | null;
}): Promise<Page<ManagedCourseSummary>> {
  const viewer = requireAuthor(options.viewer);
  const page = parseInput(pageArgsSchema, { first: options.first, after: options.after });
  const scope: Prisma.CourseWhereInput = {
    ...(viewer.role === 'ADMIN' ? {} : { instructors: { some: { userId: viewer.id } } }),
    ...(options.status ? { status: options.status } : {}),
  };
  const [rows, totalCount] = await Promise.all([
    options.db.course.findMany({
      where: { ...scope, ...afterTimeCursor(page.after) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: page.first + 1,
      select: {
        id: true,
        slug: true,
        status: true,
        createdAt: true,
        updatedAt: true,
        owner: { select: { name: true } },
        draftVersion: { select: { title: true, revision: true } },
        latestPublishedVersion: { select: { number: true } },
      },
    }),
    options.db.course.count({ where: scope }),
  ]);
  const summaries = rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ownerName: row.owner.name,
    draftTitle: row.draftVersion?.title ?? '',
    draftRevision: row.draftVersion?.revision ?? 0,
    latestPublishedVersionNumber: row.latestPublishedVersion?.number ?? null,
  }));
  return toPage(summaries, page.first, page.after, totalCount);
}
