import type { Db } from '@lms/db';
import { type CatalogCourse, catalogCourseSelect, toCatalogCourse } from './catalog-course';

/** A published course by slug; null for an unknown slug or a course not in the catalog. */
export async function getPublishedCourse(options: {
  db: Db;
  slug: string;
}): Promise<CatalogCourse | null> {
  if (options.slug.length > 200) return null;
  const row = await options.db.course.findFirst({
    where: { slug: options.slug, status: 'PUBLISHED' },
    select: catalogCourseSelect,
  });
  return row ? toCatalogCourse(row) : null;
}
