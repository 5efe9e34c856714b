import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { DataTable } from '../components/data-table';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { QuizStatsOverview } from '../components/quiz-stats';
import { QuizStatisticsPageDocument } from '../graphql/generated/graphql';
import { gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { requireParam } from '../utils/invariant';
import { areaLabel, formatDateTime, formatPercent, formatPoints } from '../utils/learning';
import { promptExcerpt } from '../utils/quiz-form';
import { requireAuthor } from '../utils/teach.server';
import { questionTypeLabel } from '../utils/teach-options';
import { useTimeZone } from '../utils/time-zone';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Statistics · ${data.stats.lessonTitle}` : 'Quiz statistics') },
];

/** Questions fully answered correctly by fewer than this share of attempts are flagged. */
const FLAG_BELOW_PERCENT = 40;
const PAGE_SIZE = 25;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuthor(request);
  const after = new URL(request.url).searchParams.get('after');
  const { quizStatistics } = await gqlData(request, QuizStatisticsPageDocument, {
    quizId: requireParam(params, 'quizId'),
    first: PAGE_SIZE,
    after: after || null,
  });
  // A quiz of another course under this course's address is not found here.
  if (quizStatistics.courseId !== params.id) throw new Response('Not found', { status: 404 });
  return { stats: quizStatistics, paged: Boolean(after) };
}

export default function QuizStatisticsPage() {
  const timeZone = useTimeZone();
  const { stats, paged } = useLoaderData<typeof loader>();
  const base = `/teach/courses/${stats.courseId}`;
  const attempts = stats.attempts.edges.map((edge) => edge.node);
  const questions = stats.questions.map((question) => {
    const correctPercent =
      question.drawn > 0 ? Math.round((question.fullyCorrect / question.drawn) * 1000) / 10 : null;
    return {
      ...question,
      correctPercent,
      flagged: correctPercent !== null && correctPercent < FLAG_BELOW_PERCENT,
    };
  });
  const flagged = questions.filter((question) => question.flagged).length;
  return (
    <section aria-labelledby="stats-title" className="quiz-statistics">
      <p className="back-link">
        <Link to={`${base}/gradebook`}>← Back to the gradebook</Link>
      </p>
      <h2 id="stats-title">Statistics: {stats.lessonTitle}</h2>
      <p className="muted">
        Every published version of this quiz counts; questions are matched across versions.
      </p>
      <QuizStatsOverview stats={stats} className="card" />

      <section aria-labelledby="question-stats-title">
        <h3 id="question-stats-title">Questions</h3>
        <p className="muted small">
          “Fully correct” is the share of submitted attempts that drew the question and earned full
          marks. Questions under {FLAG_BELOW_PERCENT}% are flagged: check the key, the wording and
          the lesson that teaches it.
          {flagged > 0 ? ` ${flagged} flagged.` : ''}
        </p>
        {questions.length === 0 ? (
          <p className="empty">This quiz has no questions.</p>
        ) : (
          <DataTable
            className="question-stats-table"
            caption="Per-question statistics"
            columns={['#', 'Question', 'Drawn', 'Answered', 'Fully correct', 'Average points']}
          >
            {questions.map((question) => (
              <tr key={question.questionKey} className={question.flagged ? 'is-flagged' : ''}>
                <td data-label="#">{question.position ?? '—'}</td>
                <th scope="row" data-label="Question">
                  <span className="table-title">{promptExcerpt(question.prompt, 110)}</span>
                  <span className="muted small">
                    {questionTypeLabel(question.type)} · {areaLabel(question.area)}
                    {question.questionId ? '' : ' · no longer in this version'}
                  </span>
                </th>
                <td data-label="Drawn">{question.drawn}</td>
                <td data-label="Answered">{question.answered}</td>
                <td data-label="Fully correct">
                  {question.correctPercent === null ? (
                    '—'
                  ) : (
                    <>
                      {formatPercent(question.correctPercent)}{' '}
                      <span className="muted small">({question.fullyCorrect})</span>
                    </>
                  )}
                  {question.flagged ? (
                    <span className="tag tag-flag">
                      <span aria-hidden="true">⚑ </span>Flagged: under {FLAG_BELOW_PERCENT}%
                    </span>
                  ) : null}
                </td>
                <td data-label="Average points">
                  {question.averagePoints == null
                    ? '—'
                    : `${formatPoints(question.averagePoints)} / ${question.maxPoints}`}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="attempts-title">
        <h3 id="attempts-title">
          {paged ? 'Older attempts' : 'Recent attempts'}{' '}
          <span className="count">{stats.attempts.totalCount} in all</span>
        </h3>
        {attempts.length === 0 ? (
          <p className="empty">No attempts yet.</p>
        ) : (
          <DataTable
            caption="Attempts, newest first"
            columns={['Learner', 'Attempt', 'Version', 'Started', 'Submitted', 'Score', 'Result']}
          >
            {attempts.map((attempt) => (
              <tr key={attempt.id}>
                <th scope="row" data-label="Learner">
                  <span className="table-title">{attempt.learnerName}</span>
                  <span className="muted small">{attempt.learnerEmail}</span>
                </th>
                <td data-label="Attempt">#{attempt.number}</td>
                <td data-label="Version">v{attempt.versionNumber}</td>
                <td data-label="Started">{formatDateTime(attempt.startedAt, timeZone)}</td>
                <td data-label="Submitted">
                  {attempt.submittedAt
                    ? formatDateTime(attempt.submittedAt, timeZone)
                    : 'In progress'}
                </td>
                <td data-label="Score">
                  {attempt.scorePercent == null ? '—' : formatPercent(attempt.scorePercent)}
                </td>
                <td data-label="Result">
                  {attempt.status !== 'SUBMITTED' ? (
                    <span className="muted">—</span>
                  ) : attempt.passed ? (
                    <span className="result result-pass">Passed</span>
                  ) : (
                    <span className="result result-fail">Not passed</span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <nav aria-label="Attempt pages" className="pagination">
          {paged ? <Link to=".">Newest attempts</Link> : null}
          {stats.attempts.pageInfo.hasNextPage && stats.attempts.pageInfo.endCursor ? (
            <Link
              rel="next"
              to={`?${new URLSearchParams({ after: stats.attempts.pageInfo.endCursor })}`}
            >
              Older attempts
            </Link>
          ) : null}
        </nav>
      </section>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
