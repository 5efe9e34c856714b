import type { CreditOffering, InstructorProfile, SyllabusModule } from '@lms/core';
import type DataLoader from 'dataloader';
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { Context } from '../../context';
import type { CourseType } from './course.type';

/**
 * The parts of a course that come from the request's loaders: its instructors, its credit
 * offerings and its syllabus. A catalog page reads the parts its query selects for all of its
 * courses as soon as the page is known (`readCoursePartsAhead`), through the same loaders and
 * statements, and keeps them on each course. The field resolvers then answer synchronously, and
 * graphql-js completes each course without a promise per field (ARCHITECTURE.md, "The catalog
 * page reads its courses' parts ahead").
 */
export interface CourseParts {
  instructors?: InstructorProfile[];
  credits?: CreditOffering[];
  syllabus?: SyllabusModule[];
}

type Part = keyof CourseParts;

/** The course fields each part serves (every field whose resolver reads that part). */
const PART_OF_FIELD: Record<string, Part> = {
  instructor: 'instructors',
  instructors: 'instructors',
  credits: 'credits',
  creditNotices: 'credits',
  modules: 'syllabus',
  totalLessons: 'syllabus',
};

/** The course's instructors, owner first: read ahead, or from the loader. */
export function instructorsOf(
  course: CourseType,
  ctx: Context,
): InstructorProfile[] | Promise<InstructorProfile[]> {
  return course.parts?.instructors ?? ctx.loaders.courseInstructors.load(course.id);
}

/** The published version's credit offerings: read ahead, or from the loader. */
export function creditsOf(
  course: CourseType,
  ctx: Context,
): CreditOffering[] | Promise<CreditOffering[]> {
  return course.parts?.credits ?? ctx.loaders.credits.load(course.versionId);
}

/** The published version's syllabus: read ahead, or from the loader. */
export function syllabusOf(
  course: CourseType,
  ctx: Context,
): SyllabusModule[] | Promise<SyllabusModule[]> {
  return course.parts?.syllabus ?? ctx.loaders.syllabus.load(course.versionId);
}

/**
 * `map` applied to a part now, or once it is loaded. (Not named `then`: a module exporting
 * `then` is a thenable, and awaiting its dynamic import would call it.)
 */
export function mapLoaded<T, R>(value: T | Promise<T>, map: (value: T) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(map) : map(value);
}

/**
 * Reads, for every course of a connection, the parts that `info` (the connection field's)
 * selects under `edges { node { … } }`, and keeps them on the courses. A part that fails to
 * load is left out: its fields then ask the loader, which answers with the same error, on
 * those fields only, as without the read-ahead.
 */
export async function readCoursePartsAhead(
  courses: CourseType[],
  info: GraphQLResolveInfo,
  ctx: Context,
): Promise<void> {
  const wanted = courses.length === 0 ? new Set<Part>() : partsSelected(info);
  if (wanted.size === 0) return;
  for (const course of courses) course.parts = {};
  const reads: Promise<void>[] = [];
  if (wanted.has('instructors')) {
    reads.push(keep(courses, 'instructors', ctx.loaders.courseInstructors, (c) => c.id));
  }
  if (wanted.has('credits')) {
    reads.push(keep(courses, 'credits', ctx.loaders.credits, (c) => c.versionId));
  }
  if (wanted.has('syllabus')) {
    reads.push(keep(courses, 'syllabus', ctx.loaders.syllabus, (c) => c.versionId));
  }
  await Promise.all(reads);
}

async function keep<P extends Part>(
  courses: CourseType[],
  part: P,
  loader: DataLoader<string, NonNullable<CourseParts[P]>>,
  keyOf: (course: CourseType) => string,
): Promise<void> {
  const values = await loader.loadMany(courses.map(keyOf));
  courses.forEach((course, index) => {
    const value = values[index];
    if (course.parts && value !== undefined && !(value instanceof Error))
      course.parts[part] = value;
  });
}

/**
 * The parts selected on the connection's nodes: fields under `edges` → `node`, through named
 * and inline fragments. `@skip`/`@include` are not evaluated: a field they may drop still counts
 * (reading a part no field uses costs a statement, never a wrong answer).
 */
function partsSelected(info: GraphQLResolveInfo): Set<Part> {
  const parts = new Set<Part>();
  const visit = (selectionSet: SelectionSetNode | undefined, path: readonly string[]) => {
    if (!selectionSet) return;
    for (const selection of selectionSet.selections) {
      if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet, path);
      } else if (selection.kind === 'FragmentSpread') {
        visit(info.fragments[selection.name.value]?.selectionSet, path);
      } else if (path.length === 0) {
        if (selection.name.value === 'edges') visit(selection.selectionSet, ['edges']);
      } else if (path.length === 1) {
        if (selection.name.value === 'node') visit(selection.selectionSet, ['edges', 'node']);
      } else {
        const part = PART_OF_FIELD[selection.name.value];
        if (part) parts.add(part);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, []);
  return parts;
}
