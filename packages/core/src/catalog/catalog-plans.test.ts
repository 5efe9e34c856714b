// The catalog's statements read only the page at 10,000 courses (issue 15): EXPLAIN of each
// sort and filter, first page and after a cursor, on a migrated database seeded with 10,000
// published courses and ANALYZEd, so the planner chooses as it would in production. No
// enable_seqscan tricks: a Seq Scan or a Sort over the table here is what production would run.
import { createPrismaClient, hotReads, Prisma, seedManyCourses } from '@lms/db';
import { useTestDatabase } from '@lms/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogSort } from './cursor';
import {
  type CatalogQuery,
  catalogStatementsFor,
  listPublishedCourses,
} from './list-published-courses';
import {
  loadCourseInstructors,
  loadCreditOfferings,
  loadInstructorCredentials,
  loadSyllabi,
} from './load-course-parts';

const database = useTestDatabase();

const COURSES = 10_000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Plan Rows': number;
  Plans?: PlanNode[];
}

beforeAll(async () => {
  await seedManyCourses(database.db, COURSES);
  await database.db.$executeRawUnsafe('VACUUM ANALYZE');
}, 180_000);

async function plan(statement: Prisma.Sql): Promise<PlanNode> {
  const rows = await database.db.$queryRawUnsafe<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
    `EXPLAIN (FORMAT JSON) ${statement.text}`,
    ...statement.values,
  );
  return rows[0]!['QUERY PLAN'][0]!.Plan;
}

function nodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodes)];
}

function describePlan(node: PlanNode, depth = 0): string {
  return [
    `${'  '.repeat(depth)}${node['Node Type']}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''} (${node['Plan Rows']} rows)`,
    ...(node.Plans ?? []).map((child) => describePlan(child, depth + 1)),
  ].join('\n');
}

/** The page statement's plan: no Seq Scan, no Sort; every scan stops at the page. */
function expectReadsOnlyThePage(root: PlanNode) {
  const all = nodes(root);
  const shape = describePlan(root);
  expect(
    all.filter((node) => node['Node Type'] === 'Seq Scan'),
    shape,
  ).toEqual([]);
  expect(
    all.filter((node) => node['Node Type'].includes('Sort')),
    shape,
  ).toEqual([]);
  expect(root['Node Type'], shape).toBe('Limit');
}

/** A cursor after the 24th course of this sort and filter (a realistic third page). */
async function cursorAfter(options: CatalogQuery): Promise<string> {
  const page = await listPublishedCourses({ ...options, db: database.db, first: 24 });
  return page.edges.at(-1)!.cursor;
}

const SORTS = [
  CatalogSort.NEWEST,
  CatalogSort.TITLE,
  CatalogSort.PRICE_LOW_TO_HIGH,
  CatalogSort.PRICE_HIGH_TO_LOW,
];
const FILTERS = [
  null,
  { price: 'PAID' as const },
  { price: 'FREE' as const },
  { kind: 'CE' as const },
  { level: 'ADVANCED' as const, kind: 'CE' as const },
];

describe.each(SORTS)('sort %s', (sort) => {
  it.each(FILTERS)('reads only the page, first and later pages (filter %o)', async (filter) => {
    const first = { first: 12, sort, filter };
    expectReadsOnlyThePage(await plan(catalogStatementsFor(first).page));
    const after = await cursorAfter(first);
    expectReadsOnlyThePage(await plan(catalogStatementsFor({ ...first, after }).page));
  });
});

