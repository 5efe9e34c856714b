import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSubmit } from '@remix-run/react';
import { type FormEvent, useEffect, useRef } from 'react';
import { CourseGrid } from '../components/course-card';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { CoursesDocument } from '../graphql/generated/graphql';
import { errorResponse, gql } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import {
  CATALOG_FILTERS,
  type CatalogQuery,
  catalogHref,
  catalogVariables,
  hasFilters,
  parseCatalogQuery,
  SORT_OPTIONS,
} from '../utils/catalog-query';

const PAGE_SIZE = 12;
/** How many earlier pages the "Previous page" trail remembers (keeps URLs bounded). */
const MAX_TRAIL = 50;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: pageTitle(data?.query.q ? `“${data.query.q}” in the course catalog` : 'Course catalog'),
  },
  {
    name: 'description',
    content: 'Search published medical-coding courses and the CE credit they carry.',
  },
];

/**
 * GET form, so search works without JavaScript: `?q=&kind=&price=&credit=&level=&sort=`.
 * The API paginates forward only (first/after). To offer "Previous page" too, each page's URL
 * carries the trail of `after` cursors of the pages before it (`prev`; the first page, which
 * has no cursor, is implied).
 * A form submitted without JavaScript sends its empty fields too (`?q=&kind=ce&price=`): the
 * loader redirects to the same search without them, so no catalog URL carries an empty parameter.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = parseCatalogQuery(url.searchParams);
  const after = url.searchParams.get('after') || null;
  const trail = after
    ? url.searchParams
        .getAll('prev')
        .filter((cursor) => cursor.trim() !== '')
        .slice(-MAX_TRAIL)
    : [];
  if ([...url.searchParams.values()].some((value) => value.trim() === '')) {
    throw redirect(catalogHref(query, after ? { after, trail } : {}));
  }

  const result = await gql(request, CoursesDocument, {
    first: PAGE_SIZE,
    after,
    ...catalogVariables(query),
  });
  if (result.errors) {
    // A stale or hand-edited cursor: start again from the first page of the same search.
    if (after && result.errors[0].code === 'BAD_USER_INPUT') throw redirect(catalogHref(query));
    throw errorResponse(request, result.errors[0]);
  }
  const { courses } = result.data;

  const pageNumber = after ? trail.length + 2 : 1;
  const pageCount = Math.max(1, Math.ceil(courses.totalCount / PAGE_SIZE));
  const nextHref =
    courses.pageInfo.hasNextPage && courses.pageInfo.endCursor
      ? catalogHref(query, {
          after: courses.pageInfo.endCursor,
          trail: after ? [...trail, after] : [],
        })
      : null;
  let previousHref: string | null = null;
  if (after) {
    const previousAfter = trail.at(-1);
    previousHref = catalogHref(
      query,
      previousAfter ? { after: previousAfter, trail: trail.slice(0, -1) } : {},
    );
  }

  return {
    query,
    courses: courses.edges.map((edge) => edge.node),
    totalCount: courses.totalCount,
    pageNumber: Math.min(pageNumber, pageCount),
    pageCount,
    nextHref,
    previousHref,
  };
}

function resultsSentence(totalCount: number, query: CatalogQuery): string {
  const courses = totalCount === 1 ? '1 course' : `${totalCount} courses`;
  const verb = totalCount === 1 ? 'matches' : 'match';
  if (query.q) {
    return `${courses} ${verb} “${query.q}”${hasFilters(query) ? ' with these filters' : ''}`;
  }
  if (hasFilters(query)) return `${courses} ${verb} these filters`;
  return totalCount === 1 ? '1 published course' : `${totalCount} published courses`;
}

/** How long the search waits after the last keystroke before it asks for results. */
const SEARCH_DEBOUNCE_MS = 350;

/** The form's fields without the empty ones: the URL never carries `q=` or `kind=`. */
function filledParams(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') params.append(name, value.trim());
  }
  return params;
}

/**
 * Without JavaScript: a plain GET form (the loader cleans empty fields). With it: the search
 * runs while typing (debounced), filters apply on change, and the URL keeps only filled fields.
 */
