import type { QuizAttemptQuery } from '../graphql/generated/graphql';
import { areaLabel, formatDateTime, formatPercent, formatPoints } from '../utils/learning';
import { useTimeZone } from '../utils/time-zone';
import { DataTable } from './data-table';
import { AreaBars } from './quiz-charts';

type Attempt = QuizAttemptQuery['quizAttempt'];
type Result = NonNullable<Attempt['result']>;
type Review = NonNullable<Result['review']>[number];
type Question = Attempt['questions'][number];

function verdict(review: Review): { label: string; className: string } {
  if (!review.response) return { label: 'Not answered', className: 'verdict verdict-wrong' };
  if (review.correct) return { label: 'Correct', className: 'verdict verdict-right' };
  if (review.points > 0) return { label: 'Partly correct', className: 'verdict verdict-partial' };
  return { label: 'Incorrect', className: 'verdict verdict-wrong' };
}

function ChoiceReview({ question, review }: { question: Question; review: Review }) {
  const chosen = new Set(review.response?.optionIds ?? []);
  const correct = new Set(review.correctOptionIds);
  return (
    <ul className="review-options">
      {question.options.map((option) => {
        const isChosen = chosen.has(option.id);
        const isCorrect = correct.has(option.id);
        return (
          <li
            key={option.id}
            className={[
              'review-option',
              isCorrect ? 'is-correct' : '',
              isChosen && !isCorrect ? 'is-wrong' : '',
            ].join(' ')}
          >
            <span className="review-option-text">{option.text}</span>
            <span className="review-tags">
              {isChosen ? <span className="tag tag-chosen">Your answer</span> : null}
              {isCorrect ? (
                <span className="tag tag-correct">
                  <span aria-hidden="true">✓ </span>Correct answer
                </span>
              ) : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function TextReview({ question, review }: { question: Question; review: Review }) {
  const isCode = question.type === 'CODE_SET';
  const yours = isCode
    ? (review.response?.codes ?? []).join(', ') || review.response?.text || ''
    : (review.response?.text ?? '');
  const key = isCode ? review.answerCodes : review.acceptedAnswers;
  return (
    <dl className="review-text">
      <div>
        <dt>{isCode ? 'Your codes' : 'Your answer'}</dt>
        <dd>{yours.trim() ? yours : <span className="muted">(no answer)</span>}</dd>
      </div>
      <div>
        <dt>{isCode ? 'Answer key' : key.length > 1 ? 'Accepted answers' : 'Correct answer'}</dt>
        <dd>{key.join(isCode ? ', ' : ' · ')}</dd>
      </div>
    </dl>
  );
}

export function AttemptResults({
  attempt,
  result,
  quizTitle,
}: {
  attempt: Attempt;
  result: Result;
  quizTitle: string;
}) {
  const timeZone = useTimeZone();
  const late =
    attempt.deadlineAt && attempt.submittedAt && attempt.submittedAt >= attempt.deadlineAt;
  const byId = new Map(attempt.questions.map((question) => [question.id, question]));
  const mock = attempt.mode === 'MOCK_EXAM';

  return (
    <>
      <section
        aria-labelledby="score-title"
        className={result.passed ? 'card result-summary is-pass' : 'card result-summary is-fail'}
      >
        <h2 id="score-title" className="panel-title">
          Your result
        </h2>
        <p className="result-score">
          <span className="result-percent">{formatPercent(result.scorePercent)}</span>
          <span className={result.passed ? 'result result-pass' : 'result result-fail'}>
            <span aria-hidden="true">{result.passed ? '✓ ' : '✗ '}</span>
            {result.passed ? 'Passed' : 'Not passed'}
          </span>
        </p>
        <p>
          {formatPoints(result.scorePoints)} of {result.maxPoints} points · pass mark{' '}
          {result.passPercent}%
          {attempt.submittedAt ? (
            <>
              {' '}
              · submitted{' '}
              <time dateTime={attempt.submittedAt}>
                {formatDateTime(attempt.submittedAt, timeZone)}
              </time>
            </>
          ) : null}
        </p>
        {late && attempt.deadlineAt ? (
          <p className="alert alert-warning">
            The time limit ended at{' '}
            <time dateTime={attempt.deadlineAt}>
              {formatDateTime(attempt.deadlineAt, timeZone)}
            </time>
            . This attempt was graded on the answers saved by then.
          </p>
        ) : null}
      </section>

      {mock && result.areas.length > 0 ? (
        <section aria-labelledby="areas-title" className="section">
          <h2 id="areas-title">Score by exam area</h2>
          <div className="areas-layout">
            <DataTable
              caption={<>Score by exam area for {quizTitle}</>}
              columns={['Area', 'Points', 'Score']}
            >
              {result.areas.map((area) => (
                <tr key={area.area}>
                  <th scope="row">{areaLabel(area.area)}</th>
                  <td>
                    {formatPoints(area.points)} / {area.maxPoints}
                  </td>
                  <td>{formatPercent(area.percent)}</td>
                </tr>
              ))}
            </DataTable>
            <AreaBars
              passPercent={result.passPercent}
              areas={result.areas.map((area) => ({
                label: areaLabel(area.area),
                percent: area.percent,
              }))}
            />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="review-title" className="section">
        <h2 id="review-title">Review</h2>
        {result.review ? (
          <ol className="review-list">
            {result.review.map((review) => {
              const question = byId.get(review.questionId);
              if (!question) return null;
              const v = verdict(review);
              return (
                <li key={review.questionId} className="card review-item">
                  <h3 className="review-heading">
                    Question {review.number}{' '}
                    <span className={v.className}>
                      {v.label} · {formatPoints(review.points)} of {review.maxPoints}{' '}
                      {review.maxPoints === 1 ? 'point' : 'points'}
                    </span>
                  </h3>
                  {mock ? <p className="small muted">{areaLabel(question.area)}</p> : null}
                  <div
                    className="prose question-prompt"
                    // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the API
                    dangerouslySetInnerHTML={{ __html: question.promptHtml }}
                  />
                  {question.options.length > 0 ? (
                    <ChoiceReview question={question} review={review} />
                  ) : (
                    <TextReview question={question} review={review} />
                  )}
                  {review.rationaleHtml ? (
                    <div className="rationale">
                      <h4>Why</h4>
                      <div
                        className="prose"
                        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the API
                        dangerouslySetInnerHTML={{ __html: review.rationaleHtml }}
                      />
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="muted">
            {attempt.mode === 'POST_TEST' && !result.passed
              ? 'Answers and explanations of a post-test are shown once you pass it or have used your last attempt, so that a retake tests what you know.'
              : 'This quiz shows your score only: answers and explanations are not shown after submission.'}
          </p>
        )}
      </section>
    </>
  );
}
