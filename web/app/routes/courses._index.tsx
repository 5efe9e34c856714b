import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { CourseGrid } from '../components/course-card';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { CoursesDocument } from '../graphql/generated/graphql';
import { errorResponse, gql } from '../utils/api.server';
import { pageTitle } from '../utils/brand';

const PAGE_SIZE = 12;
/** How many earlier pages the "Previous page" trail remembers (keeps URLs bounded). */
const MAX_TRAIL = 50;

export const meta: MetaFunction = () => [
  { title: pageTitle('Course catalog') },
  {
    name: 'description',
    content: 'Published medical-coding courses and the CE credit they carry.',
  },
];

/**
 * The API paginates forward only (first/after). To offer "Previous page" without
 * JavaScript, each page's URL carries the trail of `after` cursors of the pages before it
 * (`prev`, one entry per page, "" for the first page).
 */
function pageHref(after: string | null, trail: string[]): string {
  if (after === null) return '/courses';
  const params = new URLSearchParams();
  params.set('after', after);
  for (const cursor of trail) params.append('prev', cursor);
  return `/courses?${params}`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const after = url.searchParams.get('after') || null;
  const trail = after ? url.searchParams.getAll('prev').slice(-MAX_TRAIL) : [];

  const result = await gql(request, CoursesDocument, { first: PAGE_SIZE, after });
  if (result.errors) {
    // A stale or hand-edited cursor: start again from the first page.
    if (after && result.errors[0].code === 'BAD_USER_INPUT') throw redirect('/courses');
    throw errorResponse(request, result.errors[0]);
  }
  const { courses } = result.data;

  const pageNumber = trail.length + 1;
  const pageCount = Math.max(1, Math.ceil(courses.totalCount / PAGE_SIZE));
  const nextHref =
    courses.pageInfo.hasNextPage && courses.pageInfo.endCursor
      ? pageHref(courses.pageInfo.endCursor, [...trail, after ?? ''])
      : null;
  let previousHref: string | null = null;
  if (after) {
    const previousAfter = trail.at(-1);
    previousHref = previousAfter ? pageHref(previousAfter, trail.slice(0, -1)) : '/courses';
  }

  return {
    courses: courses.edges.map((edge) => edge.node),
    totalCount: courses.totalCount,
    pageNumber: Math.min(pageNumber, pageCount),
    pageCount,
    nextHref,
    previousHref,
  };
}

export default function Catalog() {
  const { courses, totalCount, pageNumber, pageCount, nextHref, previousHref } =
    useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <h1>Course catalog</h1>
        <p className="lead">
          {totalCount === 1 ? '1 published course' : `${totalCount} published courses`} in medical
          coding: exam preparation and continuing education.
        </p>
      </div>

      {courses.length > 0 ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="visually-hidden">
            Courses, page {pageNumber} of {pageCount}
          </h2>
          <CourseGrid courses={courses} />
        </section>
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
