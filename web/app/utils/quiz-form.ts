/**
 * The quiz builder's form values on the page (pure: no environment access, no zod: this module
 * is in the browser bundle). The schemas and the conversion to the API's inputs are in
 * `routes/…quiz/quiz-schema.server.ts`.
 */
import type { TeachQuizLessonQuery } from '../graphql/generated/graphql';
import type { ActionFailure } from './form-reply';

/** A draft quiz with its pool and key, as the quiz builder loads it. */
export type TeachQuiz = NonNullable<
  TeachQuizLessonQuery['editableCourse']['modules'][number]['lessons'][number]['quiz']
>;
export type TeachQuizQuestion = TeachQuiz['questions'][number];

/** Option rows offered without JavaScript: the existing options plus blank rows up to this. */
export const MIN_OPTION_ROWS = 5;
export const MAX_OPTIONS = 10;

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