// The count reads every matching course (an O(n) answer) and was the costliest statement of a
// cold catalog page: a Seq Scan of "Course" (363 pages at 10,000 courses, ~1.4-2.5 ms of backend
// CPU against ~0.7 ms for the page). The partial index "Course_catalog_count_idx" holds exactly
// the catalog's rows and their price, so the count (any price filter) is an Index Only Scan of
// ~10 pages. No join, no sort, no Seq Scan.
it('counts the catalog from its partial index alone (no join, no sort, no Seq Scan)', async () => {
  for (const filter of [null, { price: 'PAID' as const }, { price: 'FREE' as const }]) {
    const root = await plan(catalogStatementsFor({ first: 12, filter }).count);
    const all = nodes(root);
    const shape = describePlan(root);
    expect(all.map((node) => node['Relation Name']).filter(Boolean), shape).toEqual(['Course']);
    expect(
      all.filter((node) => node['Node Type'].includes('Sort')),
      shape,
    ).toEqual([]);
    expect(
      all.filter((node) => node['Node Type'] === 'Seq Scan'),
      shape,
    ).toEqual([]);
    expect(
      all
        .filter((node) => node['Node Type'] === 'Index Only Scan')
        .map((node) => node['Index Name']),
      shape,
    ).toEqual(['Course_catalog_count_idx']);
  }
});

// A relevance order has to rank every match (no index holds ts_rank_cd), so the page sorts the
// matches: the full-text index finds them, and nothing sorts or ranks more rows than matched.
it('searches through the full-text index and ranks only the matches', async () => {
  const search = { first: 12, search: 'sequencing rules' };
  for (const statement of Object.values(catalogStatementsFor(search))) {
    const root = await plan(statement);
    const all = nodes(root);
    const shape = describePlan(root);
    const fullText = all.find(
      (node) =>
        node['Node Type'] === 'Bitmap Heap Scan' && node['Relation Name'] === 'CourseVersion',
    );
    expect(fullText, shape).toBeDefined();
    expect(
      all.filter((node) => node['Relation Name'] === 'CourseVersion'),
      shape,
    ).toHaveLength(1);
    for (const sort of all.filter((node) => node['Node Type'] === 'Sort')) {
      expect(sort['Plan Rows'], shape).toBeLessThanOrEqual(fullText!['Plan Rows']);
    }
  }
});

it('answers the same pages as before the indexes (every sort, across a cursor)', async () => {
  // The order the indexes serve is the documented one: recompute it from the versions.
  const rows = await database.db.$queryRaw<
    { id: string; title: string; price: number; at: Date }[]
  >`
    SELECT c.id, lower(v.title) AS title, v."priceCents" AS price, c."publishedAt" AS at
      FROM "Course" c JOIN "CourseVersion" v ON v.id = c."latestPublishedVersionId"
     WHERE c.status = 'PUBLISHED'`;
  const byTitle = [...rows].sort((a, b) =>
    a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1,
  );
  const byPrice = [...rows].sort(
    (a, b) => a.price - b.price || b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1),
  );
  const pageOne = await listPublishedCourses({ db: database.db, first: 20, sort: 'TITLE' });
  const pageTwo = await listPublishedCourses({
    db: database.db,
    first: 20,
    sort: 'TITLE',
    after: pageOne.edges.at(-1)!.cursor,
  });
  expect([...pageOne.edges, ...pageTwo.edges].map((edge) => edge.node.id)).toEqual(
    byTitle.slice(0, 40).map((row) => row.id),
  );
  const cheap = await listPublishedCourses({
    db: database.db,
    first: 30,
    sort: 'PRICE_LOW_TO_HIGH',
  });
  expect(cheap.edges.map((edge) => edge.node.id)).toEqual(byPrice.slice(0, 30).map((r) => r.id));
  expect(cheap.totalCount).toBe(rows.length);
});

