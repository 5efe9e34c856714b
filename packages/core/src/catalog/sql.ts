// Every raw SQL statement of the catalog domain, each a named, typed function or statement
// builder (ARCHITECTURE.md, "Raw SQL lives in one sql.ts per domain"). Run against the migrated
// schema by catalog-plans.test.ts (EXPLAIN shapes and answers at 10,000 courses) and the API's
// catalog tests.
import {
  type CourseKind,
  type CourseLevel,
  type CreditBody,
  type Db,
  hotReads,
  type LessonKind,
  Prisma,
} from '@lms/db';
import type { CatalogCursor, CatalogSort } from './cursor';

/** What the catalog statements are built from (the parsed, validated query). */
export interface CatalogStatementInput {
  first: number;
  search: string | null;
  filter: {
    kind?: CourseKind | null;
    price?: 'FREE' | 'PAID' | null;
    creditBody?: CreditBody | null;
    level?: CourseLevel | null;
  };
  sort: CatalogSort;
  cursor: CatalogCursor | null;
  /** "Today" (YYYY-MM-DD) for the credit filter. */
  today: string;
}

/** A catalog page's row (hot read: enums as text). */
export interface CatalogRow {
  id: string;
  slug: string;
  ownerId: string;
  publishedAt: Date;
  versionId: string;
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
  titleKey: string;
  rankKey: string;
}

interface OrderKey {
  /** The sort expression, on a "Course" column wherever an index can serve the order. */
  column: Prisma.Sql;
  direction: 'ASC' | 'DESC';
  /** The cursor value as a typed SQL parameter. */
  param: (value: string | number) => Prisma.Sql;
  /** The value of this key in a row, as stored in the cursor. */
  read: (row: CatalogRow) => string | number;
}

const published: OrderKey = {
  column: Prisma.sql`c."publishedAt"`,
  direction: 'DESC',
  param: (value) => Prisma.sql`${new Date(value)}::timestamptz`,
  read: (row) => row.publishedAt.toISOString(),
};
// Price and lower(title) of the latest published version, copied onto the course by a trigger
// (migration 20261130060000) so that an index on "Course" serves each sort.
const price = (direction: 'ASC' | 'DESC'): OrderKey => ({
  column: Prisma.sql`c."catalogPriceCents"`,
  direction,
  param: (value) => Prisma.sql`${Number(value)}::int`,
  read: (row) => row.priceCents,
});
const RANK = Prisma.sql`ts_rank_cd(v."searchVector", q.query)`;

/** Each sort's keys, most significant first; the row id (same direction as the last key) ends it. */
export const CATALOG_ORDERS: Record<
  CatalogSort,
  { keys: OrderKey[]; idDirection: 'ASC' | 'DESC' }
> = {
  NEWEST: { keys: [published], idDirection: 'DESC' },
  RELEVANCE: {
    keys: [
      {
        column: RANK,
        direction: 'DESC',
        param: (value) => Prisma.sql`${String(value)}::real`,
        read: (row) => row.rankKey,
      },
      published,
    ],
    idDirection: 'DESC',
  },
  TITLE: {
    keys: [
      {
        column: Prisma.sql`c."catalogTitleKey"`,
        direction: 'ASC',
        param: (value) => Prisma.sql`${String(value)}::text`,
        read: (row) => row.titleKey,
      },
    ],
    idDirection: 'ASC',
  },
  PRICE_LOW_TO_HIGH: { keys: [price('ASC'), published], idDirection: 'DESC' },
  PRICE_HIGH_TO_LOW: { keys: [price('DESC'), published], idDirection: 'DESC' },
};

/**
 * The two statements of a catalog page: the page (an index on "Course" in the sort's order,
 * stopped by LIMIT; a search ranks only its matches) and the count (without "CourseVersion"
 * when nothing filters on it). Exported for the EXPLAIN-shape test (catalog-plans.test.ts).
 */
