import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import {
  Form,
  Link,
  type ShouldRevalidateFunction,
  useActionData,
  useLoaderData,
  useNavigation,
  useRevalidator,
} from '@remix-run/react';
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CompletionCertificates } from '../../components/completion-certificates';
import { GeneralErrorBoundary } from '../../components/error-boundary';
import { QuizQuestion, type SaveOneResult } from '../../components/quiz-question';
import { AttemptResults } from '../../components/quiz-results';
import {
  type AnswerInput,
  AttemptCompletionDocument,
  AttemptContextDocument,
  QuizAttemptDocument,
  SaveAnswerDocument,
  SubmitQuizAttemptDocument,
} from '../../graphql/generated/graphql';
import { type ApiError, errorResponse, gql, gqlData } from '../../utils/api.server';
import { pageTitle } from '../../utils/brand';
import { formatTime } from '../../utils/format';
import { areaLabel, formatClock, formatPercent, quizModeLabel } from '../../utils/learning';
import { intentOf, learnerErrorResponse, redirectWithFlash } from '../../utils/learning.server';
import {
  CHOICE_TYPES,
  readAnswer,
  type SubmittedAnswer,
  sameAnswer,
} from '../../utils/quiz-answers';
import { requireViewer } from '../../utils/session.server';
import { useTimeZone } from '../../utils/time-zone';
import { QuizErrorSummary } from './error-summary';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: pageTitle(
      data
        ? `${data.attempt.status === 'SUBMITTED' ? 'Results' : 'Attempt'} ${data.attempt.number} · ${data.quiz.title}`
        : 'Quiz attempt',
    ),
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireViewer(request);
  // Reading an attempt whose deadline has passed grades it (the API settles it first).
  const { quizAttempt: attempt } = await gqlData(request, QuizAttemptDocument, {
    id: params.attemptId ?? '',
  });
  const context = await gql(request, AttemptContextDocument, { lessonId: attempt.lessonId });
  if (context.errors) throw await learnerErrorResponse(request, context.errors[0], undefined);
  const { quizForLearner: quiz, learnerLesson: lesson } = context.data;
  // A passing attempt may be the one that completed the course: link its certificates.
  const completion =
    attempt.status === 'SUBMITTED' && attempt.result?.passed
      ? (await gqlData(request, AttemptCompletionDocument, { attemptId: attempt.id }))
          .attemptCompletion
      : null;
  return { attempt, quiz, lesson, courseId: lesson.courseId, completion };
}

interface SaveFailure {
  formError: string | null;
  errors: Record<string, string>;
  values: Record<string, SubmittedAnswer>;
}

const toInput = (answer: SubmittedAnswer): AnswerInput =>
  answer.optionIds ? { optionIds: answer.optionIds } : { text: answer.text ?? '' };

