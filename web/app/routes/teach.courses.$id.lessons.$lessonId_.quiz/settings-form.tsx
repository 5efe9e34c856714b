import { Form, useNavigation } from '@remix-run/react';
import { Field, FormError, useFormErrorFocus } from '../../components/form';
import { useFormFailure } from '../../components/teach-course';
import { QUIZ_MODE_HELP, QUIZ_MODE_OPTIONS } from '../../utils/teach-options';
import { Quiz } from './types';

export function SettingsForm({
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
