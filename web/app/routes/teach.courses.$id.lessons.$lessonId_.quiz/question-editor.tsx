import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { useState } from 'react';
import { SelectField, TextAreaField, useHydrated } from '../../components/fields';
import { Field, FormError, useFormErrorFocus } from '../../components/form';
import { useFormFailure } from '../../components/teach-course';
import {
  MAX_OPTIONS,
  optionRowCount,
  questionValues,
  submittedQuestionValues,
} from '../../utils/quiz-form';
import {
  CODE_SYSTEM_OPTIONS,
  EXAM_AREA_OPTIONS,
  QUESTION_TYPE_OPTIONS,
  type QuestionTypeValue,
} from '../../utils/teach-options';
import type { loader } from './quiz-builder.server';
import { Question, Quiz } from './types';

export function FieldMessages({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <ul id={id} className="field-errors">
      {messages.map((message) => (
        <li key={message} className="field-error">
          {message}
        </li>
      ))}
    </ul>
  );
}

export const KNOWN_FIELDS = new Set([
  'type',
  'prompt',
  'rationale',
  'area',
  'codeSetYear',
  'points',
  'options',
  'trueFalseAnswer',
  'acceptedAnswers',
  'codeSystem',
  'codeSetReleaseId',
  'answerCodes',
]);

/** Which type-specific part of the form each question type uses. */
export const SECTION_TYPES = {
  choice: ['SINGLE_CHOICE', 'MULTIPLE_CHOICE'],
  trueFalse: ['TRUE_FALSE'],
  shortText: ['SHORT_TEXT'],
  codeSet: ['CODE_SET'],
} as const satisfies Record<string, readonly QuestionTypeValue[]>;

