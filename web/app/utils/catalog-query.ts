/**
 * The catalog page's URL: `?q=&kind=&price=&credit=&level=&sort=` (plus `after`/`prev` for
 * pagination). Values are readable slugs ("exam-prep", "price-low"); unknown values are
 * ignored rather than refused, so a hand-edited or outdated link still shows a catalog.
 */
import type {
  CourseKind,
  CourseLevel,
  CoursePriceFilter,
  CourseSort,
  CreditBody,
} from '../graphql/generated/graphql';

interface Option<Api extends string> {
  value: string;
  label: string;
  api: Api;
}

export const KIND_OPTIONS: Option<CourseKind>[] = [
  { value: 'exam-prep', label: 'Exam prep', api: 'EXAM_PREP' },
  { value: 'ce', label: 'Continuing education', api: 'CE' },
];
export const PRICE_OPTIONS: Option<CoursePriceFilter>[] = [
  { value: 'free', label: 'Free', api: 'FREE' },
  { value: 'paid', label: 'Paid', api: 'PAID' },
];
export const CREDIT_OPTIONS: Option<CreditBody>[] = [
  { value: 'aapc', label: 'AAPC CEUs', api: 'AAPC' },
  { value: 'ahima', label: 'AHIMA CEUs', api: 'AHIMA' },
  { value: 'pmi', label: 'PMI CEUs', api: 'PMI' },
  { value: 'iacet', label: 'IACET CEUs', api: 'IACET' },
];
export const LEVEL_OPTIONS: Option<CourseLevel>[] = [
  { value: 'beginner', label: 'Beginner', api: 'BEGINNER' },
  { value: 'intermediate', label: 'Intermediate', api: 'INTERMEDIATE' },
  { value: 'advanced', label: 'Advanced', api: 'ADVANCED' },
];
/**
 * The sort select. Its default ("", "Best match") is relevance with a search and newest
 * without one, so typing a search into a page sorted by default ranks the results.
 */
export const SORT_OPTIONS: Option<CourseSort>[] = [
  { value: 'newest', label: 'Newest', api: 'NEWEST' },
  { value: 'title', label: 'Title (A–Z)', api: 'TITLE' },
  { value: 'price-low', label: 'Price: low to high', api: 'PRICE_LOW_TO_HIGH' },
  { value: 'price-high', label: 'Price: high to low', api: 'PRICE_HIGH_TO_LOW' },
];

export type FilterParam = 'kind' | 'price' | 'credit' | 'level';

export const CATALOG_FILTERS: {
  param: FilterParam;
  label: string;
  any: string;
  options: Option<string>[];
}[] = [
  { param: 'kind', label: 'Type', any: 'Any type', options: KIND_OPTIONS },
  { param: 'price', label: 'Price', any: 'Any price', options: PRICE_OPTIONS },
  { param: 'credit', label: 'CE credit', any: 'Any (or none)', options: CREDIT_OPTIONS },
  { param: 'level', label: 'Level', any: 'Any level', options: LEVEL_OPTIONS },
];

export const MAX_QUERY_LENGTH = 200;

export interface CatalogQuery {
  /** The search as typed (trimmed, at most 200 characters); "" for none. */
  q: string;
  /** The recognised filter values, as URL slugs. */
  params: Partial<Record<FilterParam, string>>;
  /** The chosen sort slug; null for the default (best match with a search, else newest). */
  sortParam: string | null;
}

function pick<Api extends string>(options: Option<Api>[], value: string | null) {
  const normalized = value?.trim().toLowerCase();
  return options.find((option) => option.value === normalized) ?? null;
}

export function parseCatalogQuery(searchParams: URLSearchParams): CatalogQuery {
  const q = (searchParams.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH).trim();
  const params: CatalogQuery['params'] = {};
  for (const filter of CATALOG_FILTERS) {
    const option = pick(filter.options, searchParams.get(filter.param));
    if (option) params[filter.param] = option.value;
  }
  // "relevance" (or anything unknown) is the default: best match when searching.
  const sortParam = pick(SORT_OPTIONS, searchParams.get('sort'))?.value ?? null;
  return { q, params, sortParam };
}

/** The API's variables for a parsed query. */
export function catalogVariables(query: CatalogQuery) {
  return {
    search: query.q || null,
    filter: {
      kind: pick(KIND_OPTIONS, query.params.kind ?? null)?.api ?? null,
      price: pick(PRICE_OPTIONS, query.params.price ?? null)?.api ?? null,
      creditBody: pick(CREDIT_OPTIONS, query.params.credit ?? null)?.api ?? null,
      level: pick(LEVEL_OPTIONS, query.params.level ?? null)?.api ?? null,
    },
    sort: pick(SORT_OPTIONS, query.sortParam)?.api ?? null,
  };
}

export function hasFilters(query: CatalogQuery): boolean {
  return Object.keys(query.params).length > 0;
}

/** The catalog URL for a query (and, optionally, a page of it). */
export function catalogHref(
  query: CatalogQuery,
  page: { after?: string; trail?: string[] } = {},
): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const filter of CATALOG_FILTERS) {
    const value = query.params[filter.param];
    if (value) params.set(filter.param, value);
  }
  if (query.sortParam) params.set('sort', query.sortParam);
  if (page.after) {
    params.set('after', page.after);
    for (const cursor of page.trail ?? []) params.append('prev', cursor);
  }
  const search = params.toString();
  return search ? `/courses?${search}` : '/courses';
}
