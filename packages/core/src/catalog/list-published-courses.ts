import { CourseKind, CourseLevel, CreditBody, type Db, Prisma } from '@lms/db';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { providerDay } from '../time/provider-day';
import type { CatalogCourse } from './catalog-course';
import { CatalogSort, cursorScope, decodeCursor, encodeCursor, type SortKey } from './cursor';

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
  /** Column of the `matches` subquery. */
  column: Prisma.Sql;
  direction: 'ASC' | 'DESC';
  /** The cursor value as a typed SQL parameter. */
  param: (value: string | number) => Prisma.Sql;
  /** The value of this key in a row, as stored in the cursor. */
  read: (row: Row) => string | number;
}

const published: OrderKey = {
  column: Prisma.sql`m."publishedAt"`,
  direction: 'DESC',
  param: (value) => Prisma.sql`${new Date(value)}::timestamptz`,
  read: (row) => row.publishedAt.toISOString(),
};
const price = (direction: 'ASC' | 'DESC'): OrderKey => ({
  column: Prisma.sql`m."priceCents"`,
  direction,
  param: (value) => Prisma.sql`${Number(value)}::int`,
  read: (row) => row.priceCents,
});

/** Each sort's keys, most significant first; the row id (same direction as the last key) ends it. */
const ORDERS: Record<CatalogSort, { keys: OrderKey[]; idDirection: 'ASC' | 'DESC' }> = {
  NEWEST: { keys: [published], idDirection: 'DESC' },
  RELEVANCE: {
    keys: [
      {
        column: Prisma.sql`m.rank`,
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
        column: Prisma.sql`m."titleKey"`,
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
 * The catalog: published courses (status PUBLISHED, shown through their latest published
 * version), optionally full-text searched, filtered and sorted, keyset-paginated for every
 * sort. Search uses PostgreSQL's own full-text search: `websearch_to_tsquery('english', …)`
 * (accepts any input without error) against the version's weighted document (title A,
 * summary B, syllabus C), ranked with `ts_rank_cd`. Costs two SQL statements (page and count),
 * however large the page.
 */
export async function listPublishedCourses(options: {
  db: Db;
  first: number;
  after?: string | null;
  search?: string | null;
  filter?: CatalogFilter | null;
  sort?: CatalogSort | null;
  /** "Today" for the credit filter (expired approvals do not count); default now. */
  now?: Date;
}): Promise<CoursePage> {
  const { db } = options;
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
  const order = ORDERS[sort];

  const conditions: Prisma.Sql[] = [
    Prisma.sql`c.status = 'PUBLISHED'`,
    Prisma.sql`c."publishedAt" IS NOT NULL`,
    Prisma.sql`v."publishedAt" IS NOT NULL`,
  ];
  if (search) conditions.push(Prisma.sql`v."searchVector" @@ q.query`);
  if (filter.kind) conditions.push(Prisma.sql`v.kind = ${filter.kind}::"CourseKind"`);
  if (filter.level) conditions.push(Prisma.sql`v.level = ${filter.level}::"CourseLevel"`);
  if (filter.price === 'FREE') conditions.push(Prisma.sql`v."priceCents" = 0`);
  if (filter.price === 'PAID') conditions.push(Prisma.sql`v."priceCents" > 0`);
  if (filter.creditBody) {
    // Expired credit is not advertised (issue 9 defect 2): only approvals valid today or later.
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "CreditApproval" a
      WHERE a."versionId" = v.id AND a.body = ${filter.creditBody}::"CreditBody"
        AND a."validUntil" >= ${today}::date)`);
  }
  const from = Prisma.sql`FROM "Course" c
    JOIN "CourseVersion" v ON v.id = c."latestPublishedVersionId"
    ${search ? Prisma.sql`CROSS JOIN websearch_to_tsquery('english', ${search}) AS q(query)` : Prisma.empty}
    WHERE ${Prisma.join(conditions, ' AND ')}`;

  const matches = Prisma.sql`SELECT c.id, c.slug, c."ownerId", c."publishedAt",
      v.id AS "versionId", v.number, v.title, v.summary, v.description,
      v.kind::text AS kind, v.level::text AS level, v."priceCents", v.currency,
      v."coverImageUrl", v."coverImageAlt", v."instructionalMinutes", lower(v.title) AS "titleKey",
      ${search ? Prisma.sql`ts_rank_cd(v."searchVector", q.query)` : Prisma.sql`0::real`} AS rank
    ${from}`;

  const columns = [...order.keys.map((key) => key.column), Prisma.sql`m.id`];
  const directions = [...order.keys.map((key) => key.direction), order.idDirection];
  const orderBy = Prisma.join(
    columns.map((column, index) =>
      directions[index] === 'ASC' ? Prisma.sql`${column} ASC` : Prisma.sql`${column} DESC`,
    ),
    ', ',
  );
  const keyset = cursor
    ? afterCursor(columns, directions, [
        ...order.keys.map((key, index) => key.param(cursor.key[index]!)),
        Prisma.sql`${cursor.id}::uuid`,
      ])
    : Prisma.sql`TRUE`;

  const [rows, counted] = await Promise.all([
    db.$queryRaw<Row[]>`SELECT m.*, m.rank::text AS "rankKey" FROM (${matches}) m
      WHERE ${keyset} ORDER BY ${orderBy} LIMIT ${input.first + 1}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n ${from}`,
  ]);

  const edges = rows.slice(0, input.first).map((row) => ({
    cursor: encodeCursor({
      sort,
      scope,
      key: order.keys.map((key) => key.read(row)) as SortKey,
      id: row.id,
    }),
    node: toCatalogCourse(row),
  }));
  return {
    edges,
    hasNextPage: rows.length > input.first,
    hasPreviousPage: cursor !== null,
    totalCount: counted[0]?.n ?? 0,
    sort,
    search,
  };
}

/** Rows strictly after the cursor in the given order: (a > x) OR (a = x AND b > y) OR … */
function afterCursor(
  columns: Prisma.Sql[],
  directions: ('ASC' | 'DESC')[],
  values: Prisma.Sql[],
): Prisma.Sql {
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