function saveError(request: Request, error: ApiError): string {
  if (error.code === 'BAD_USER_INPUT') {
    const field = error.fieldErrors ? Object.values(error.fieldErrors).flat()[0] : undefined;
    return field ?? error.message;
  }
  if (error.code === 'PRECONDITION_FAILED') return error.message;
  throw errorResponse(request, error);
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireViewer(request);
  const attemptId = params.attemptId ?? '';
  const path = `/learn/attempts/${attemptId}`;
  const form = await request.formData();
  const intent = intentOf(form);

  // With JavaScript: one question saved on change (a fetcher; no redirect).
  if (intent === 'save-one') {
    const questionId = String(form.get('questionId') ?? '');
    const text = form.get('text');
    const answer: AnswerInput =
      typeof text === 'string'
        ? { text }
        : { optionIds: form.getAll('optionIds').filter((v): v is string => typeof v === 'string') };
    const result = await gql(request, SaveAnswerDocument, { attemptId, questionId, answer });
    if (result.errors) {
      return data<SaveOneResult>(
        { questionId, error: saveError(request, result.errors[0]) },
        { status: 400 },
      );
    }
    const saved = result.data.saveAnswer;
    return data<SaveOneResult>({ questionId, savedAt: saved.savedAt, codes: saved.response.codes });
  }

  if (intent !== 'submit' && !intent.startsWith('save')) {
    throw new Response('Unknown action', { status: 400 });
  }

  // The whole form (works without JavaScript): save every answer that changed, then submit
  // (intent=submit) or come back to the question whose button was pressed.
  const { quizAttempt: attempt } = await gqlData(request, QuizAttemptDocument, { id: attemptId });
  if (attempt.status === 'SUBMITTED') {
    return redirectWithFlash(path, 'This attempt has already been submitted.', 'info');
  }
  const changes = attempt.questions
    .map((question) => ({ question, answer: readAnswer(form, question) }))
    .filter(
      (change): change is { question: typeof change.question; answer: SubmittedAnswer } =>
        change.answer !== null && !sameAnswer(change.answer, change.question.response),
    );
  const results = await Promise.all(
    changes.map(({ question, answer }) =>
      gql(request, SaveAnswerDocument, {
        attemptId,
        questionId: question.id,
        answer: toInput(answer),
      }),
    ),
  );
  const failure: SaveFailure = { formError: null, errors: {}, values: {} };
  let timeUp = false;
  results.forEach((result, index) => {
    const change = changes[index];
    if (!result.errors || !change) return;
    const [error] = result.errors;
    if (error.code === 'PRECONDITION_FAILED') {
      timeUp = true;
      failure.formError = error.message;
      return;
    }
    failure.errors[change.question.id] = saveError(request, error);
    failure.values[change.question.id] = change.answer;
  });
  const invalid = Object.keys(failure.errors).length;

  if (intent === 'submit') {
    if (invalid > 0) {
      failure.formError = `${invalid === 1 ? 'One answer' : `${invalid} answers`} could not be saved. Correct ${invalid === 1 ? 'it' : 'them'} (or clear ${invalid === 1 ? 'it' : 'them'}) and submit again.`;
      return data(failure, { status: 400 });
    }
    // Time up: submitting is still allowed; what was saved by the deadline counts.
    const submitted = await gql(request, SubmitQuizAttemptDocument, { attemptId });
    if (submitted.errors) throw errorResponse(request, submitted.errors[0]);
    const outcome = submitted.data.submitQuizAttempt;
    const score = outcome.attempt.result;
    const message = score
      ? `Attempt submitted: you scored ${formatPercent(score.scorePercent)}${score.passed ? ' and passed' : ''}.${outcome.courseCompleted ? ' You have completed the course!' : ''}`
      : 'Attempt submitted.';
    return redirectWithFlash(path, message, score && !score.passed ? 'info' : 'success');
  }

  if (invalid > 0 || timeUp) {
    if (!failure.formError) {
      failure.formError =
        invalid === 1
          ? 'One answer could not be saved: see the message next to it.'
          : `${invalid} answers could not be saved: see the messages next to them.`;
    }
    return data(failure, { status: 400 });
  }
  const focus = intent.startsWith('save:') ? intent.slice('save:'.length) : null;
  const target = focus && /^[0-9a-f-]{36}$/i.test(focus) ? `${path}#question-${focus}` : path;
  const saved = changes.length;
  return redirectWithFlash(
    target,
    saved === 0
      ? 'Nothing changed since your last save.'
      : saved === 1
        ? 'Answer saved.'
        : `${saved} answers saved.`,
    saved === 0 ? 'info' : 'success',
  );
}

/** Autosaves (fetchers) need no reload of the attempt; everything else revalidates. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => {
  if (formData?.get('intent') === 'save-one') return false;
  return defaultShouldRevalidate;
};

/**
 * Time left, counted down in the browser from the server's `secondsRemaining` (the server's
 * clock is the truth; the learner's clock may be wrong). At zero the page reloads, and the API
 * grades the attempt on what was saved by the deadline.
 */
