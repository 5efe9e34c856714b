import { CourseKind, CourseLevel, CreditBody, type Db } from '@lms/db';
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
import {
  type CatalogStatementInput,
  catalogPage,
  catalogStatements,
  CATALOG_ORDERS as ORDERS,
  type CatalogRow as Row,
} from './sql';

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

interface ParsedQuery extends CatalogStatementInput {
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
  const { rows, totalCount } = await catalogPage(options.db, query);
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
    totalCount,
    sort: query.sort,
    search: query.search,
  };
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
