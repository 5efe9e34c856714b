/**
 * The quiz builder's form values ⇄ the API's QuizSettingsInput / QuestionInput (pure: no
 * environment access). The API validates everything; this only reads what was typed, drops
 * blank option rows and keeps a map from the options sent back to the rows they came from, so
 * an error about `options.1.text` lands next to the right row.
 */
import type {
  QuestionInput,
  QuizSettingsInput,
  TeachQuizLessonQuery,
} from '../graphql/generated/graphql';
import { parseWholeNumber } from './form-values';
import {
  CODE_SYSTEM_OPTIONS,
  EXAM_AREA_OPTIONS,
  isOneOf,
  QUESTION_TYPE_OPTIONS,
  QUIZ_MODE_OPTIONS,
} from './teach-options';

/** A draft quiz with its pool and key, as the quiz builder loads it. */
export type TeachQuiz = NonNullable<
  TeachQuizLessonQuery['editableCourse']['modules'][number]['lessons'][number]['quiz']
>;
export type TeachQuizQuestion = TeachQuiz['questions'][number];

/** Option rows offered without JavaScript: the existing options plus blank rows up to this. */
export const MIN_OPTION_ROWS = 5;
export const MAX_OPTIONS = 10;

type Reader = {
  raw: (key: string) => string;
  text: (key: string) => string;
  checked: (key: string) => boolean;
  all: (key: string) => string[];
};

export type Parsed<T> =
  | { ok: true; input: T; values: Record<string, string>; rename: Record<string, string> }
  | { ok: false; values: Record<string, string>; fieldErrors: Record<string, string[]> };

/** "" → null (blank = unlimited/untimed/all); "12" → 12; "abc" → an error message. */
function optionalWhole(
  text: string,
  field: string,
  message: string,
  errors: Record<string, string[]>,
): number | null {
  if (text === '') return null;
  const value = parseWholeNumber(text);
  if (value === null) errors[field] = [message];
  return value;
}

export function readQuizSettings(form: Reader): Parsed<QuizSettingsInput> {
  const values = {
    mode: form.text('mode'),
    passPercent: form.text('passPercent').replace(/%$/, '').trim(),
    timeLimitMinutes: form.text('timeLimitMinutes'),
    maxAttempts: form.text('maxAttempts'),
    questionsPerAttempt: form.text('questionsPerAttempt'),
    shuffleQuestions: form.checked('shuffleQuestions') ? 'on' : '',
    shuffleOptions: form.checked('shuffleOptions') ? 'on' : '',
    allowReview: form.checked('allowReview') ? 'on' : '',
  };
  const errors: Record<string, string[]> = {};
  const mode = values.mode;
  if (!isOneOf(QUIZ_MODE_OPTIONS, mode)) errors.mode = ['Choose practice, post-test or mock exam.'];
  const passPercent = parseWholeNumber(values.passPercent);
  if (passPercent === null)
    errors.passPercent = ['Enter the pass mark as a whole percent, e.g. 70.'];
  const timeLimitMinutes = optionalWhole(
    values.timeLimitMinutes,
    'timeLimitMinutes',
    'Enter whole minutes, e.g. 240, or leave it empty for untimed.',
    errors,
  );
  const maxAttempts = optionalWhole(
    values.maxAttempts,
    'maxAttempts',
    'Enter a whole number, or leave it empty for unlimited attempts.',
    errors,
  );
  const questionsPerAttempt = optionalWhole(
    values.questionsPerAttempt,
    'questionsPerAttempt',
    'Enter a whole number, or leave it empty to use the whole pool.',
    errors,
  );
  if (Object.keys(errors).length > 0 || passPercent === null || !isOneOf(QUIZ_MODE_OPTIONS, mode)) {
    return { ok: false, values, fieldErrors: errors };
  }
  return {
    ok: true,
    values,
    rename: {},
    input: {
      mode,
      passPercent,
      timeLimitMinutes,
      maxAttempts,
      questionsPerAttempt,
      shuffleQuestions: Boolean(values.shuffleQuestions),
      shuffleOptions: Boolean(values.shuffleOptions),
      allowReview: Boolean(values.allowReview),
    },
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

export function readQuestion(form: Reader): Parsed<QuestionInput> {
  const texts = form.all('optionText').slice(0, 50);
  const correct = new Set(form.all('optionCorrect'));
  const values: Record<string, string> = {
    type: form.text('type'),
    prompt: form.raw('prompt'),
    rationale: form.raw('rationale'),
    area: form.text('area'),
    codeSetYear: form.text('codeSetYear'),
    points: form.text('points'),
    trueFalseAnswer: form.text('trueFalseAnswer'),
    acceptedAnswers: form.raw('acceptedAnswers'),
    codeSystem: form.text('codeSystem'),
    codeSetReleaseId: form.text('codeSetReleaseId'),
    answerCodes: form.raw('answerCodes'),
    optionRows: String(texts.length),
  };
  texts.forEach((text, row) => {
    values[`optionText.${row}`] = text;
    if (correct.has(String(row))) values[`optionCorrect.${row}`] = 'on';
  });

  const errors: Record<string, string[]> = {};
  const type = values.type ?? '';
  if (!isOneOf(QUESTION_TYPE_OPTIONS, type)) errors.type = ['Choose a question type.'];
  const points = values.points === '' ? 1 : parseWholeNumber(values.points ?? '');
  if (points === null) errors.points = ['Enter the points as a whole number from 1 to 10.'];
  const codeSetYear = optionalWhole(
    values.codeSetYear ?? '',
    'codeSetYear',
    'Enter a year like 2027, or leave it empty.',
    errors,
  );
  if (Object.keys(errors).length > 0 || points === null || !isOneOf(QUESTION_TYPE_OPTIONS, type)) {
    return { ok: false, values, fieldErrors: errors };
  }

  const area = values.area ?? '';
  const input: QuestionInput = {
    type,
    prompt: values.prompt ?? '',
    rationale: values.rationale ?? '',
    area: isOneOf(EXAM_AREA_OPTIONS, area) ? area : 'GENERAL',
    codeSetYear,
    points,
  };
  const rename: Record<string, string> = {};
  switch (type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE': {
      // Blank rows are ignored; remember which row each option sent came from.
      const rows = texts
        .map((text, row) => ({ text: text.trim(), row }))
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
      if (values.trueFalseAnswer === 'true') input.trueFalseAnswer = true;
      else if (values.trueFalseAnswer === 'false') input.trueFalseAnswer = false;
      break;
    case 'SHORT_TEXT':
      input.acceptedAnswers = splitLines(values.acceptedAnswers ?? '');
      for (let index = 0; index < 50; index++) {
        rename[`acceptedAnswers.${index}`] = 'acceptedAnswers';
      }
      break;
    case 'CODE_SET':
      if (isOneOf(CODE_SYSTEM_OPTIONS, values.codeSystem ?? '')) {
        input.codeSystem = values.codeSystem as QuestionInput['codeSystem'];
      }
      input.codeSetReleaseId = values.codeSetReleaseId || null;
      input.answerCodes = splitCodes(values.answerCodes ?? '');
      for (let index = 0; index < 50; index++) rename[`answerCodes.${index}`] = 'answerCodes';
      break;
  }
  return { ok: true, input, values, rename };
}

/** The form's starting values for an existing question (what readQuestion would produce). */
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