function Countdown({
  secondsRemaining,
  deadlineAt,
}: {
  secondsRemaining: number;
  deadlineAt: string;
}) {
  const timeZone = useTimeZone();
  const [left, setLeft] = useState(secondsRemaining);
  const [live, setLive] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const revalidator = useRevalidator();
  const reloaded = useRef(false);

  useEffect(() => {
    setLive(true);
    const end = Date.now() + secondsRemaining * 1000;
    setLeft(secondsRemaining);
    const id = window.setInterval(() => {
      const next = Math.max(0, Math.round((end - Date.now()) / 1000));
      setLeft(next);
      if (next === 300) setAnnouncement('5 minutes left.');
      if (next === 60)
        setAnnouncement('1 minute left. Your saved answers will be graded at the deadline.');
      if (next === 0 && !reloaded.current) {
        reloaded.current = true;
        setAnnouncement('Time is up. Your saved answers are being graded.');
        window.setTimeout(() => revalidator.revalidate(), 1500);
      }
    }, 1000);
    return () => window.clearInterval(id);
  }, [secondsRemaining, revalidator]);

  const urgent = left <= 300;
  return (
    <div className={urgent ? 'countdown is-urgent' : 'countdown'}>
      <p className="countdown-line">
        {live ? (
          <>
            <span className="countdown-label">Time left</span>{' '}
            <span role="timer" className="countdown-value" aria-live="off">
              {formatClock(left)}
            </span>
          </>
        ) : (
          <span className="countdown-label">Time limit</span>
        )}
      </p>
      <p className="small countdown-deadline">
        Ends at <time dateTime={deadlineAt}>{formatTime(deadlineAt, timeZone)}</time>
      </p>
      <p className="visually-hidden" aria-live="assertive">
        {announcement}
      </p>
    </div>
  );
}

