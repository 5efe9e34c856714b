import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { ProgressBar } from '../components/learning';
import { QuizStatsOverview } from '../components/quiz-stats';
import { GradebookDocument } from '../graphql/generated/graphql';
import { gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { formatDate, formatMinutes } from '../utils/format';
import { invariantResponse } from '../utils/invariant';
import { formatPercent } from '../utils/learning';
import { requireAuthor } from '../utils/teach.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Gradebook · ${data.course.title}` : 'Gradebook') },
];

const STATUS_LABELS: Record<string, string> = {
  ACTIVE: 'Active',
  ENDED: 'Ended',
  UNENROLLED: 'Unenrolled',
};

/** Learners shown per gradebook page. */
export const GRADEBOOK_PAGE_SIZE = 25;

/**
 * One API call: the page of learners (by name, `?q=` filters by name or email, `?page=` past
 * the last shows the last), the quiz columns with every version of a quiz under its lesson, and
 * each quiz's statistics, all decided by the API.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuthor(request);
  invariantResponse(params.id, 'Not found', { status: 404 });
  const search = new URL(request.url).searchParams;
  const query = (search.get('q') ?? '').trim().slice(0, 200);
  const requested = Number.parseInt(search.get('page') ?? '1', 10);
  const { editableCourse, gradebookPage } = await gqlData(request, GradebookDocument, {
    courseId: params.id,
    search: query || null,
    page: Number.isFinite(requested) && requested > 0 ? Math.min(requested, 1_000_000) : 1,
    pageSize: GRADEBOOK_PAGE_SIZE,
  });
  const { rows, columns, quizzes, page, pages, matching, totalLearners, completedLearners } =
    gradebookPage;
  return {
    course: { id: editableCourse.id, slug: editableCourse.slug, title: editableCourse.title },
    total: totalLearners,
    completed: completedLearners,
    query,
    matching,
    page,
    pages,
    first: (page - 1) * gradebookPage.pageSize + 1,
    rows,
    columns,
    quizzes,
  };
}

function pageHref(query: string, page: number) {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `?${search}` : '.';
}

export default function GradebookPage() {
  const { course, rows, columns, quizzes, total, completed, query, matching, page, pages, first } =
    useLoaderData<typeof loader>();
  const base = `/teach/courses/${course.id}`;
  return (
    <section aria-labelledby="gradebook-title" className="gradebook">
      <div className="section-header">
        <h2 id="gradebook-title">Gradebook</h2>
        <a href={`${base}/gradebook.csv`} className="button button-secondary" download>
          Download CSV
        </a>
      </div>
      <p className="lead">
        {total === 0
          ? 'Nobody has enrolled yet.'
          : `${total} ${total === 1 ? 'learner' : 'learners'}, ${completed} completed. Quiz columns show each learner’s best score and number of submitted attempts.`}
      </p>

      {total > GRADEBOOK_PAGE_SIZE || query ? (
        <Form method="get" className="filter-bar gradebook-search" role="search">
          <div className="field">
            <label htmlFor="gradebook-q">Find a learner</label>
            <input id="gradebook-q" name="q" type="search" defaultValue={query} />
          </div>
          <button type="submit" className="button button-secondary">
            Search
          </button>
        </Form>
      ) : null}
      {total > 0 ? (
        <p className="muted" id="gradebook-range">
          {matching === 0
            ? `No learner matches “${query}”.`
            : `Showing ${first}–${first + rows.length - 1} of ${matching}${query ? ` matching “${query}”` : ''}, by name.`}
        </p>
      ) : null}

      {rows.length > 0 ? (
        // A keyboard user scrolls a wide table with the arrow keys once it has focus (WCAG
        // 2.1.1; axe's scrollable-region-focusable): a named, focusable region.
        <section
          className="table-wrap gradebook-table-wrap"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus
          tabIndex={0}
          aria-label={`Gradebook of ${course.title}, scrolls sideways`}
        >
          <table className="data-table gradebook-table">
            <caption className="visually-hidden">Learners of {course.title}</caption>
            <thead>
              <tr>
                <th scope="col">Learner</th>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Progress</th>
                <th scope="col">Lessons</th>
                <th scope="col">Study time</th>
                <th scope="col">Completed</th>
                {columns.map((column) => (
                  <th scope="col" key={column.key}>
                    {column.lessonTitle}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.enrollmentId}>
                  <th scope="row" data-label="Learner">
                    <span className="table-title">{row.learnerName}</span>
                    <span className="muted small">{row.learnerEmail}</span>
                  </th>
                  <td data-label="Version">v{row.versionNumber}</td>
                  <td data-label="Status">{STATUS_LABELS[row.status] ?? row.status}</td>
                  <td data-label="Progress" className="progress-cell">
                    <ProgressBar
                      percent={row.progressPercent}
                      label={`Progress of ${row.learnerName}`}
                    />
                  </td>
                  <td data-label="Lessons">
                    {row.lessonsCompleted}/{row.lessonsTotal}
                  </td>
                  <td data-label="Study time">{formatMinutes(row.seatMinutes)}</td>
                  <td data-label="Completed">
                    {row.completedAt ? formatDate(row.completedAt) : '—'}
                  </td>
                  {columns.map((column) => {
                    const quiz = row.quizzes.find((entry) => entry.columnKey === column.key);
                    return (
                      <td key={column.key} data-label={column.lessonTitle} className="quiz-cell">
                        {quiz && quiz.attempts > 0 && quiz.bestPercent != null ? (
                          <>
                            <span className={quiz.passed ? 'result result-pass' : 'result'}>
                              {formatPercent(Number(quiz.bestPercent))}
                            </span>{' '}
                            <span className="muted small">
                              {quiz.attempts} {quiz.attempts === 1 ? 'attempt' : 'attempts'}
                              {quiz.passed ? ' · passed' : ''}
                            </span>
                          </>
                        ) : (
                          <span className="muted">Not attempted</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {pages > 1 ? (
        <nav className="pagination" aria-label="Gradebook pages">
          {page > 1 ? (
            <Link to={pageHref(query, page - 1)} rel="prev">
              ← Previous page
            </Link>
          ) : (
            <span />
          )}
          <p>
            Page {page} of {pages}
          </p>
          {page < pages ? (
            <Link to={pageHref(query, page + 1)} rel="next">
              Next page →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}

      <section aria-labelledby="quiz-stats-title" className="quiz-stats-overview">
        <h2 id="quiz-stats-title">Quizzes</h2>
        {quizzes.length === 0 ? (
          <p className="empty">This course has no quizzes yet.</p>
        ) : (
          quizzes.map((stats) => (
            <section
              key={stats.quizId}
              aria-labelledby={`quiz-${stats.quizId}`}
              className="card quiz-stats-card"
            >
              <div className="section-header">
                <h3 id={`quiz-${stats.quizId}`}>{stats.lessonTitle}</h3>
                <Link to={`${base}/quizzes/${stats.quizId}`} className="button button-secondary">
                  Question statistics and attempts
                  <span className="visually-hidden"> for {stats.lessonTitle}</span>
                </Link>
              </div>
              <QuizStatsOverview stats={stats} />
            </section>
          ))
        )}
      </section>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
