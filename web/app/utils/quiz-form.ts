/**
 * The quiz builder's forms: their zod schemas (Conform parses FormData with them, on the server)
 * and the conversion of what was typed to the API's QuizSettingsInput / QuestionInput (pure: no
 * environment access). The API validates everything; this drops blank option rows and keeps a
 * map from the options sent back to the rows they came from, so an error about
 * `options.1.text` lands next to the right row.
 */
import type {
  QuestionInput,
  QuizSettingsInput,
  TeachQuizLessonQuery,
} from '../graphql/generated/graphql';
import type { ActionFailure } from './form-reply';
import { checkbox, list, optionOf, rawText, revision, text, wholeNumber } from './form-schemas';
import {
  CODE_SYSTEM_OPTIONS,
  EXAM_AREA_OPTIONS,
  isOneOf,
  QUESTION_TYPE_OPTIONS,
  QUIZ_MODE_OPTIONS,
} from './teach-options';
import { z } from './zod';

/** A draft quiz with its pool and key, as the quiz builder loads it. */
export type TeachQuiz = NonNullable<
  TeachQuizLessonQuery['editableCourse']['modules'][number]['lessons'][number]['quiz']
>;
export type TeachQuizQuestion = TeachQuiz['questions'][number];

/** Option rows offered without JavaScript: the existing options plus blank rows up to this. */
export const MIN_OPTION_ROWS = 5;
export const MAX_OPTIONS = 10;

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

/** Splits on commas, semicolons, whitespace and new lines; drops blanks. */
export function splitCodes(text: string): string[] {
  return text.split(/[\s,;]+/).filter((code) => code !== '');
}

/** One accepted answer per line; blank lines dropped. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
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

/**
 * A question form the action sent back, as the editor's values (the shape `questionValues`
 * gives): each option row's text under `optionText.<row>`, ticked rows under
 * `optionCorrect.<row>`.
 */
export function submittedQuestionValues(failure: ActionFailure): Record<string, string> {
  const values: Record<string, string> = { ...failure.values };
  const texts = failure.lists.optionText ?? [];
  const correct = new Set(failure.lists.optionCorrect ?? []);
  texts.forEach((optionText, row) => {
    values[`optionText.${row}`] = optionText;
    if (correct.has(String(row))) values[`optionCorrect.${row}`] = 'on';
  });
  values.optionRows = String(texts.length);
  return values;
}

/** The form's starting values for an existing question (what a submit would send back). */
export function questionValues(question: TeachQuizQuestion): Record<string, string> {
  const values: Record<string, string> = {
    type: question.type,
    prompt: question.prompt,
    rationale: question.rationale,
    area: question.area,
    codeSetYear: question.codeSetYear == null ? '' : String(question.codeSetYear),
    points: String(question.points),
    trueFalseAnswer: '',
    acceptedAnswers: question.acceptedAnswers.join('\n'),
    codeSystem: question.codeSystem ?? '',
    codeSetReleaseId: question.codeSetReleaseId ?? '',
    answerCodes: question.answerCodes.join(', '),
    optionRows: '0',
  };
  if (question.type === 'TRUE_FALSE') {
    const trueOption = question.options.find((option) => option.text === 'True');
    values.trueFalseAnswer = trueOption ? String(trueOption.correct) : '';
  } else {
    question.options.forEach((option, row) => {
      values[`optionText.${row}`] = option.text;
      if (option.correct) values[`optionCorrect.${row}`] = 'on';
    });
    values.optionRows = String(question.options.length);
  }
  return values;
}

/** How many option rows to render: what exists plus blanks, at least MIN_OPTION_ROWS. */
export function optionRowCount(values: Record<string, string>): number {
  const existing = Number.parseInt(values.optionRows ?? '0', 10) || 0;
  let filled = 0;
  for (let row = 0; row < existing; row++) {
    if ((values[`optionText.${row}`] ?? '').trim() !== '') filled = row + 1;
  }
  return Math.min(MAX_OPTIONS, Math.max(MIN_OPTION_ROWS, filled + 2));
}

/** Markdown → a one-line excerpt for the question list. */
export function promptExcerpt(markdown: string, length = 140): string {
  const text = markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}
