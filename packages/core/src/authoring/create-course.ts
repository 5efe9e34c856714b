import type { Db } from '@lms/db';
import { requireAuthor } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { parseInput } from '../errors/validate';
import {
  type CourseDetailsInput,
  courseDetailsWithCoverSchema,
  draftDetailsData,
} from './course-schemas';
import { type EditableCourse, getEditableCourse } from './editable-course';

/** Starts a course: a draft (version 1) owned by the viewer, not yet in the catalog. */
export async function createCourse(options: {
  db: Db;
  viewer: Viewer | null;
  input: CourseDetailsInput;
}): Promise<EditableCourse> {
  const author = requireAuthor(options.viewer);
  const input = parseInput(courseDetailsWithCoverSchema, options.input);
  const courseId = await options.db.$transaction(async (tx) => {
    const slug = await uniqueSlug(tx, input.title);
    const course = await tx.course.create({
      data: {
        slug,
        ownerId: author.id,
        status: 'DRAFT',
        instructors: { create: { userId: author.id, role: 'OWNER' } },
      },
      select: { id: true },
    });
    const draft = await tx.courseVersion.create({
      data: {
        courseId: course.id,
        number: 1,
        ...draftDetailsData(input),
        minimumLessonTimePercent: input.minimumLessonTimePercent ?? 0,
        minimumSeatMinutes: input.minimumSeatMinutes ?? 0,
      },
      select: { id: true },
    });
    await tx.course.update({ where: { id: course.id }, data: { draftVersionId: draft.id } });
    return course.id;
  });
  return getEditableCourse({ db: options.db, viewer: author, courseId });
}

export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'course';
}

/** The slug for a title, with -2, -3 … appended when it is taken. */
async function uniqueSlug(tx: Pick<Db, 'course'>, title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set(
    (
      await tx.course.findMany({
        where: { slug: { startsWith: base } },
        select: { slug: true },
      })
    ).map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
