import type { Db, Prisma } from '@lms/db';
import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { type CatalogCourse, catalogCourseSelect, toCatalogCourse } from './catalog-course';
import { decodeCursor, encodeCursor } from './cursor';

export const MAX_PAGE_SIZE = 50;

const pageSchema = z.object({
  first: z
    .number()
    .int()
    .min(1, 'Ask for at least 1 course.')
    .max(MAX_PAGE_SIZE, `Ask for at most ${MAX_PAGE_SIZE} courses per page.`),
  after: z.string().max(200).nullish(),
});

export interface CoursePage {
  edges: { cursor: string; node: CatalogCourse }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

/** Published courses, newest first, keyset-paginated (stable under concurrent inserts). */
export async function listPublishedCourses(options: {
  db: Db;
  first: number;
  after?: string | null;
}): Promise<CoursePage> {
  const { db } = options;
  const page = parseInput(pageSchema, { first: options.first, after: options.after });
  const cursor = page.after ? decodeCursor(page.after) : null;

  const published: Prisma.CourseWhereInput = { status: 'PUBLISHED' };
  const where: Prisma.CourseWhereInput = cursor
    ? {
        ...published,
        OR: [
          { publishedAt: { lt: cursor.publishedAt } },
          { publishedAt: cursor.publishedAt, id: { lt: cursor.id } },
        ],
      }
    : published;

  const [rows, totalCount] = await Promise.all([
    db.course.findMany({
      where,
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      take: page.first + 1,
      select: catalogCourseSelect,
    }),
    db.course.count({ where: published }),
  ]);

  const hasNextPage = rows.length > page.first;
  const edges = rows
    .slice(0, page.first)
    .map(toCatalogCourse)
    .filter((course): course is CatalogCourse => course !== null)
    .map((node) => ({
      cursor: encodeCursor({ publishedAt: node.publishedAt, id: node.id }),
      node,
    }));

  return { edges, hasNextPage, hasPreviousPage: cursor !== null, totalCount };
}
