import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { type Context, createLoaders } from '../../context';
import { useCatalogStatements } from '../../testing/catalog-statements';
import { CourseResolver } from './course.resolver';
import { CourseType } from './course.type';
import { readCoursePartsAhead } from './course-parts';

// The catalog page reads its courses' loader-served parts (instructors, credits, syllabus) as
// soon as the page is known, only those its query selects, and the field resolvers answer from
// them: the same answers as the loaders', without a promise per field.

const catalog = useCatalogStatements(12);

/** The data statements a query ran. */
function statementsOf(query: string) {
  return catalog.dataStatementsOf(query, { first: 6 }, 6);
}

describe('reading a catalog page’s parts ahead', () => {
  it('reads only the parts the query selects, through named and inline fragments', async () => {
    const titles = await statementsOf(
      `query($first: Int) { courses(first: $first) { edges { node { title } } } }`,
    );
    const withInstructor = await statementsOf(`
      query($first: Int) { courses(first: $first) { edges { node { ...Card } } } }
      fragment Card on Course { title instructor { name } }`);
    const withSyllabus = await statementsOf(`
      query($first: Int) { courses(first: $first) { edges { ... on CourseEdge { node { ... on Course { totalLessons } } } } } }`);
    const everything = await statementsOf(`
      query($first: Int) { courses(first: $first) { edges { node {
        instructor { name } instructors { name } credits { body } creditNotices modules { title } totalLessons } } } }`);

    expect(withInstructor.length).toBe(titles.length + 1);
    expect(withSyllabus.length).toBe(titles.length + 1);
    // One statement per part, however many fields read it.
    expect(everything.length).toBe(titles.length + 3);
    expect(new Set(everything).size).toBe(everything.length);
  });

  it('answers every course’s parts as the single-course read (loaders only) does', async () => {
    const FIELDS = `id slug instructor { id name bio } instructors { id name }
      credits { body ceuAmount category validUntil available status } creditNotices
      modules { title lessons { title kind estimatedMinutes } } totalLessons`;
    const page = await catalog
      .api()
      .gql<{ courses: { edges: { node: { slug: string } }[] } }>(
        `query { courses(first: 12) { edges { node { ${FIELDS} } } } }`,
      );
    expect(page.errors).toBeUndefined();
    const nodes = page.data!.courses.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(12);
    for (const node of nodes) {
      const single = await catalog
        .api()
        .gql<{ course: unknown }>(`query($slug: String!) { course(slug: $slug) { ${FIELDS} } }`, {
          slug: node.slug,
        });
      expect(single.errors).toBeUndefined();
      expect(node).toEqual(single.data!.course);
    }
  });

  it('lets the field resolvers answer without a promise once the parts are read (through fragments)', async () => {
    const db = catalog.api().database.db;
    const ctx = { db, loaders: createLoaders(db) } as unknown as Context;
    const rows = await db.course.findMany({
      where: { status: 'PUBLISHED' },
      take: 3,
      include: { versions: { orderBy: { number: 'desc' }, take: 1 } },
    });
    const courses = rows.map((row) =>
      Object.assign(new CourseType(), {
        id: row.id,
        ownerId: row.ownerId,
        versionId: row.versions[0]!.id,
        instructionalMinutes: row.versions[0]!.instructionalMinutes,
      }),
    );
    const resolver = new CourseResolver();
    // Without the read-ahead, each part comes from its loader: a promise.
    expect(resolver.instructors(courses[0]!, ctx)).toBeInstanceOf(Promise);

    await readCoursePartsAhead(
      courses,
      connectionInfo(`{ courses { edges { node { ...Card ... on Course { modules { title } } } } } }
        fragment Card on Course { title instructor { name } credits { body } }`),
      ctx,
    );
    for (const course of courses) {
      const loaders = createLoaders(db);
      const instructor = resolver.instructor(course, ctx);
      const credits = resolver.credits(course, ctx);
      const modules = resolver.modules(course, ctx);
      expect(instructor).not.toBeInstanceOf(Promise);
      expect(credits).not.toBeInstanceOf(Promise);
      expect(modules).not.toBeInstanceOf(Promise);
      expect(instructor).toEqual((await loaders.courseInstructors.load(course.id))[0]);
      expect(modules).toEqual(await loaders.syllabus.load(course.versionId));
    }
  });
});

/** The resolve info of the `courses` field of a document (its first operation's first field). */
function connectionInfo(source: string): GraphQLResolveInfo {
  const document = parse(source);
  const [operation, ...rest] = document.definitions as [
    OperationDefinitionNode,
    ...FragmentDefinitionNode[],
  ];
  const field = operation.selectionSet.selections[0] as FieldNode;
  expect(field.kind).toBe(Kind.FIELD);
  const fragments = Object.fromEntries(rest.map((fragment) => [fragment.name.value, fragment]));
  return { fieldNodes: [field], fragments } as unknown as GraphQLResolveInfo;
}
