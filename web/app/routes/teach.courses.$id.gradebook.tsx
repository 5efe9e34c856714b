import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
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
  const courseId = params.id ?? '';
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
  return {
    course: { id: editableCourse.id, slug: editableCourse.slug, title: editableCourse.title },
    rows: gradebook.rows,
    columns,
    quizzes,
  };
}

export default function GradebookPage() {
  const { course, rows, columns, quizzes } = useLoaderData<typeof loader>();
  const base = `/teach/courses/${course.id}`;
  const completed = rows.filter((row) => row.completedAt).length;
  return (
    <section aria-labelledby="gradebook-title" className="gradebook">
      <div className="section-header">
        <h2 id="gradebook-title">Gradebook</h2>
        <a href={`${base}/gradebook.csv`} className="button button-secondary" download>
          Download CSV
        </a>
      </div>
      <p className="lead">
        {rows.length === 0
          ? 'Nobody has enrolled yet.'
          : `${rows.length} ${rows.length === 1 ? 'learner' : 'learners'}, ${completed} completed. Quiz columns show each learner’s best score and number of submitted attempts.`}
      </p>

      {rows.length > 0 ? (
        <div className="table-wrap gradebook-table-wrap">
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
        </div>
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