function AttemptForm() {
  const { attempt, quiz } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as SaveFailure | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const submitting = busy && navigation.formData?.get('intent') === 'submit';
  const timeUp = attempt.secondsRemaining === 0;

  const initiallyAnswered = useMemo(
    () =>
      new Set(
        attempt.questions
          .filter((q) =>
            q.response
              ? CHOICE_TYPES.has(q.type)
                ? q.response.optionIds.length > 0
                : (q.response.text ?? '').trim() !== ''
              : false,
          )
          .map((q) => q.id),
      ),
    [attempt.questions],
  );
  const [answered, setAnswered] = useState(initiallyAnswered);
  useEffect(() => setAnswered(initiallyAnswered), [initiallyAnswered]);
  const onAnsweredChange = useCallback((id: string, isAnswered: boolean) => {
    setAnswered((current) => {
      const next = new Set(current);
      if (isAnswered) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const unanswered = attempt.questions.length - answered.size;

  const byId = new Map(attempt.questions.map((question) => [question.id, question]));
  const groups =
    attempt.sections.length > 0
      ? attempt.sections.map((section) => ({
          area: section.area,
          questions: section.questionIds
            .map((id) => byId.get(id))
            .filter((q): q is NonNullable<typeof q> => Boolean(q)),
        }))
      : [{ area: null, questions: attempt.questions }];

  const formErrorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (actionData?.formError) formErrorRef.current?.focus();
  }, [actionData]);

  const renderQuestion = (question: (typeof attempt.questions)[number]) => (
    <QuizQuestion
      key={question.id}
      question={question}
      serverError={actionData?.errors[question.id] ?? null}
      submittedValue={actionData?.values[question.id] ?? null}
      onAnsweredChange={onAnsweredChange}
      disabled={timeUp}
    />
  );

  return (
    <Form method="post" className="attempt-form" noValidate>
      <div className="attempt-bar">
        <p className="attempt-count">
          <strong>{answered.size}</strong> of {attempt.questions.length} answered
        </p>
        {attempt.deadlineAt && attempt.secondsRemaining !== null ? (
          <Countdown secondsRemaining={attempt.secondsRemaining} deadlineAt={attempt.deadlineAt} />
        ) : (
          <p className="small muted attempt-untimed">Untimed: take the time you need.</p>
        )}
      </div>

      {actionData?.formError ? (
        <QuizErrorSummary
          ref={formErrorRef}
          message={actionData.formError}
          errors={actionData.errors}
          questions={attempt.questions}
        />
      ) : null}
      {timeUp ? (
        <p className="alert alert-warning">
          Time is up: answers can no longer be changed. Submit to see your score.
        </p>
      ) : null}

      {groups.map((group, index) =>
        group.area ? (
          <section
            key={group.area}
            className="exam-section"
            aria-labelledby={`section-${group.area}`}
          >
            <h2 id={`section-${group.area}`} className="exam-section-title">
              Section {index + 1}: {areaLabel(group.area)}{' '}
              <span className="muted small">
                ({group.questions.length} {group.questions.length === 1 ? 'question' : 'questions'})
              </span>
            </h2>
            {group.questions.map(renderQuestion)}
          </section>
        ) : (
          <Fragment key="all">{group.questions.map(renderQuestion)}</Fragment>
        ),
      )}

      <section className="card submit-area" aria-labelledby="submit-title">
        <h2 id="submit-title" className="panel-title">
          Finish this attempt
        </h2>
        <p>
          Submitting saves any answers you changed, then grades the attempt. Pass mark:{' '}
          {quiz.passPercent}%.
        </p>
        <details className="submit-confirm">
          <summary className="button button-large submit-summary">Submit attempt…</summary>
          <div className="submit-confirm-body">
            <p>
              {unanswered > 0 ? (
                <strong>
                  {unanswered} of {attempt.questions.length}{' '}
                  {attempt.questions.length === 1 ? 'question is' : 'questions are'} not answered.{' '}
                </strong>
              ) : (
                'Every question is answered. '
              )}
              Once submitted, you cannot change your answers.
            </p>
            <button
              type="submit"
              name="intent"
              value="submit"
              className="button-large"
              disabled={submitting}
            >
              {submitting ? 'Submitting…' : 'Yes, submit my answers'}
            </button>
          </div>
        </details>
      </section>
    </Form>
  );
}

export default function AttemptPage() {
  const { attempt, quiz, courseId, completion } = useLoaderData<typeof loader>();
  const quizPath = `/learn/${courseId}/quiz/${attempt.lessonId}`;
  const submitted = attempt.status === 'SUBMITTED';
  return (
    <article aria-labelledby="attempt-title" className="attempt-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to="/learn">My learning</Link>
          </li>
          <li>
            <Link to={`/learn/${courseId}`}>Course outline</Link>
          </li>
          <li>
            <Link to={quizPath}>{quiz.title}</Link>
          </li>
          <li aria-current="page">Attempt {attempt.number}</li>
        </ol>
      </nav>
      <header className="page-header">
        <p className="card-eyebrow">
          {quizModeLabel(attempt.mode)} · attempt {attempt.number}
          {submitted ? ' · results' : ''}
        </p>
        <h1 id="attempt-title">{quiz.title}</h1>
        {submitted ? null : (
          <p className="muted">
            Your answers are saved as you go. You can leave and come back
            {attempt.deadlineAt ? ' before the deadline' : ''}.
          </p>
        )}
      </header>

      {submitted && attempt.result ? (
        <>
          <CompletionCertificates completion={completion} />
          <AttemptResults attempt={attempt} result={attempt.result} quizTitle={quiz.title} />
          <p className="result-actions">
            <Link to={quizPath} className="button">
              {attempt.result.passed ? 'Back to the quiz' : 'Back to the quiz to retake it'}
            </Link>
            <Link to={`/learn/${courseId}`} className="button button-secondary">
              Course outline
            </Link>
          </p>
        </>
      ) : (
        <AttemptForm />
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