it('keeps the catalog keys in step with the latest published version (trigger)', async () => {
  const reads = hotReads(database.db);
  const [mismatched] = await reads.rows<{ n: number }>(Prisma.sql`
    SELECT count(*)::int AS n FROM "Course" c
      LEFT JOIN "CourseVersion" v ON v.id = c."latestPublishedVersionId" AND v."publishedAt" IS NOT NULL
     WHERE c."catalogTitleKey" IS DISTINCT FROM lower(v.title)
        OR c."catalogPriceCents" IS DISTINCT FROM v."priceCents"`);
  expect(mismatched!.n).toBe(0);
  // A direct write of a key is overruled by the version's own value.
  const [course] = await reads.rows<{ id: string }>(
    Prisma.sql`SELECT id FROM "Course" WHERE "catalogPriceCents" IS NOT NULL LIMIT 1`,
  );
  await database.db
    .$executeRaw`UPDATE "Course" SET "catalogPriceCents" = -1 WHERE id = ${course!.id}::uuid`;
  const [after] = await database.db.$queryRaw<{ same: boolean }[]>`
    SELECT c."catalogPriceCents" = v."priceCents" AS same FROM "Course" c
      JOIN "CourseVersion" v ON v.id = c."latestPublishedVersionId" WHERE c.id = ${course!.id}::uuid`;
  expect(after!.same).toBe(true);
});

// A second client, so the test's own use of hotReads goes through a fresh pool too.
it('reads through pg and through Prisma alike (hot reads fall back to $queryRaw)', async () => {
  const other = createPrismaClient({ databaseUrl: database.url, poolMax: 1 });
  try {
    const statement = Prisma.sql`SELECT id, "publishedAt", status::text AS status FROM "Course"
      WHERE "catalogPriceCents" IS NOT NULL ORDER BY id LIMIT 3`;
    const viaPg = await hotReads(other).rows(statement);
    const viaPrisma = await other.$queryRaw(statement);
    expect(viaPg).toEqual(viaPrisma);
  } finally {
    await other.$disconnect();
  }
});

// The loaders' statements run as prepared statements, whose generic plan (chosen after five
// runs) knows no ids: it must still read every large table by index at 10,000 courses (the
// fixture's small tables, such as its one instructor, are scanned whole by any plan).
it('prepares the loaders’ statements, and their generic plans read by index', async () => {
  const single = createPrismaClient({ databaseUrl: database.url, poolMax: 1 });
  try {
    const courses = await hotReads(single).rows<{ id: string; versionId: string; ownerId: string }>(
      Prisma.sql`SELECT c.id, c."ownerId", v.id AS "versionId" FROM "Course" c
        JOIN "CourseVersion" v ON v."courseId" = c.id AND v."publishedAt" IS NOT NULL
        ORDER BY c.id LIMIT 12`,
    );
    await loadCourseInstructors(
      single,
      courses.map((course) => course.id),
    );
    await loadInstructorCredentials(
      single,
      courses.map((course) => course.ownerId),
    );
    await loadCreditOfferings(
      single,
      courses.map((course) => course.versionId),
    );
    await loadSyllabi(
      single,
      courses.map((course) => course.versionId),
    );
    const prepared = await hotReads(single).rows<{ statement: string }>(
      Prisma.sql`SELECT statement FROM pg_prepared_statements ORDER BY name`,
    );
    expect(prepared).toHaveLength(4);
    const sizes = await hotReads(single).rows<{ name: string; rows: number }>(
      Prisma.sql`SELECT relname AS name, reltuples::int AS rows FROM pg_class WHERE relkind = 'r'`,
    );
    const rowsOf = new Map(sizes.map((table) => [table.name, table.rows]));
    expect(rowsOf.get('Lesson')).toBeGreaterThan(1000);
    for (const { statement } of prepared) {
      const [row] = await hotReads(single).rows<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
        Prisma.raw(`EXPLAIN (FORMAT JSON, GENERIC_PLAN) ${statement}`),
      );
      const root = row!['QUERY PLAN'][0]!.Plan;
      const wholeLargeTables = nodes(root).filter(
        (node) =>
          node['Node Type'] === 'Seq Scan' && (rowsOf.get(node['Relation Name']!) ?? 0) > 1000,
      );
      expect(wholeLargeTables, `${statement}\n${describePlan(root)}`).toEqual([]);
    }
  } finally {
    await single.$disconnect();
  }
});