export function QuestionEditor({
  quiz,
  question,
  revision,
  cancelHref,
  disabled,
}: {
  quiz: Quiz;
  question: Question | null;
  revision: number;
  cancelHref: string;
  disabled: boolean;
}) {
  const intent = question ? 'update-question' : 'add-question';
  const { failure, errors } = useFormFailure(intent, question?.id ?? null);
  const formRef = useFormErrorFocus(failure);
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const saving = navigation.state !== 'idle' && navigation.formData?.get('intent') === intent;
  const values = failure
    ? submittedQuestionValues(failure)
    : question
      ? questionValues(question)
      : {};
  const [type, setType] = useState<string>(values.type || 'SINGLE_CHOICE');
  const [rows, setRows] = useState(() => optionRowCount(values));
  const prefix = question ? `edit-${question.id}` : 'new-question';
  const id = (name: string) => `${prefix}-${name}`;
  const sectionHidden = (types: readonly string[]) => hydrated && !types.includes(type);
  const headingId = `${prefix}-title`;
  const extra = Object.entries(errors)
    .filter(([field]) => !KNOWN_FIELDS.has(field) && !field.startsWith('option.'))
    .flatMap(([, messages]) => messages);
  const optionErrors = Object.entries(errors)
    .filter(([field]) => field.startsWith('option.'))
    .flatMap(([, messages]) => messages);
  const system = values.codeSystem || 'ICD10CM';
  const { codeSetReleases } = useLoaderData<typeof loader>();
  const releaseOptions =
    codeSetReleases.length > 0
      ? [
          { value: '', label: '— Choose the release —' },
          ...codeSetReleases.map((release) => ({ value: release.id, label: release.name })),
        ]
      : [];
  const defaultRelease = codeSetReleases.find((release) => release.system === system)?.id ?? '';

  return (
    <section
      aria-labelledby={headingId}
      className="card question-editor"
      id={question ? 'question-editor' : 'add-question'}
    >
      <h3 id={headingId}>{question ? `Edit question ${question.position}` : 'Add a question'}</h3>
      <FormError message={failure?.formError} id={`${prefix}-error`} />
      {extra.length ? <FormError message={extra.join(' ')} id={`${prefix}-extra`} /> : null}
      <Form
        ref={formRef}
        key={`${revision}-${question?.id ?? 'new'}`}
        method="post"
        noValidate
        className="form question-form"
        aria-labelledby={headingId}
        preventScrollReset
      >
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="revision" value={revision} />
        <input type="hidden" name="quizId" value={quiz.id} />
        {question ? (
          <>
            <input type="hidden" name="questionId" value={question.id} />
            <input type="hidden" name="label" value={question.position} />
          </>
        ) : null}
        <fieldset disabled={disabled} className="plain-fieldset form">
          <SelectField
            name="type"
            id={id('type')}
            label="Question type"
            options={QUESTION_TYPE_OPTIONS}
            defaultValue={type}
            onChange={(event) => setType(event.currentTarget.value)}
            errors={errors.type}
            hint="The answer fields below follow the type."
          />
          <TextAreaField
            name="prompt"
            id={id('prompt')}
            label="Question (Markdown)"
            className="markdown-input"
            rows={5}
            spellCheck
            required
            defaultValue={values.prompt ?? ''}
            errors={errors.prompt}
            hint="The case or question as learners see it. **bold**, *italic*, - lists, tables."
          />

          <fieldset
            className="subfieldset qf-section"
            data-for="SINGLE_CHOICE MULTIPLE_CHOICE"
            hidden={sectionHidden(SECTION_TYPES.choice)}
            aria-describedby={
              errors.options || optionErrors.length ? id('options-error') : undefined
            }
          >
            <legend>Options (single or multiple choice)</legend>
            <p className="field-hint">
              {type === 'SINGLE_CHOICE'
                ? 'Choose the one correct option. '
                : type === 'MULTIPLE_CHOICE'
                  ? 'Tick every correct option. '
                  : 'Single choice: exactly one correct; multiple choice: at least one. '}
              2–{MAX_OPTIONS} options; empty rows are ignored.
            </p>
            <FieldMessages
              id={id('options-error')}
              messages={errors.options ?? (optionErrors.length ? optionErrors : undefined)}
            />
            <ol className="option-rows">
              {Array.from({ length: rows }, (_, row) => {
                const rowErrors = errors[`option.${row}`];
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional form slots
                  <li key={row} className={`option-row${rowErrors ? ' field-invalid' : ''}`}>
                    <label htmlFor={id(`option-${row}`)} className="visually-hidden">
                      Option {row + 1}
                    </label>
                    <input
                      id={id(`option-${row}`)}
                      name="optionText"
                      placeholder={`Option ${row + 1}`}
                      maxLength={1000}
                      defaultValue={values[`optionText.${row}`] ?? ''}
                      aria-invalid={rowErrors ? true : undefined}
                      aria-describedby={rowErrors ? id(`option-${row}-error`) : undefined}
                    />
                    <label className="option-correct">
                      <input
                        type={type === 'SINGLE_CHOICE' ? 'radio' : 'checkbox'}
                        name="optionCorrect"
                        value={row}
                        defaultChecked={values[`optionCorrect.${row}`] === 'on'}
                      />
                      Correct<span className="visually-hidden"> (option {row + 1})</span>
                    </label>
                    <FieldMessages id={id(`option-${row}-error`)} messages={rowErrors} />
                  </li>
                );
              })}
            </ol>
            {hydrated && rows < MAX_OPTIONS ? (
              <button
                type="button"
                className="button-secondary button-small"
                onClick={() => setRows((count) => Math.min(MAX_OPTIONS, count + 1))}
              >
                Add another option
              </button>
            ) : null}
          </fieldset>

          <fieldset
            className={`subfieldset qf-section${errors.trueFalseAnswer ? ' field-invalid' : ''}`}
            data-for="TRUE_FALSE"
            hidden={sectionHidden(SECTION_TYPES.trueFalse)}
            aria-describedby={errors.trueFalseAnswer ? id('trueFalseAnswer-error') : undefined}
          >
            <legend>True / false: the correct answer</legend>
            <div className="checkbox-row">
              {[
                { value: 'true', label: 'The statement is true' },
                { value: 'false', label: 'The statement is false' },
              ].map((choice) => (
                <label key={choice.value} className="checkbox-label">
                  <input
                    type="radio"
                    name="trueFalseAnswer"
                    value={choice.value}
                    defaultChecked={values.trueFalseAnswer === choice.value}
                  />
                  {choice.label}
                </label>
              ))}
            </div>
            <FieldMessages id={id('trueFalseAnswer-error')} messages={errors.trueFalseAnswer} />
          </fieldset>

          <div
            className="qf-section"
            data-for="SHORT_TEXT"
            hidden={sectionHidden(SECTION_TYPES.shortText)}
          >
            <TextAreaField
              name="acceptedAnswers"
              id={id('acceptedAnswers')}
              label="Accepted answers (short text; one per line)"
              rows={4}
              defaultValue={values.acceptedAnswers ?? ''}
              errors={errors.acceptedAnswers}
              hint="Case and spacing are ignored when marking. List every acceptable wording."
            />
          </div>

          <fieldset
            className="subfieldset qf-section code-set-fields"
            data-for="CODE_SET"
            hidden={sectionHidden(SECTION_TYPES.codeSet)}
          >
            <legend>Code set answer</legend>
            <SelectField
              name="codeSystem"
              id={id('codeSystem')}
              label="Code system"
              options={CODE_SYSTEM_OPTIONS}
              defaultValue={system}
              errors={errors.codeSystem}
            />
            {releaseOptions.length > 0 ? (
              <SelectField
                name="codeSetReleaseId"
                id={id('codeSetReleaseId')}
                label="Code-set release"
                options={releaseOptions}
                defaultValue={values.codeSetReleaseId || defaultRelease}
                errors={errors.codeSetReleaseId}
                hint="The release the answer codes are checked against (unknown and header codes are refused). It must match the code system."
              />
            ) : (
              <p className="field-hint">
                No code-set release is loaded: answer codes are checked by format only.
              </p>
            )}
            <TextAreaField
              name="answerCodes"
              id={id('answerCodes')}
              label="Answer codes"
              rows={3}
              className="code-input"
              spellCheck={false}
              autoCapitalize="characters"
              defaultValue={values.answerCodes ?? ''}
              errors={errors.answerCodes}
              hint={
                <>
                  Separate codes with commas or new lines; order does not matter, and learners get
                  partial credit. Examples: <code>E11.9</code> (ICD-10-CM), <code>0DTJ4ZZ</code>{' '}
                  (ICD-10-PCS), <code>E0114</code> or, with HCPCS modifiers, <code>E0114-NU</code>{' '}
                  (HCPCS Level II; a modifier is part of the answer).{' '}
                  <strong>CPT codes are not allowed</strong>: CPT is the AMA’s copyrighted code set
                  (licensing), and so are the HCPCS dental D-codes (ADA).
                </>
              }
            />
          </fieldset>

          <TextAreaField
            name="rationale"
            id={id('rationale')}
            label="Rationale (Markdown, optional)"
            className="markdown-input"
            rows={4}
            spellCheck
            defaultValue={values.rationale ?? ''}
            errors={errors.rationale}
            hint="Shown after submission when the quiz allows review: why the answer is right, with the guideline."
          />
          <div className="field-row field-row-3">
            <SelectField
              name="area"
              id={id('area')}
              label="Exam area"
              options={EXAM_AREA_OPTIONS}
              defaultValue={values.area || 'GENERAL'}
              errors={errors.area}
              hint="Mock exams report the score per area."
            />
            <Field
              name="codeSetYear"
              id={id('codeSetYear')}
              label="Code-set year"
              inputMode="numeric"
              placeholder="2027"
              hint="The code-set edition it was written for; flags stale items after updates."
              defaultValue={values.codeSetYear ?? ''}
              errors={errors.codeSetYear}
            />
            <Field
              name="points"
              id={id('points')}
              label="Points"
              inputMode="numeric"
              hint="1–10 for a fully correct answer."
              defaultValue={values.points || '1'}
              errors={errors.points}
            />
          </div>
          <div className="form-actions">
            <button type="submit" disabled={saving}>
              {saving ? 'Saving…' : question ? 'Save question' : 'Add question'}
            </button>
            {question ? (
              <Link to={cancelHref} className="button button-secondary" preventScrollReset>
                Cancel
              </Link>
            ) : null}
          </div>
        </fieldset>
      </Form>
    </section>
  );
}
