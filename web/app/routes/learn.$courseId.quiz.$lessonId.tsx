import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { Breadcrumb } from '../components/breadcrumb';
import { DataTable } from '../components/data-table';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { CompletedBadge } from '../components/learning';
import { ImprovementChart } from '../components/quiz-charts';
import {
  LearnerLessonDocument,
  LearningCourseTitleDocument,
  QuizForLearnerDocument,
  StartQuizAttemptDocument,
} from '../graphql/generated/graphql';
import { gql } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { requireParam } from '../utils/invariant';
import { formatDateTime, formatPercent, quizModeLabel } from '../utils/learning';
import { intentOf, learnerErrorResponse, redirectWithFlash } from '../utils/learning.server';
import { requireViewer } from '../utils/session.server';
import { useTimeZone } from '../utils/time-zone';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `${data.quiz.title} · ${data.courseTitle}` : 'Quiz') },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireViewer(request);
  const courseId = requireParam(params, 'courseId');
  const lessonId = requireParam(params, 'lessonId');
  const [quizResult, lessonResult, courseResult] = await Promise.all([
    gql(request, QuizForLearnerDocument, { lessonId }),
    gql(request, LearnerLessonDocument, { lessonId }),
    gql(request, LearningCourseTitleDocument, { courseId }),
  ]);
  for (const result of [lessonResult, quizResult, courseResult]) {
    if (result.errors) throw await learnerErrorResponse(request, result.errors[0], courseId);
  }
  const quiz = quizResult.data?.quizForLearner;
  const lesson = lessonResult.data?.learnerLesson;
  if (!quiz || !lesson) throw new Response('Not found', { status: 404 });
  if (lesson.courseId !== courseId) throw redirect(`/learn/${lesson.courseId}/quiz/${lesson.id}`);
  return {
    quiz,
    courseId,
    courseTitle: courseResult.data?.learningCourse?.title ?? 'Course',
    instructionsHtml: lesson.bodyHtml,
    nextLessonId: lesson.nextLessonId,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireViewer(request);
  const courseId = requireParam(params, 'courseId');
  const lessonId = requireParam(params, 'lessonId');
  const form = await request.formData();
  if (intentOf(form) !== 'start') throw new Response('Unknown action', { status: 400 });
  const result = await gql(request, StartQuizAttemptDocument, { lessonId });
  if (result.errors) {
    const [error] = result.errors;
    if (error.code === 'PRECONDITION_FAILED') {
      return redirectWithFlash(`/learn/${courseId}/quiz/${lessonId}`, error.message, 'error');
    }
    throw await learnerErrorResponse(request, error, courseId);
  }
  return redirect(`/learn/attempts/${result.data.startQuizAttempt.id}`);
}

function resultLabel(attempt: { status: string; passed: boolean | null }) {
  if (attempt.status === 'IN_PROGRESS') return <span className="status">In progress</span>;
  return attempt.passed ? (
    <span className="result result-pass">
      <span aria-hidden="true">✓ </span>Passed
    </span>
  ) : (
    <span className="result result-fail">
      <span aria-hidden="true">✗ </span>Not passed
    </span>
  );
}

function improvementLabel(value: number | null) {
  if (value === null) return <span className="muted">–</span>;
  if (value === 0) return <span>no change</span>;
  const points = Number(Math.abs(value).toFixed(2));
  return value > 0 ? (
    <span className="improve-up">
      <span aria-hidden="true">▲ </span>+{points} points
    </span>
  ) : (
    <span className="improve-down">
      <span aria-hidden="true">▼ </span>−{points} points
    </span>
  );
}

