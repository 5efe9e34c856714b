import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { CourseGrid } from '../../components/course-card';
import { GeneralErrorBoundary } from '../../components/error-boundary';
import { CoursesDocument } from '../../graphql/generated/graphql';
import { errorResponse, gql } from '../../utils/api.server';
import { pageTitle } from '../../utils/brand';
import {
  type CatalogQuery,
  catalogHref,
  catalogVariables,
  hasFilters,
  parseCatalogQuery,
} from '../../utils/catalog-query';
import { SearchForm } from './search-form';

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
