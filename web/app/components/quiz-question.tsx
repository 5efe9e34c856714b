import { useFetcher } from '@remix-run/react';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { QuizAttemptQuery } from '../graphql/generated/graphql';
import { codeExample, codeSystemLabel, formatDateTime } from '../utils/learning';
import { CHOICE_TYPES, fieldName } from '../utils/quiz-answers';
import { useTimeZone } from '../utils/time-zone';

type Question = QuizAttemptQuery['quizAttempt']['questions'][number];

export interface SaveOneResult {
  questionId: string;
  savedAt?: string;
  codes?: string[];
  error?: string;
}

type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

/**
 * One question of an attempt: a fieldset inside the page's big form. Without JavaScript the
 * "Save answer" button submits the whole form (every changed answer is saved). With it, the
 * answer is saved on change (choices) or after a pause in typing (text) through a fetcher,
 * and a status line says whether it is saved.
 */
export function QuizQuestion({
  question,
  serverError,
  submittedValue,
  onAnsweredChange,
  disabled,
}: {
  question: Question;
  /** The error from a whole-form save (no-JS path) for this question. */
  serverError: string | null;
  /** What the learner sent when that save failed: shown again so nothing typed is lost. */
  submittedValue: { text?: string; optionIds?: string[] } | null;
  onAnsweredChange: (questionId: string, answered: boolean) => void;
  disabled: boolean;
}) {
  const timeZone = useTimeZone();
  const fetcher = useFetcher<SaveOneResult>({ key: `save-${question.id}` });
  const [state, setState] = useState<SaveState>('idle');
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  const lastSent = useRef<string | null>(null);
  const timer = useRef<number | null>(null);
  const isChoice = CHOICE_TYPES.has(question.type);
  const multiple = question.type === 'MULTIPLE_CHOICE';
  const promptId = `prompt-${question.id}`;
  const errorId = `error-${question.id}`;
  const hintId = `hint-${question.id}`;
  const inputId = `input-${question.id}`;

  const fetcherError =
    fetcher.state === 'idle' && fetcher.data?.questionId === question.id
      ? (fetcher.data.error ?? null)
      : null;
  const error = fetcherError ?? (state === 'idle' ? serverError : null);
  const codes =
    fetcher.data?.questionId === question.id && fetcher.data.codes
      ? fetcher.data.codes
      : (question.response?.codes ?? []);

  useEffect(() => {
    if (fetcher.state !== 'idle' || !fetcher.data || fetcher.data.questionId !== question.id) {
      return;
    }
    setState(fetcher.data.error ? 'error' : 'saved');
  }, [fetcher.state, fetcher.data, question.id]);

  useEffect(
    () => () => {
      if (timer.current) window.clearTimeout(timer.current);
    },
    [],
  );

  const read = () => {
    const root = fieldsetRef.current;
    if (!root) return null;
    if (isChoice) {
      const ids = [...root.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
      return { optionIds: ids };
    }
    return { text: root.querySelector<HTMLInputElement>('input[type="text"]')?.value ?? '' };
  };

  const save = () => {
    if (timer.current) window.clearTimeout(timer.current);
    timer.current = null;
    const answer = read();
    if (!answer) return;
    const signature = JSON.stringify(answer);
    if (signature === lastSent.current) return;
    lastSent.current = signature;
    const body = new FormData();
    body.set('intent', 'save-one');
    body.set('questionId', question.id);
    if (answer.optionIds) for (const id of answer.optionIds) body.append('optionIds', id);
    if (answer.text !== undefined) body.set('text', answer.text);
    onAnsweredChange(
      question.id,
      answer.optionIds ? answer.optionIds.length > 0 : (answer.text ?? '').trim() !== '',
    );
    setState('saving');
    fetcher.submit(body, { method: 'post' });
  };

  const onTyping = () => {
    setState('dirty');
    if (timer.current) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(save, 900);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter saves this answer (instead of submitting the whole page with another button).
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    }
  };

  const saved = question.response !== null;
  const status =
    state === 'saving' || fetcher.state !== 'idle'
      ? 'Saving…'
      : state === 'dirty'
        ? 'Unsaved changes'
        : state === 'error'
          ? 'Not saved'
          : state === 'saved'
            ? 'Saved'
            : saved
              ? 'Saved'
              : 'Not answered yet';
  const statusClass =
    status === 'Saved'
      ? 'save-status is-saved'
      : status === 'Not saved'
        ? 'save-status is-error'
        : 'save-status';
  const savedAt =
    fetcher.data?.questionId === question.id ? fetcher.data.savedAt : question.savedAt;

  const checkedIds = new Set(submittedValue?.optionIds ?? question.response?.optionIds ?? []);
  const textValue = submittedValue?.text ?? question.response?.text ?? '';
  const describedBy = [promptId, error ? errorId : null].filter(Boolean).join(' ');

  return (
    <fieldset
      ref={fieldsetRef}
      className={error ? 'question question-invalid' : 'question'}
      id={`question-${question.id}`}
      aria-describedby={describedBy}
      disabled={disabled}
    >
      <legend>
        <span className="question-number">Question {question.number}</span>{' '}
        <span className="question-points">
          ({question.points} {question.points === 1 ? 'point' : 'points'})
        </span>
      </legend>
      <input type="hidden" name={fieldName(question.id, 'present')} value="1" />
      <div
        id={promptId}
        className="prose question-prompt"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the API
        dangerouslySetInnerHTML={{ __html: question.promptHtml }}
      />

      {isChoice ? (
        <>
          {multiple ? <p className="field-hint">Select all that apply.</p> : null}
          <ul className="options">
            {question.options.map((option) => (
              <li key={option.id}>
                <label className="option">
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={fieldName(question.id, 'optionIds')}
                    value={option.id}
                    defaultChecked={checkedIds.has(option.id)}
                    onChange={save}
                  />
                  <span>{option.text}</span>
                </label>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <div className="field">
          <label htmlFor={inputId}>
            {question.type === 'CODE_SET'
              ? `Your ${codeSystemLabel(question.codeSystem)} codes`
              : 'Your answer'}
          </label>
          {question.type === 'CODE_SET' ? (
            <p id={hintId} className="field-hint">
              Separate codes with commas, e.g. {codeExample(question.codeSystem)}
            </p>
          ) : null}
          <input
            id={inputId}
            type="text"
            name={fieldName(question.id, 'text')}
            defaultValue={textValue}
            autoComplete="off"
            spellCheck={question.type !== 'CODE_SET'}
            autoCapitalize={question.type === 'CODE_SET' ? 'characters' : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={
              [question.type === 'CODE_SET' ? hintId : null, error ? errorId : null]
                .filter(Boolean)
                .join(' ') || undefined
            }
            onInput={onTyping}
            onBlur={save}
            onKeyDown={onKeyDown}
          />
          {question.type === 'CODE_SET' && codes.length > 0 && !error ? (
            <p className="small muted">Saved as: {codes.join(', ')}</p>
          ) : null}
        </div>
      )}

      {error ? (
        <p id={errorId} className="field-error question-error" role="alert">
          {error}
        </p>
      ) : null}

      <div className="question-footer">
        <p className={statusClass} aria-live="polite">
          {status === 'Saved' ? <span aria-hidden="true">✓ </span> : null}
          {status}
          {status === 'Saved' && savedAt ? (
            <span className="muted small"> · {formatDateTime(savedAt, timeZone)}</span>
          ) : null}
        </p>
        <button
          type="submit"
          name="intent"
          value={`save:${question.id}`}
          className="button-secondary button-small"
        >
          Save answer<span className="visually-hidden"> to question {question.number}</span>
        </button>
      </div>
    </fieldset>
  );
}
