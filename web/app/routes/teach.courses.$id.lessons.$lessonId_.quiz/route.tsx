import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { ConfirmedPost } from '../../components/confirmed-post';
import { GeneralErrorBoundary } from '../../components/error-boundary';
import { ConflictBanner } from '../../components/fields';
import { FormError } from '../../components/form';
import { useActionFailure, useRevision, useTeachCourse } from '../../components/teach-course';
import { pageTitle } from '../../utils/brand';
import { QuestionEditor } from './question-editor';
import { QuestionRow } from './question-row';
import type { loader } from './quiz-builder.server';
import { SettingsForm } from './settings-form';

export { action, loader } from './quiz-builder.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Quiz builder · ${data.lesson.title}` : 'Quiz builder') },
];

export default function QuizBuilder() {
  const { lesson, module, problems, otherPostTest } = useLoaderData<typeof loader>();
  const { course } = useTeachCourse();
  const revision = useRevision(course.revision);
  const pageFailure = useActionFailure();
  const [searchParams] = useSearchParams();
  const base = `/teach/courses/${course.id}/lessons/${lesson.id}`;
  const here = `${base}/quiz`;
  const quiz = lesson.quiz;
  const editId = searchParams.get('question');
  const editing = quiz?.questions.find((question) => question.id === editId) ?? null;
  const archived = course.status === 'ARCHIVED';
  const listError =
    pageFailure &&
    !pageFailure.conflict &&
    ['move-question', 'delete-question', 'delete-quiz'].includes(pageFailure.intent)
      ? pageFailure.formError
      : null;
  const pool = quiz?.questions.length ?? 0;
  const drawsTooMany = quiz?.questionsPerAttempt != null && quiz.questionsPerAttempt > pool;

  return (
    <section aria-labelledby="quiz-title" className="quiz-builder">
      <ConflictBanner message={pageFailure?.conflict} />
      <FormError message={listError} id="quiz-list-error" />
      <p className="back-link">
        <Link to={base}>← Back to the lesson</Link>
      </p>
      <div className="section-header">
        <h2 id="quiz-title">
          <span className="muted">
            Module {module.number}: {module.title} /
          </span>{' '}
          Quiz: {lesson.title}
        </h2>
        {quiz ? (
          <Link
            to={`/teach/courses/${course.id}/quizzes/${quiz.id}`}
            className="button button-secondary"
          >
            Statistics
          </Link>
        ) : null}
      </div>
      {archived ? (
        <p className="alert alert-info">This course is archived: restore it to edit the quiz.</p>
      ) : null}

      {lesson.kind !== 'QUIZ' ? (
        <div className="alert alert-warning">
          <p>
            “{lesson.title}” is not a quiz lesson. Change its kind to Quiz on the{' '}
            <Link to={base}>lesson page</Link> first.
          </p>
        </div>
      ) : null}

      {problems.length > 0 || drawsTooMany ? (
        <div className="alert alert-warning" role="status">
          <p className="alert-title">Publishing is blocked until this is fixed:</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem.message}>{problem.message}</li>
            ))}
            {drawsTooMany &&
            !problems.some((problem) => problem.kind === 'QUIZ_DRAWS_MORE_THAN_POOL') ? (
              <li>
                The quiz draws {quiz?.questionsPerAttempt} questions per attempt but its pool has
                only {pool}: add questions or lower “Questions per attempt”.
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}

      {lesson.kind === 'QUIZ' || quiz ? (
        <SettingsForm
          quiz={quiz}
          revision={revision}
          otherPostTest={otherPostTest}
          disabled={archived || lesson.kind !== 'QUIZ'}
        />
      ) : null}

      {quiz ? (
        <>
          <section aria-labelledby="question-list-title" className="question-pool">
            <div className="section-header">
              <h3 id="question-list-title">
                Question pool{' '}
                <span className="count">
                  {pool} {pool === 1 ? 'question' : 'questions'}
                </span>
              </h3>
              <p className="muted small">
                {quiz.questionsPerAttempt
                  ? `Each attempt draws ${quiz.questionsPerAttempt} of them.`
                  : 'Each attempt asks every question.'}
              </p>
            </div>
            {pool === 0 ? (
              <p className="empty">No questions yet. Add the first one below.</p>
            ) : (
              <ol className="question-list">
                {quiz.questions.map((question) => (
                  <QuestionRow
                    key={question.id}
                    question={question}
                    count={pool}
                    revision={revision}
                    editHref={`?question=${question.id}#question-editor`}
                    editing={editing?.id === question.id}
                    disabled={archived}
                  />
                ))}
              </ol>
            )}
          </section>

          <QuestionEditor
            key={editing?.id ?? 'new'}
            quiz={quiz}
            question={editing}
            revision={revision}
            cancelHref={here}
            disabled={archived}
          />

          {archived ? null : (
            <section aria-labelledby="delete-quiz-title" className="card danger-zone">
              <h3 id="delete-quiz-title">Delete this quiz</h3>
              <p className="muted">
                Removes the settings and all {pool} {pool === 1 ? 'question' : 'questions'} from the
                draft. Published versions, and learners’ attempts at them, are kept.
              </p>
              <ConfirmedPost
                summary="Delete quiz…"
                fields={{ intent: 'delete-quiz', quizId: quiz.id, revision }}
                button="Delete the quiz"
              >
                <p>Delete the quiz of “{lesson.title}” and its questions from the draft?</p>
              </ConfirmedPost>
            </section>
          )}
        </>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