export default function QuizLandingPage() {
  const timeZone = useTimeZone();
  const { quiz, courseId, courseTitle, instructionsHtml, nextLessonId } =
    useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const starting = navigation.formData?.get('intent') === 'start';
  const submitted = quiz.attempts.filter(
    (a) => a.status === 'SUBMITTED' && a.scorePercent !== null,
  );
  const open = quiz.openAttempt;
  const noAttemptsLeft = !open && quiz.attemptsRemaining === 0;

  return (
    <article aria-labelledby="quiz-title" className="quiz-page">
      <Breadcrumb
        trail={[
          { to: '/learn', label: 'My learning' },
          { to: `/learn/${courseId}`, label: courseTitle },
        ]}
        current={quiz.title}
      />
      <header className="page-header">
        <p className="card-eyebrow">{quizModeLabel(quiz.mode)}</p>
        <h1 id="quiz-title">
          {quiz.title} {quiz.passed ? <CompletedBadge label="Passed" /> : null}
        </h1>
      </header>

      <div className="quiz-layout">
        <div className="quiz-main">
          <section aria-labelledby="settings-title" className="card">
            <h2 id="settings-title">About this {quizModeLabel(quiz.mode).toLowerCase()}</h2>
            <dl className="facts quiz-facts">
              <div>
                <dt>Questions</dt>
                <dd>{quiz.questionsPerAttempt}</dd>
              </div>
              <div>
                <dt>Pass mark</dt>
                <dd>{quiz.passPercent}%</dd>
              </div>
              <div>
                <dt>Time limit</dt>
                <dd>{quiz.timeLimitMinutes ? `${quiz.timeLimitMinutes} minutes` : 'Untimed'}</dd>
              </div>
              <div>
                <dt>Attempts</dt>
                <dd>
                  {quiz.attemptsUsed} used
                  {quiz.maxAttempts === null
                    ? ' · unlimited'
                    : ` of ${quiz.maxAttempts} · ${quiz.attemptsRemaining} left`}
                </dd>
              </div>
              <div>
                <dt>Best score</dt>
                <dd>{quiz.bestPercent === null ? '–' : formatPercent(quiz.bestPercent)}</dd>
              </div>
              <div>
                <dt>Review</dt>
                <dd>
                  {!quiz.allowReview
                    ? 'Score only (answers are not shown)'
                    : quiz.mode === 'POST_TEST'
                      ? 'Answers and explanations once you pass or have used your last attempt'
                      : 'Answers and explanations after you submit'}
                </dd>
              </div>
            </dl>
            {instructionsHtml ? (
              <div
                className="prose quiz-instructions"
                // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the API
                dangerouslySetInnerHTML={{ __html: instructionsHtml }}
              />
            ) : null}
            {quiz.mode === 'MOCK_EXAM' ? (
              <p className="small">
                A fresh set of questions is drawn for every attempt, grouped by exam area. Your
                report shows the score per area.
              </p>
            ) : null}

            <div className="quiz-start">
              {open ? (
                <>
                  <Link to={`/learn/attempts/${open.id}`} className="button button-large">
                    Resume attempt
                  </Link>
                  {open.deadlineAt ? (
                    <p className="small">
                      This attempt ends at{' '}
                      <time dateTime={open.deadlineAt}>
                        {formatDateTime(open.deadlineAt, timeZone)}
                      </time>
                      .
                    </p>
                  ) : null}
                </>
              ) : noAttemptsLeft ? (
                <p className="alert alert-info">
                  You have used all {quiz.maxAttempts} attempts allowed for this quiz.
                </p>
              ) : (
                <Form method="post">
                  {quiz.timeLimitMinutes ? (
                    <p id="timer-note" className="small">
                      The {quiz.timeLimitMinutes}-minute timer starts when you press Start and keeps
                      running if you leave the page. Answers saved before the deadline count.
                    </p>
                  ) : null}
                  <button
                    type="submit"
                    name="intent"
                    value="start"
                    className="button-large"
                    disabled={starting}
                    aria-describedby={quiz.timeLimitMinutes ? 'timer-note' : undefined}
                  >
                    {starting
                      ? 'Starting…'
                      : quiz.attemptsUsed === 0
                        ? 'Start the quiz'
                        : quiz.passed
                          ? 'Retake to improve your score'
                          : 'Retake the quiz'}
                  </button>
                </Form>
              )}
            </div>
          </section>

          <section aria-labelledby="history-title" className="section">
            <h2 id="history-title">Your attempts</h2>
            {quiz.attempts.length === 0 ? (
              <p className="muted">You have not taken this quiz yet.</p>
            ) : (
              <DataTable
                caption={<>Your attempts at {quiz.title}, oldest first</>}
                columns={['Attempt', 'Date', 'Score', 'Result', 'Change', { hidden: 'Details' }]}
              >
                {quiz.attempts.map((attempt) => (
                  <tr key={attempt.id}>
                    <th scope="row">#{attempt.number}</th>
                    <td>
                      <time dateTime={attempt.submittedAt ?? attempt.startedAt}>
                        {formatDateTime(attempt.submittedAt ?? attempt.startedAt, timeZone)}
                      </time>
                    </td>
                    <td>
                      {attempt.scorePercent === null ? '–' : formatPercent(attempt.scorePercent)}
                    </td>
                    <td>{resultLabel(attempt)}</td>
                    <td>{improvementLabel(attempt.improvement)}</td>
                    <td>
                      <Link to={`/learn/attempts/${attempt.id}`}>
                        {attempt.status === 'IN_PROGRESS' ? 'Resume' : 'Results'}
                        <span className="visually-hidden"> of attempt {attempt.number}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        </div>

        <aside className="quiz-aside">
          {submitted.length > 0 ? (
            <section aria-labelledby="chart-title" className="card">
              <h2 id="chart-title" className="panel-title">
                Your progress
              </h2>
              <ImprovementChart
                passPercent={quiz.passPercent}
                scores={submitted.map((a) => ({
                  number: a.number,
                  percent: a.scorePercent ?? 0,
                  passed: a.passed === true,
                }))}
              />
            </section>
          ) : null}
          {quiz.passed ? (
            <section className="card" aria-label="What next">
              <p>You passed this quiz.</p>
              <Link
                to={
                  nextLessonId ? `/learn/${courseId}/lessons/${nextLessonId}` : `/learn/${courseId}`
                }
                className="button button-secondary"
              >
                {nextLessonId ? 'Next lesson' : 'Back to the course outline'}
              </Link>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
