import type { CourseKind, CourseLevel } from '@lms/db';
import { versionDetailsSelect } from '@lms/db';

/** What the catalog shows of a published course: the course plus its latest published version. */
export interface CatalogCourse {
  id: string;
  slug: string;
  ownerId: string;
  publishedAt: Date;
  version: {
    id: string;
    number: number;
    title: string;
    summary: string;
    description: string;
    kind: CourseKind;
    level: CourseLevel;
    priceCents: number;
    currency: string;
    coverImageUrl: string | null;
    coverImageAlt: string;
    instructionalMinutes: number;
  };
}

export const catalogCourseSelect = {
  id: true,
  slug: true,
  ownerId: true,
  publishedAt: true,
  latestPublishedVersion: {
    select: {
      id: true,
      number: true,
      ...versionDetailsSelect,
      instructionalMinutes: true,
    },
  },
} as const;

type SelectedCourse = {
  id: string;
  slug: string;
  ownerId: string;
  publishedAt: Date | null;
  latestPublishedVersion: CatalogCourse['version'] | null;
};

/** Null when the row is not a complete published course (defensive: status and pointer agree). */
export function toCatalogCourse(row: SelectedCourse): CatalogCourse | null {
  if (!row.latestPublishedVersion || !row.publishedAt) return null;
  return {
    id: row.id,
    slug: row.slug,
    ownerId: row.ownerId,
    publishedAt: row.publishedAt,
    version: row.latestPublishedVersion,
  };
}
