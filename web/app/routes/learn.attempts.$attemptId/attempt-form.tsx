import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { QuizQuestion } from '../../components/quiz-question';
import { areaLabel } from '../../utils/learning';
import { CHOICE_TYPES } from '../../utils/quiz-answers';
import type { action, loader, SaveFailure } from './attempt.server';
import { Countdown } from './countdown';
import { QuizErrorSummary } from './error-summary';

export function AttemptForm() {
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