export function catalogStatements(query: CatalogStatementInput): {
  page: Prisma.Sql;
  count: Prisma.Sql;
} {
  const { search, filter, cursor } = query;
  const order = CATALOG_ORDERS[query.sort];
  // Conditions on "Course" alone; catalog keys are non-null exactly when the latest published
  // version is published (trigger), so the count needs no join for them.
  const courseConditions: Prisma.Sql[] = [
    Prisma.sql`c.status = 'PUBLISHED'`,
    Prisma.sql`c."publishedAt" IS NOT NULL`,
    Prisma.sql`c."catalogPriceCents" IS NOT NULL`,
  ];
  if (filter.price === 'FREE') courseConditions.push(Prisma.sql`c."catalogPriceCents" = 0`);
  if (filter.price === 'PAID') courseConditions.push(Prisma.sql`c."catalogPriceCents" > 0`);
  const versionConditions: Prisma.Sql[] = [];
  if (search) versionConditions.push(Prisma.sql`v."searchVector" @@ q.query`);
  if (filter.kind) versionConditions.push(Prisma.sql`v.kind = ${filter.kind}::"CourseKind"`);
  if (filter.level) versionConditions.push(Prisma.sql`v.level = ${filter.level}::"CourseLevel"`);
  if (filter.creditBody) {
    // Expired credit is not advertised (issue 9 defect 2): only approvals valid today or later.
    versionConditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "CreditApproval" a
      WHERE a."versionId" = v.id AND a.body = ${filter.creditBody}::"CreditBody"
        AND a."validUntil" >= ${query.today}::date)`);
  }
  const queryJoin = search
    ? Prisma.sql`CROSS JOIN websearch_to_tsquery('english', ${search}) AS q(query)`
    : Prisma.empty;
  const join = Prisma.sql`JOIN "CourseVersion" v ON v.id = c."latestPublishedVersionId"`;

  const columns = [...order.keys.map((key) => key.column), Prisma.sql`c.id`];
  const directions = [...order.keys.map((key) => key.direction), order.idDirection];
  const orderBy = Prisma.join(
    columns.map((column, index) =>
      directions[index] === 'ASC' ? Prisma.sql`${column} ASC` : Prisma.sql`${column} DESC`,
    ),
    ', ',
  );
  const keyset = cursor
    ? [
        afterCursor(columns, directions, [
          ...order.keys.map((key, index) => key.param(cursor.key[index]!)),
          Prisma.sql`${cursor.id}::uuid`,
        ]),
      ]
    : [];
  const rank = search ? RANK : Prisma.sql`0::real`;
  // Only the page's rows are projected (enum casts, rank text): the LIMIT stops the scan first.
  const page = Prisma.sql`SELECT c.id, c.slug, c."ownerId", c."publishedAt",
      v.id AS "versionId", v.number, v.title, v.summary, v.description,
      v.kind::text AS kind, v.level::text AS level, v."priceCents", v.currency,
      v."coverImageUrl", v."coverImageAlt", v."instructionalMinutes", c."catalogTitleKey" AS "titleKey",
      ${rank}::text AS "rankKey"
    FROM "Course" c ${join} ${queryJoin}
    WHERE ${Prisma.join([...courseConditions, Prisma.sql`v."publishedAt" IS NOT NULL`, ...versionConditions, ...keyset], ' AND ')}
    ORDER BY ${orderBy} LIMIT ${query.first + 1}`;
  const count =
    versionConditions.length === 0
      ? Prisma.sql`SELECT count(*)::int AS n FROM "Course" c
          WHERE ${Prisma.join(courseConditions, ' AND ')}`
      : Prisma.sql`SELECT count(*)::int AS n FROM "Course" c ${join} ${queryJoin}
          WHERE ${Prisma.join([...courseConditions, ...versionConditions], ' AND ')}`;
  return { page, count };
}

/** A catalog page's rows (one more than asked: is there a next page?) and its total, in
 * parallel, through hot reads. */
export async function catalogPage(
  db: Db,
  query: CatalogStatementInput,
): Promise<{ rows: CatalogRow[]; totalCount: number }> {
  const { page, count } = catalogStatements(query);
  const reads = hotReads(db);
  const [rows, counted] = await Promise.all([
    reads.rows<CatalogRow>(page),
    reads.rows<{ n: number }>(count),
  ]);
  return { rows, totalCount: counted[0]?.n ?? 0 };
}

/** Rows strictly after the cursor in the given order: (a, b) > (x, y), or with mixed
 * directions (a > x) OR (a = x AND b < y) OR … */
function afterCursor(
  columns: Prisma.Sql[],
  directions: ('ASC' | 'DESC')[],
  values: Prisma.Sql[],
): Prisma.Sql {
  // One direction throughout: a row comparison, which the index scan uses as its start bound.
  if (directions.every((direction) => direction === directions[0])) {
    const operator = directions[0] === 'ASC' ? Prisma.raw('>') : Prisma.raw('<');
    return Prisma.sql`(${Prisma.join(columns, ', ')}) ${operator} (${Prisma.join(values, ', ')})`;
  }
  const alternatives = columns.map((column, index) => {
    const equalBefore = columns
      .slice(0, index)
      .map((previous, j) => Prisma.sql`${previous} = ${values[j]!}`);
    const beyond =
      directions[index] === 'ASC'
        ? Prisma.sql`${column} > ${values[index]!}`
        : Prisma.sql`${column} < ${values[index]!}`;
    return Prisma.sql`(${Prisma.join([...equalBefore, beyond], ' AND ')})`;
  });
  return Prisma.sql`(${Prisma.join(alternatives, ' OR ')})`;
}

/**
 * The loaders' statements are prepared (parsed and planned once per pooled connection): their
 * text is fixed and their plans are key look-ups whatever the ids. The page and count statements
 * are not: their text varies with the filters and their best plan with the search terms.
 */
const PREPARED = { prepare: true } as const;

/**
 * Owners and co-instructors of each course (owner rows flagged), appended: no de-duplication,
 * no sort in SQL (a page has a handful of rows; the loader orders them). Hot read.
 */
export function courseInstructorRows(db: Db, courseIds: readonly string[]) {
  return hotReads(db).rows<{
    courseId: string;
    isOwner: boolean;
    addedAt: Date | null;
    id: string;
    name: string;
    bio: string | null;
  }>(
    Prisma.sql`
    SELECT i."courseId", i."isOwner", i."addedAt", u.id, u.name, u.bio
      FROM (
        SELECT c.id AS "courseId", c."ownerId" AS "userId", true AS "isOwner", NULL::timestamptz AS "addedAt"
          FROM "Course" c WHERE c.id = ANY(${[...courseIds]}::uuid[])
        UNION ALL
        SELECT ci."courseId", ci."userId", false, ci."addedAt"
          FROM "CourseInstructor" ci WHERE ci."courseId" = ANY(${[...courseIds]}::uuid[])
      ) i
      JOIN "User" u ON u.id = i."userId"`,
    PREPARED,
  );
}

/** Each instructor's professional credentials, in the order they chose. Hot read. */
export function instructorCredentialRows(db: Db, userIds: readonly string[]) {
  return hotReads(db).rows<{ userId: string; credential: string; awardedYear: number }>(
    Prisma.sql`
    SELECT "userId", credential, "awardedYear" FROM "InstructorCredential"
     WHERE "userId" = ANY(${[...userIds]}::uuid[])
     ORDER BY position, "awardedYear", id`,
    PREPARED,
  );
}

/**
 * The credit each version carries, without approval numbers. Hot read; dates as text (pg would
 * read a `date` at local midnight, Prisma at UTC midnight), CEU as fixed-point text.
 */
export function creditOfferingRows(db: Db, versionIds: readonly string[]) {
  return hotReads(db).rows<{
    versionId: string;
    body: CreditBody;
    bodyName: string | null;
    ceuAmount: string;
    category: string;
    validFrom: string;
    validUntil: string;
  }>(
    Prisma.sql`
    SELECT "versionId", body::text AS body, "bodyName", to_char("ceuAmount", 'FM9999990.00') AS "ceuAmount",
           category, "validFrom"::text AS "validFrom", "validUntil"::text AS "validUntil"
      FROM "CreditApproval"
     WHERE "versionId" = ANY(${[...versionIds]}::uuid[])
     ORDER BY body, "createdAt"`,
    PREPARED,
  );
}

/** Each version's modules in order with their lessons as JSON, in one statement. Hot read. */
export function syllabusRows(db: Db, versionIds: readonly string[]) {
  return hotReads(db).rows<{
    versionId: string;
    id: string;
    title: string;
    position: number;
    lessons: {
      id: string;
      title: string;
      kind: LessonKind;
      estimatedMinutes: number;
      required: boolean;
    }[];
  }>(
    Prisma.sql`
    SELECT m.id, m."versionId", m.title, m.position,
           COALESCE(json_agg(json_build_object(
             'id', l.id, 'title', l.title, 'kind', l.kind, 'estimatedMinutes', l."estimatedMinutes",
             'required', l.required) ORDER BY l.position) FILTER (WHERE l.id IS NOT NULL), '[]') AS lessons
      FROM "Module" m LEFT JOIN "Lesson" l ON l."moduleId" = m.id
     WHERE m."versionId" = ANY(${[...versionIds]}::uuid[])
     GROUP BY m.id
     ORDER BY m.position`,
    PREPARED,
  );
}