function SearchForm({ query }: { query: CatalogQuery }) {
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const href = catalogHref(query);

  // The fields are uncontrolled; when the URL changes from elsewhere (a "Clear all" link, the
  // back button) show its values, but never overwrite the field being typed in.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const values: Record<string, string> = {
      q: query.q,
      sort: query.sortParam ?? '',
      ...Object.fromEntries(CATALOG_FILTERS.map((f) => [f.param, query.params[f.param] ?? ''])),
    };
    for (const [name, value] of Object.entries(values)) {
      const field = form.elements.namedItem(name);
      if (
        (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) &&
        field !== document.activeElement &&
        field.value !== value
      ) {
        field.value = value;
      }
    }
  }, [query]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (replace: boolean) => {
    clearTimeout(timer.current);
    const form = formRef.current;
    if (!form) return;
    const params = filledParams(form);
    const next = params.toString() ? `/courses?${params}` : '/courses';
    if (next === href) return;
    // Typing replaces the history entry, so Back leaves the catalog instead of un-typing.
    submit(params, { method: 'get', action: '/courses', replace });
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    search(false);
  };

  return (
    <Form
      ref={formRef}
      method="get"
      action="/courses"
      role="search"
      aria-label="Courses"
      className="catalog-search card"
      onSubmit={onSubmit}
      onChange={(event) => {
        const target = event.target as HTMLElement;
        if (target instanceof HTMLSelectElement) search(false);
      }}
      onInput={(event) => {
        if (!(event.target instanceof HTMLInputElement)) return;
        clearTimeout(timer.current);
        timer.current = setTimeout(() => search(true), SEARCH_DEBOUNCE_MS);
      }}
    >
      <div className="field catalog-search-query">
        <label htmlFor="catalog-q">Search courses</label>
        <div className="catalog-search-row">
          <input
            id="catalog-q"
            type="search"
            name="q"
            defaultValue={query.q}
            maxLength={200}
            placeholder="e.g. diabetes coding, risk adjustment"
            aria-describedby="catalog-q-hint"
          />
          <button type="submit">Search</button>
        </div>
        <p id="catalog-q-hint" className="field-hint">
          Searches titles, summaries and syllabi. Use "quotes" for a phrase, - to exclude a word.
        </p>
      </div>
      <fieldset className="catalog-filters">
        <legend className="visually-hidden">Filters and sort</legend>
        {CATALOG_FILTERS.map((filter) => (
          <div className="field" key={filter.param}>
            <label htmlFor={`catalog-${filter.param}`}>{filter.label}</label>
            <select
              id={`catalog-${filter.param}`}
              name={filter.param}
              defaultValue={query.params[filter.param] ?? ''}
            >
              <option value="">{filter.any}</option>
              {filter.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="field">
          <label htmlFor="catalog-sort">Sort by</label>
          <select
            id="catalog-sort"
            name="sort"
            defaultValue={query.sortParam ?? ''}
            aria-describedby="catalog-sort-hint"
          >
            <option value="">Best match</option>
            {SORT_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <p id="catalog-sort-hint" className="visually-hidden">
          Best match ranks search results by relevance; without a search it shows the newest courses
          first.
        </p>
        <div className="catalog-filter-actions">
          <button type="submit" className="button-secondary">
            Apply
          </button>
          {query.q || hasFilters(query) ? <Link to="/courses">Clear all</Link> : null}
        </div>
      </fieldset>
    </Form>
  );
}

export default function Catalog() {
  const { query, courses, totalCount, pageNumber, pageCount, nextHref, previousHref } =
    useLoaderData<typeof loader>();
  const filtered = Boolean(query.q) || hasFilters(query);
  return (
    <>
      <div className="page-header">
        <h1>Course catalog</h1>
        <p className="lead">
          Medical-coding exam preparation and continuing education, with the CE credit each course
          carries.
        </p>
      </div>

      <SearchForm query={query} />

      <p className="results-count" role="status">
        {resultsSentence(totalCount, query)}
        {query.q && courses.length > 1 && !query.sortParam ? (
          <span className="muted"> · best matches first</span>
        ) : null}
      </p>

      {courses.length > 0 ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="visually-hidden">
            {filtered ? 'Matching courses' : 'Courses'}, page {pageNumber} of {pageCount}
          </h2>
          <CourseGrid courses={courses} />
        </section>
      ) : filtered ? (
        <div className="empty-state">
          <h2>{query.q ? <>No courses match “{query.q}”</> : 'No courses match these filters'}</h2>
          <p>
            Try fewer or different words, check the spelling, or remove a filter. Search finds word
            forms too: “coding” also finds “code”.
          </p>
          <p className="empty-state-actions">
            {query.q && hasFilters(query) ? (
              <Link to={catalogHref({ ...query, params: {} })}>Clear filters</Link>
            ) : null}
            <Link to="/courses" className="button button-secondary">
              {hasFilters(query) && !query.q ? 'Clear filters' : 'Show all courses'}
            </Link>
          </p>
        </div>
      ) : (
        <p className="empty">No courses are published yet. Check back soon.</p>
      )}

      {previousHref || nextHref ? (
        <nav aria-label="Pagination" className="pagination">
          {previousHref ? (
            <Link to={previousHref} rel="prev" className="button button-secondary">
              <span aria-hidden="true">←</span> Previous page
            </Link>
          ) : (
            <span />
          )}
          <p>
            Page {pageNumber} of {pageCount}
          </p>
          {nextHref ? (
            <Link to={nextHref} rel="next" className="button button-secondary">
              Next page <span aria-hidden="true">→</span>
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
