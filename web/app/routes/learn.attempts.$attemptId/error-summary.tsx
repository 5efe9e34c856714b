import { forwardRef } from 'react';

/**
 * The attempt page's error summary: the message, then each failing answer as a link to its
 * question (`#question-<id>`), so a learner without JavaScript reaches the field to fix.
 */
export const QuizErrorSummary = forwardRef<
  HTMLDivElement,
  {
    message: string;
    /** Question id → what is wrong with its answer. */
    errors: Record<string, string>;
    questions: ReadonlyArray<{ id: string; number: number }>;
  }
>(function QuizErrorSummary({ message, errors, questions }, ref) {
  const failing = questions.filter((question) => errors[question.id]);
  return (
    <div ref={ref} tabIndex={-1} className="alert alert-error" role="alert">
      <p>{message}</p>
      {failing.length > 0 ? (
        <ul className="error-summary-list">
          {failing.map((question) => (
            <li key={question.id}>
              <a href={`#question-${question.id}`}>
                Question {question.number}: {errors[question.id]}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});
