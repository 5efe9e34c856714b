/**
 * The quiz builder's forms: their zod schemas (Conform parses FormData with them, on the server
 * only: zod stays out of the browser bundle, see utils/zod.ts) and the conversion of what was
 * typed to the API's QuizSettingsInput / QuestionInput. The API validates everything; this
 * drops blank option rows and keeps a map from the options sent back to the rows they came
 * from, so an error about `options.1.text` lands next to the right row.
 */
import type { QuestionInput, QuizSettingsInput } from '../../graphql/generated/graphql';
import {
  checkbox,
  list,
  optionOf,
  rawText,
  revision,
  text,
  wholeNumber,
} from '../../utils/form-schemas';
import { splitCodes, splitLines } from '../../utils/quiz-form';
import {
  CODE_SYSTEM_OPTIONS,
  EXAM_AREA_OPTIONS,
  isOneOf,
  QUESTION_TYPE_OPTIONS,
  QUIZ_MODE_OPTIONS,
} from '../../utils/teach-options';
import { z } from '../../utils/zod';

const action = <const Intent extends string>(intent: Intent) =>
  z.object({ intent: z.literal(intent), revision: revision(), label: text() });

/** "70" or "70%". */
const percent = z
  .string()
  .optional()
  .transform((input) => input?.trim().replace(/%$/, '').trim())
  .pipe(wholeNumber('Enter the pass mark as a whole percent, e.g. 70.', 'required'));

const questionFields = {
  quizId: text(),
  questionId: text(),
  type: optionOf(QUESTION_TYPE_OPTIONS, 'Choose a question type.'),
  prompt: rawText(),
  rationale: rawText(),
  area: text(),
  codeSetYear: wholeNumber('Enter a year like 2027, or leave it empty.'),
  points: wholeNumber('Enter the points as a whole number from 1 to 10.', 1),
  trueFalseAnswer: text(),
  acceptedAnswers: rawText(),
  codeSystem: text(),
  codeSetReleaseId: text(),
  answerCodes: rawText(),
  /** One text per option row (blank rows included), and the row numbers ticked correct. */
  optionText: list(rawText()),
  optionCorrect: list(text()),
};

/** Every form of the quiz builder, by intent. Blank limits mean untimed / unlimited / all. */
export const QuizBuilderSchema = z.discriminatedUnion('intent', [
  action('save-settings').extend({
    mode: optionOf(QUIZ_MODE_OPTIONS, 'Choose practice, post-test or mock exam.'),
    passPercent: percent,
    timeLimitMinutes: wholeNumber('Enter whole minutes, e.g. 240, or leave it empty for untimed.'),
    maxAttempts: wholeNumber('Enter a whole number, or leave it empty for unlimited attempts.'),
    questionsPerAttempt: wholeNumber(
      'Enter a whole number, or leave it empty to use the whole pool.',
    ),
    shuffleQuestions: checkbox(),
    shuffleOptions: checkbox(),
    allowReview: checkbox(),
  }),
  action('delete-quiz').extend({ quizId: text() }),
  action('add-question').extend(questionFields),
  action('update-question').extend(questionFields),
  action('move-question').extend({
    questionId: text(),
    position: wholeNumber('Enter a position.', 1).catch(1),
  }),
  action('delete-question').extend({ questionId: text() }),
]);

type QuizBuilderForm = z.output<typeof QuizBuilderSchema>;
type SettingsForm = Extract<QuizBuilderForm, { intent: 'save-settings' }>;
type QuestionForm = Extract<QuizBuilderForm, { intent: 'add-question' | 'update-question' }>;

export function quizSettingsInput(form: SettingsForm): QuizSettingsInput {
  return {
    mode: form.mode,
    passPercent: form.passPercent,
    timeLimitMinutes: form.timeLimitMinutes ?? null,
    maxAttempts: form.maxAttempts ?? null,
    questionsPerAttempt: form.questionsPerAttempt ?? null,
    shuffleQuestions: form.shuffleQuestions,
    shuffleOptions: form.shuffleOptions,
    allowReview: form.allowReview,
  };
}

/** The API's QuestionInput, and where the API's errors about it go on the form. */
export function questionInput(form: QuestionForm): {
  input: QuestionInput;
  rename: Record<string, string>;
} {
  const texts = form.optionText.slice(0, 50);
  const correct = new Set(form.optionCorrect);
  const input: QuestionInput = {
    type: form.type,
    prompt: form.prompt,
    rationale: form.rationale,
    area: isOneOf(EXAM_AREA_OPTIONS, form.area) ? form.area : 'GENERAL',
    codeSetYear: form.codeSetYear ?? null,
    points: form.points,
  };
  const rename: Record<string, string> = {};
  switch (form.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE': {
      // Blank rows are ignored; remember which row each option sent came from.
      const rows = texts
        .map((optionText, row) => ({ text: optionText.trim(), row }))
        .filter((option) => option.text !== '');
      input.options = rows.map((option) => ({
        text: option.text,
        correct: correct.has(String(option.row)),
      }));
      rows.forEach((option, index) => {
        rename[`options.${index}.text`] = `option.${option.row}`;
        rename[`options.${index}.correct`] = `option.${option.row}`;
        rename[`options.${index}`] = `option.${option.row}`;
      });
      break;
    }
    case 'TRUE_FALSE':
      if (form.trueFalseAnswer === 'true') input.trueFalseAnswer = true;
      else if (form.trueFalseAnswer === 'false') input.trueFalseAnswer = false;
      break;
    case 'SHORT_TEXT':
      input.acceptedAnswers = splitLines(form.acceptedAnswers);
      for (let index = 0; index < 50; index++) {
        rename[`acceptedAnswers.${index}`] = 'acceptedAnswers';
      }
      break;
    case 'CODE_SET':
      if (isOneOf(CODE_SYSTEM_OPTIONS, form.codeSystem)) input.codeSystem = form.codeSystem;
      input.codeSetReleaseId = form.codeSetReleaseId || null;
      input.answerCodes = splitCodes(form.answerCodes);
      for (let index = 0; index < 50; index++) rename[`answerCodes.${index}`] = 'answerCodes';
      break;
  }
  return { input, rename };
}
