import { CourseKind, CourseLevel, CreditBody, type Db, hotReads, Prisma } from '@lms/db';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { providerDay } from '../time/provider-day';
import type { CatalogCourse } from './catalog-course';
import {
  type CatalogCursor,
  CatalogSort,
  cursorScope,
  decodeCursor,
  encodeCursor,
  type SortKey,
} from './cursor';

export const MAX_PAGE_SIZE = 50;
export const MAX_SEARCH_LENGTH = 200;

/** Price filter of the catalog. */
export const CatalogPrice = { FREE: 'FREE', PAID: 'PAID' } as const;
export type CatalogPrice = (typeof CatalogPrice)[keyof typeof CatalogPrice];

export interface CatalogFilter {
  kind?: CourseKind | null;
  price?: CatalogPrice | null;
  creditBody?: CreditBody | null;
  level?: CourseLevel | null;
}

// C0 controls (NUL cannot even be stored in PostgreSQL text) and DEL become spaces.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

/** Trimmed, whitespace collapsed, control characters removed; empty → null (no search). */
export function normalizeSearch(search: string | null | undefined): string | null {
  const normalized = (search ?? '').replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  return normalized === '' ? null : normalized;
}

const querySchema = z.object({
  first: z
    .number()
    .int()
    .min(1, 'Ask for at least 1 course.')
    .max(MAX_PAGE_SIZE, `Ask for at most ${MAX_PAGE_SIZE} courses per page.`),
  after: z.string().max(2000, 'This cursor is not valid.').nullish(),
  search: z
    .string()
    .max(MAX_SEARCH_LENGTH, `Search for at most ${MAX_SEARCH_LENGTH} characters.`)
    .nullish(),
  filter: z
    .object({
      kind: z.enum(CourseKind).nullish(),
      price: z.enum(CatalogPrice).nullish(),
      creditBody: z.enum(CreditBody).nullish(),
      level: z.enum(CourseLevel).nullish(),
    })
    .nullish(),
  sort: z.enum(CatalogSort).nullish(),
});

export interface CoursePage {
  edges: { cursor: string; node: CatalogCourse }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
  /** The sort applied (the default when none was asked for). */
  sort: CatalogSort;
  /** The search applied after normalisation; null when none. */
  search: string | null;
}

interface Row {
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
  read: (row: Row) => string | number;
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
const ORDERS: Record<CatalogSort, { keys: OrderKey[]; idDirection: 'ASC' | 'DESC' }> = {
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

interface ParsedQuery {
  first: number;
  search: string | null;
  filter: CatalogFilter;
  sort: CatalogSort;
  scope: string;
  cursor: CatalogCursor | null;
  /** "Today" for the credit filter. */
  today: string;
}

function parseQuery(options: CatalogQuery): ParsedQuery {
  // The provider's calendar day: credit valid "today" as certificates judge it.
  const today = providerDay(options.now ?? new Date());
  const input = parseInput(querySchema, {
    first: options.first,
    after: options.after,
    search: normalizeSearch(options.search) ?? undefined,
    filter: options.filter,
    sort: options.sort,
  });
  const search = input.search ?? null;
  const filter = input.filter ?? {};
  if (input.sort === 'RELEVANCE' && !search) {
    throw AppError.badInput(
      { sort: ['Sort by relevance needs a search. Enter a search, or choose another sort.'] },
      'Sort by relevance needs a search.',
    );
  }
  const sort: CatalogSort = input.sort ?? (search ? 'RELEVANCE' : 'NEWEST');
  const scope = cursorScope([
    search,
    filter.kind ?? null,
    filter.price ?? null,
    filter.creditBody ?? null,
    filter.level ?? null,
  ]);
  const cursor = input.after ? decodeCursor(input.after, { sort, scope }) : null;
  return { first: input.first, search, filter, sort, scope, cursor, today };
}

export interface CatalogQuery {
  first: number;
  after?: string | null;
  search?: string | null;
  filter?: CatalogFilter | null;
  sort?: CatalogSort | null;
  /** "Today" for the credit filter (expired approvals do not count); default now. */
  now?: Date;
}

/**
 * The two statements of a catalog page: the page (an index on "Course" in the sort's order,
 * stopped by LIMIT; a search ranks only its matches) and the count (without "CourseVersion"
 * when nothing filters on it). Exported for the EXPLAIN-shape test (catalog-plans.test.ts).
 */
export function catalogStatements(query: ParsedQuery): { page: Prisma.Sql; count: Prisma.Sql } {
  const { search, filter, cursor } = query;
  const order = ORDERS[query.sort];
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

/** The statements `listPublishedCourses` would run for these options (for EXPLAIN tests). */
export function catalogStatementsFor(options: CatalogQuery) {
  return catalogStatements(parseQuery(options));
}

/**
 * The catalog: published courses (status PUBLISHED, shown through their latest published
 * version), optionally full-text searched, filtered and sorted, keyset-paginated for every
 * sort. Search uses PostgreSQL's own full-text search: `websearch_to_tsquery('english', …)`
 * (accepts any input without error) against the version's weighted document (title A,
 * summary B, syllabus C), ranked with `ts_rank_cd`. Costs two SQL statements (page and count),
 * however large the page.
 */
export async function listPublishedCourses(
  options: CatalogQuery & { db: Db },
): Promise<CoursePage> {
  const query = parseQuery(options);
  const { page, count } = catalogStatements(query);
  const reads = hotReads(options.db);
  const [rows, counted] = await Promise.all([
    reads.rows<Row>(page),
    reads.rows<{ n: number }>(count),
  ]);
  const order = ORDERS[query.sort];
  const edges = rows.slice(0, query.first).map((row) => ({
    cursor: encodeCursor({
      sort: query.sort,
      scope: query.scope,
      key: order.keys.map((key) => key.read(row)) as SortKey,
      id: row.id,
    }),
    node: toCatalogCourse(row),
  }));
  return {
    edges,
    hasNextPage: rows.length > query.first,
    hasPreviousPage: query.cursor !== null,
    totalCount: counted[0]?.n ?? 0,
    sort: query.sort,
    search: query.search,
  };
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

function toCatalogCourse(row: Row): CatalogCourse {
  return {
    id: row.id,
    slug: row.slug,
    ownerId: row.ownerId,
    publishedAt: row.publishedAt,
    version: {
      id: row.versionId,
      number: row.number,
      title: row.title,
      summary: row.summary,
      description: row.description,
      kind: row.kind,
      level: row.level,
      priceCents: row.priceCents,
      currency: row.currency,
      coverImageUrl: row.coverImageUrl,
      coverImageAlt: row.coverImageAlt,
      instructionalMinutes: row.instructionalMinutes,
    },
  };
}
