import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { ProgressBar } from '../components/learning';
import { DistributionChart, QuizTotals } from '../components/quiz-stats';
import {
  GradebookDocument,
  QuizStatsSummaryDocument,
  type QuizStatsSummaryFragment,
} from '../graphql/generated/graphql';
import { gql, gqlData } from '../utils/api.server';
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

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuthor(request);
  invariantResponse(params.id, 'Not found', { status: 404 });
  const courseId = params.id;
  const { editableCourse, gradebook } = await gqlData(request, GradebookDocument, { courseId });
  // Quizzes to report on: the draft's, then any that only older versions have. Statistics
  // follow a quiz across versions, so two ids of one quiz give the same questions: show once.
  const ids = [
    ...editableCourse.modules.flatMap((module) =>
      module.lessons.flatMap((lesson) => (lesson.quiz ? [lesson.quiz.id] : [])),
    ),
    ...gradebook.rows.flatMap((row) => row.quizzes.map((quiz) => quiz.quizId)),
  ];
  const results = await Promise.all(
    [...new Set(ids)].map((quizId) => gql(request, QuizStatsSummaryDocument, { quizId })),
  );
  const seen = new Set<string>();
  const quizzes: QuizStatsSummaryFragment[] = [];
  for (const result of results) {
    const stats = result.data?.quizStatistics;
    if (!stats) continue;
    const family =
      stats.questions.length > 0
        ? stats.questions
            .map((question) => question.questionKey)
            .sort()
            .join(',')
        : stats.quizId;
    if (seen.has(family)) continue;
    seen.add(family);
    quizzes.push(stats);
  }
  const columns = [
    ...new Set(gradebook.rows.flatMap((row) => row.quizzes.map((quiz) => quiz.lessonTitle))),
  ];
  const page = gradebookPage(gradebook.rows, new URL(request.url).searchParams);
  return {
    course: { id: editableCourse.id, slug: editableCourse.slug, title: editableCourse.title },
    total: gradebook.rows.length,
    completed: gradebook.rows.filter((row) => row.completedAt).length,
    ...page,
    columns,
    quizzes,
  };
}

/** Learners shown per gradebook page. */
export const GRADEBOOK_PAGE_SIZE = 25;

/**
 * One page of the gradebook's learners, sorted by name, optionally filtered by name or email
 * (`?q=`). `?page=` beyond the last page shows the last one.
 */
export function gradebookPage<Row extends { learnerName: string; learnerEmail: string }>(
  all: Row[],
  search: URLSearchParams,
) {
  const query = (search.get('q') ?? '').trim();
  const needle = query.toLocaleLowerCase();
  const matching = all
    .filter(
      (row) =>
        !needle ||
        row.learnerName.toLocaleLowerCase().includes(needle) ||
        row.learnerEmail.toLocaleLowerCase().includes(needle),
    )
    .sort(
      (a, b) =>
        a.learnerName.localeCompare(b.learnerName) || a.learnerEmail.localeCompare(b.learnerEmail),
    );
  const pages = Math.max(1, Math.ceil(matching.length / GRADEBOOK_PAGE_SIZE));
  const requested = Number.parseInt(search.get('page') ?? '1', 10);
  const page = Math.min(pages, Number.isFinite(requested) && requested > 0 ? requested : 1);
  const start = (page - 1) * GRADEBOOK_PAGE_SIZE;
  return {
    query,
    matching: matching.length,
    page,
    pages,
    first: start + 1,
    rows: matching.slice(start, start + GRADEBOOK_PAGE_SIZE),
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
                {columns.map((title) => (
                  <th scope="col" key={title}>
                    {title}
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
                  {columns.map((title) => {
                    const quiz = row.quizzes.find((entry) => entry.lessonTitle === title);
                    return (
                      <td key={title} data-label={title} className="quiz-cell">
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
              <div className="quiz-stats-layout">
                <QuizTotals stats={stats} />
                <DistributionChart
                  distribution={stats.distribution}
                  passPercent={stats.passPercent}
                  title={stats.lessonTitle}
                />
              </div>
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
