import { type MetaFunction } from '@remix-run/node';
import { Link, type ShouldRevalidateFunction, useLoaderData } from '@remix-run/react';
import { Breadcrumb } from '../../components/breadcrumb';
import { CompletionCertificates } from '../../components/completion-certificates';
import { GeneralErrorBoundary } from '../../components/error-boundary';
import { AttemptResults } from '../../components/quiz-results';
import { pageTitle } from '../../utils/brand';
import { quizModeLabel } from '../../utils/learning';
import type { loader } from './attempt.server';
import { AttemptForm } from './attempt-form';

export { action, loader } from './attempt.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: pageTitle(
      data
        ? `${data.attempt.status === 'SUBMITTED' ? 'Results' : 'Attempt'} ${data.attempt.number} · ${data.quiz.title}`
        : 'Quiz attempt',
    ),
  },
];

/** Autosaves (fetchers) need no reload of the attempt; everything else revalidates. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => {
  if (formData?.get('intent') === 'save-one') return false;
  return defaultShouldRevalidate;
};

export default function AttemptPage() {
  const { attempt, quiz, courseId, completion } = useLoaderData<typeof loader>();
  const quizPath = `/learn/${courseId}/quiz/${attempt.lessonId}`;
  const submitted = attempt.status === 'SUBMITTED';
  return (
    <article aria-labelledby="attempt-title" className="attempt-page">
      <Breadcrumb
        trail={[
          { to: '/learn', label: 'My learning' },
          { to: `/learn/${courseId}`, label: 'Course outline' },
          { to: quizPath, label: quiz.title },
        ]}
        current={`Attempt ${attempt.number}`}
      />
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
