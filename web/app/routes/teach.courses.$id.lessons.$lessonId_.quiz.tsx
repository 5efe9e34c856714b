import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useState } from 'react';
import { ActionButton } from '../components/action-button';
import { GeneralErrorBoundary } from '../components/error-boundary';
import {
  ConfirmDisclosure,
  ConflictBanner,
  SelectField,
  TextAreaField,
  useHydrated,
} from '../components/fields';
import { Field, FormError, useFormErrorFocus } from '../components/form';
import {
  useActionFailure,
  useFormFailure,
  useRevision,
  useTeachCourse,
} from '../components/teach-course';
import {
  AddQuestionDocument,
  CodeSetReleaseOptionsDocument,
  ConfigureQuizDocument,
  DeleteQuestionDocument,
  DeleteQuizDocument,
  MoveQuestionDocument,
  TeachQuizLessonDocument,
  UpdateQuestionDocument,
} from '../graphql/generated/graphql';
import { gql, gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { parseWholeNumber } from '../utils/form-values';
import { areaLabel, codeSystemLabel } from '../utils/learning';
import {
  MAX_OPTIONS,
  optionRowCount,
  promptExcerpt,
  questionValues,
  readQuestion,
  readQuizSettings,
  type TeachQuiz,
  type TeachQuizQuestion,
} from '../utils/quiz-form';
import {
  failure,
  formReader,
  localFailure,
  redirectWithFlash,
  requireAuthor,
} from '../utils/teach.server';
import {
  CODE_SYSTEM_OPTIONS,
  EXAM_AREA_OPTIONS,
  QUESTION_TYPE_OPTIONS,
  QUIZ_MODE_HELP,
  QUIZ_MODE_OPTIONS,
  type QuestionTypeValue,
  questionTypeLabel,
} from '../utils/teach-options';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Quiz builder · ${data.lesson.title}` : 'Quiz builder') },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuthor(request);
  const courseId = params.id ?? '';
  const [{ editableCourse, publishPreview }, { codeSetReleases }] = await Promise.all([
    gqlData(request, TeachQuizLessonDocument, { id: courseId }),
    gqlData(request, CodeSetReleaseOptionsDocument),
  ]);
  const lessons = editableCourse.modules.flatMap((module, index) =>
    module.lessons.map((lesson) => ({ ...lesson, module: { ...module, number: index + 1 } })),
  );
  const found = lessons.find((lesson) => lesson.id === params.lessonId);
  if (!found) throw new Response('Not found', { status: 404 });
  const { module, ...lesson } = found;
  // The API's publishing problems about this lesson (e.g. more draws than the pool).
  const problems = publishPreview.publishingProblems.filter(
    (problem) => problem.lessonId === lesson.id,
  );
  const otherPostTest = lessons.find(
    (other) => other.id !== lesson.id && other.quiz?.mode === 'POST_TEST',
  );
  return {
    lesson,
    module: { id: module.id, title: module.title, number: module.number },
    problems,
    otherPostTest: otherPostTest ? otherPostTest.title : null,
    codeSetReleases,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuthor(request);
  const courseId = params.id ?? '';
  const lessonId = params.lessonId ?? '';
  const here = `/teach/courses/${courseId}/lessons/${lessonId}/quiz`;
  const form = formReader(await request.formData());
  const intent = form.text('intent');
  const revision = form.revision();
  const questionId = form.text('questionId');
  const label = form.text('label');

  switch (intent) {
    case 'save-settings': {
      const parsed = readQuizSettings(form);
      if (!parsed.ok) {
        return localFailure({
          intent,
          values: parsed.values,
          fieldErrors: parsed.fieldErrors,
          revision,
        });
      }
      const result = await gql(request, ConfigureQuizDocument, {
        courseId,
        revision,
        lessonId,
        input: parsed.input,
      });
      if (result.errors) {
        return failure(request, result.errors, { intent, values: parsed.values, revision });
      }
      return redirectWithFlash(here, 'Quiz settings saved.');
    }
    case 'delete-quiz': {
      const result = await gql(request, DeleteQuizDocument, {
        courseId,
        revision,
        quizId: form.text('quizId'),
      });
      if (result.errors) return failure(request, result.errors, { intent, revision });
      return redirectWithFlash(here, 'Quiz deleted from the draft.');
    }
    case 'add-question':
    case 'update-question': {
      const target = intent === 'update-question' ? questionId : null;
      const parsed = readQuestion(form);
      if (!parsed.ok) {
        return localFailure({
          intent,
          target,
          values: parsed.values,
          fieldErrors: parsed.fieldErrors,
          revision,
        });
      }
      const input = parsed.input;
      const result =
        intent === 'add-question'
          ? await gql(request, AddQuestionDocument, {
              courseId,
              revision,
              quizId: form.text('quizId'),
              input,
            })
          : await gql(request, UpdateQuestionDocument, {
              courseId,
              revision,
              questionId,
              input,
            });
      if (result.errors) {
        return failure(request, result.errors, {
          intent,
          target,
          values: parsed.values,
          revision,
          rename: parsed.rename,
        });
      }
      return redirectWithFlash(
        here,
        intent === 'add-question' ? 'Question added.' : `Question ${label} saved.`,
      );
    }
    case 'move-question': {
      const position = parseWholeNumber(form.text('position')) ?? 1;
      const result = await gql(request, MoveQuestionDocument, {
        courseId,
        revision,
        questionId,
        position,
      });
      if (result.errors) return failure(request, result.errors, { intent, revision });
      return redirectWithFlash(here, `Question ${label} moved to position ${position}.`);
    }
    case 'delete-question': {
      const result = await gql(request, DeleteQuestionDocument, { courseId, revision, questionId });
      if (result.errors) return failure(request, result.errors, { intent, revision });
      return redirectWithFlash(here, `Question ${label} deleted.`);
    }
    default:
      throw new Response('Unknown action', { status: 400 });
  }
}

type Quiz = TeachQuiz;
type Question = TeachQuizQuestion;

function SettingsForm({
  quiz,
  revision,
  otherPostTest,
  disabled,
}: {
  quiz: Quiz | null;
  revision: number;
  otherPostTest: string | null;
  disabled: boolean;
}) {
  const { failure, values, errors } = useFormFailure('save-settings');
  const formRef = useFormErrorFocus(failure);
  const navigation = useNavigation();
  const saving =
    navigation.state !== 'idle' && navigation.formData?.get('intent') === 'save-settings';
  const initialMode = values?.mode ?? quiz?.mode ?? (otherPostTest ? 'PRACTICE' : 'POST_TEST');
  const number = (value: number | null | undefined) => (value == null ? '' : String(value));
  const flag = (key: 'shuffleQuestions' | 'shuffleOptions' | 'allowReview') =>
    values ? Boolean(values[key]) : (quiz?.[key] ?? true);
  const poolSize = quiz?.questions.length ?? 0;
  return (
    <section aria-labelledby="quiz-settings-title" className="card">
      <h3 id="quiz-settings-title">{quiz ? 'Quiz settings' : 'Create the quiz'}</h3>
      {quiz ? null : (
        <p className="muted">
          Choose how this quiz works, then add its questions. You can change the settings later.
        </p>
      )}
      <FormError message={failure?.formError} id="quiz-settings-error" />
      {errors.lessonId ? <FormError message={errors.lessonId.join(' ')} /> : null}
      <Form
        ref={formRef}
        key={revision}
        method="post"
        noValidate
        className="form quiz-settings-form"
        aria-labelledby="quiz-settings-title"
        preventScrollReset
      >
        <input type="hidden" name="intent" value="save-settings" />
        <input type="hidden" name="revision" value={revision} />
        <fieldset disabled={disabled} className="plain-fieldset form">
          <fieldset
            className={`subfieldset mode-choices${errors.mode ? ' field-invalid' : ''}`}
            aria-describedby={errors.mode ? 'field-mode-error' : undefined}
          >
            <legend>Mode</legend>
            {QUIZ_MODE_OPTIONS.map((option) => (
              <div key={option.value} className="mode-choice">
                <input
                  type="radio"
                  id={`field-mode-${option.value}`}
                  name="mode"
                  value={option.value}
                  defaultChecked={initialMode === option.value}
                  aria-invalid={errors.mode ? true : undefined}
                  aria-describedby={`field-mode-${option.value}-help`}
                />
                <div>
                  <label htmlFor={`field-mode-${option.value}`}>{option.label}</label>
                  <p id={`field-mode-${option.value}-help`} className="mode-help">
                    {QUIZ_MODE_HELP[option.value]}
                    {option.value === 'POST_TEST' && otherPostTest
                      ? ` “${otherPostTest}” is already this course’s post-test.`
                      : ''}
                  </p>
                </div>
              </div>
            ))}
            {errors.mode ? (
              <ul id="field-mode-error" className="field-errors">
                {errors.mode.map((message) => (
                  <li key={message} className="field-error">
                    {message}
                  </li>
                ))}
              </ul>
            ) : null}
          </fieldset>
          <div className="field-row quiz-number-fields">
            <Field
              name="passPercent"
              label="Pass mark (%)"
              inputMode="numeric"
              required
              hint="1–100. AAPC post-tests commonly use 70."
              defaultValue={values?.passPercent ?? number(quiz?.passPercent ?? 70)}
              errors={errors.passPercent}
            />
            <Field
              name="timeLimitMinutes"
              label="Time limit (minutes)"
              inputMode="numeric"
              hint="Leave empty for untimed. Timed on the server."
              defaultValue={values?.timeLimitMinutes ?? number(quiz?.timeLimitMinutes)}
              errors={errors.timeLimitMinutes}
            />
            <Field
              name="maxAttempts"
              label="Attempts allowed"
              inputMode="numeric"
              hint="Leave empty for unlimited."
              defaultValue={values?.maxAttempts ?? number(quiz?.maxAttempts)}
              errors={errors.maxAttempts}
            />
            <Field
              name="questionsPerAttempt"
              label="Questions per attempt"
              inputMode="numeric"
              hint={`Leave empty to ask the whole pool (${poolSize} ${poolSize === 1 ? 'question' : 'questions'}).`}
              defaultValue={values?.questionsPerAttempt ?? number(quiz?.questionsPerAttempt)}
              errors={errors.questionsPerAttempt}
            />
          </div>
          <fieldset className="subfieldset">
            <legend>Delivery</legend>
            <div className="checkbox-row">
              <label className="checkbox-label">
                <input
                  type="checkbox"
                  name="shuffleQuestions"
                  defaultChecked={flag('shuffleQuestions')}
                />
                Shuffle the questions in each attempt
              </label>
              <label className="checkbox-label">
                <input
                  type="checkbox"
                  name="shuffleOptions"
                  defaultChecked={flag('shuffleOptions')}
                />
                Shuffle the options of choice questions
              </label>
              <label className="checkbox-label">
                <input type="checkbox" name="allowReview" defaultChecked={flag('allowReview')} />
                Let learners review answers and rationales after submitting (a post-test’s only once
                the learner passes or has used the last attempt)
              </label>
            </div>
          </fieldset>
          <div className="form-actions">
            <button type="submit" disabled={saving}>
              {saving ? 'Saving…' : quiz ? 'Save settings' : 'Create quiz'}
            </button>
          </div>
        </fieldset>
      </Form>
    </section>
  );
}

function questionKey(question: Question): string {
  switch (question.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
    case 'TRUE_FALSE': {
      const correct = question.options.filter((option) => option.correct);
      return correct.length ? correct.map((option) => option.text).join(' · ') : '—';
    }
    case 'SHORT_TEXT':
      return question.acceptedAnswers.join(' · ') || '—';
    case 'CODE_SET':
      return `${codeSystemLabel(question.codeSystem)}: ${question.answerCodes.join(', ')}`;
    default:
      return '—';
  }
}

function QuestionRow({
  question,
  count,
  revision,
  editHref,
  editing,
  disabled,
}: {
  question: Question;
  count: number;
  revision: number;
  editHref: string;
  editing: boolean;
  disabled: boolean;
}) {
  const n = question.position;
  const label = `${n}`;
  return (
    <li className={`question-row${editing ? ' is-editing' : ''}`} aria-labelledby={`q-${n}`}>
      <div className="question-row-main">
        <h4 id={`q-${n}`} className="question-row-title">
          <span className="question-number">Q{n}</span>{' '}
          <span className="question-excerpt">{promptExcerpt(question.prompt)}</span>
        </h4>
        <ul className="question-tags" aria-label={`About question ${n}`}>
          <li className="tag">{questionTypeLabel(question.type)}</li>
          <li className="tag">{areaLabel(question.area)}</li>
          <li className="tag">
            {question.points} {question.points === 1 ? 'point' : 'points'}
          </li>
          {question.type === 'CODE_SET' ? (
            <li className={question.codeSetReleaseId ? 'tag' : 'tag tag-warning'}>
              {question.codeSetReleaseName ??
                'No code-set release: edit the item and choose the release it is written for'}
            </li>
          ) : null}
          <li className={question.codeSetStale ? 'tag tag-warning' : 'tag'}>
            {question.codeSetYear ? `Code set ${question.codeSetYear}` : 'No code-set year'}
            {question.codeSetStale ? ' · written for an older code set: review it' : ''}
          </li>
        </ul>
        <p className="question-key small">
          <span className="muted">Key:</span> {questionKey(question)}
        </p>
      </div>
      <div className="row-actions">
        <ActionButton
          fields={{
            intent: 'move-question',
            questionId: question.id,
            position: n - 1,
            revision,
            label,
          }}
          label={`Move question ${n} up`}
          disabled={disabled || n === 1}
        >
          ↑
        </ActionButton>
        <ActionButton
          fields={{
            intent: 'move-question',
            questionId: question.id,
            position: n + 1,
            revision,
            label,
          }}
          label={`Move question ${n} down`}
          disabled={disabled || n === count}
        >
          ↓
        </ActionButton>
        <Link
          to={editHref}
          className="button button-secondary button-small"
          aria-label={`Edit question ${n}`}
          preventScrollReset
        >
          Edit
        </Link>
        {disabled ? null : (
          <ConfirmDisclosure summary="Delete…" className="confirm-compact">
            <p>Delete question {n} from the draft? Published versions keep it.</p>
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="delete-question" />
              <input type="hidden" name="questionId" value={question.id} />
              <input type="hidden" name="revision" value={revision} />
              <input type="hidden" name="label" value={label} />
              <button type="submit" className="button-danger">
                Delete question {n}
              </button>
            </Form>
          </ConfirmDisclosure>
        )}
      </div>
    </li>
  );
}

function FieldMessages({ id, messages }: { id: string; messages: string[] | undefined }) {
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

const KNOWN_FIELDS = new Set([
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
const SECTION_TYPES = {
  choice: ['SINGLE_CHOICE', 'MULTIPLE_CHOICE'],
  trueFalse: ['TRUE_FALSE'],
  shortText: ['SHORT_TEXT'],
  codeSet: ['CODE_SET'],
} as const satisfies Record<string, readonly QuestionTypeValue[]>;

function QuestionEditor({
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
  const { failure, values: failed, errors } = useFormFailure(intent, question?.id ?? null);
  const formRef = useFormErrorFocus(failure);
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const saving = navigation.state !== 'idle' && navigation.formData?.get('intent') === intent;
  const values = failed ?? (question ? questionValues(question) : {});
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
              <ConfirmDisclosure summary="Delete quiz…">
                <p>Delete the quiz of “{lesson.title}” and its questions from the draft?</p>
                <Form method="post">
                  <input type="hidden" name="intent" value="delete-quiz" />
                  <input type="hidden" name="quizId" value={quiz.id} />
                  <input type="hidden" name="revision" value={revision} />
                  <button type="submit" className="button-danger">
                    Delete the quiz
                  </button>
                </Form>
              </ConfirmDisclosure>
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
