import type { QuestionType } from '@lms/db';
import { codeKey } from '../codesets/codes';

/** A question as the grader sees it: its type, points and key. */
export interface GradableQuestion {
  type: QuestionType;
  points: number;
  options: { id: string; correct: boolean }[];
  acceptedAnswers: string[];
  answerCodes: string[];
}

/** What a learner saved (the stored JSON of AttemptAnswer.response). */
export interface LearnerResponse {
  optionIds?: string[];
  text?: string;
  codes?: string[];
}

export interface QuestionScore {
  /** Points earned, rounded to 3 decimals (the column's scale). */
  points: number;
  /** Full marks. */
  correct: boolean;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Short-text comparison form: trimmed, inner whitespace collapsed, case-folded. */
export function normalizeText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-US');
}

/**
 * CODE_SET partial credit: a wrong extra code costs as much as a missing one.
 * score = max(0, (correct hits − wrong extras) / key size) × points.
 */
export function scoreCodeSet(key: string[], given: string[], points: number): QuestionScore {
  const keySet = new Set(key.map(codeKey));
  const givenSet = new Set(given.map(codeKey));
  if (keySet.size === 0) return { points: 0, correct: false };
  let hits = 0;
  let extras = 0;
  for (const code of givenSet) {
    if (keySet.has(code)) hits += 1;
    else extras += 1;
  }
  const share = Math.max(0, (hits - extras) / keySet.size);
  return { points: round3(share * points), correct: hits === keySet.size && extras === 0 };
}

/**
 * MULTIPLE_CHOICE per-option scoring: each correct option ticked adds, each wrong option
 * ticked subtracts, so ticking every option cannot score full marks.
 * score = max(0, (correctly ticked − wrongly ticked) / number of correct options) × points.
 */
export function scoreMultipleChoice(
  options: { id: string; correct: boolean }[],
  ticked: string[],
  points: number,
): QuestionScore {
  const correctIds = new Set(options.filter((o) => o.correct).map((o) => o.id));
  if (correctIds.size === 0) return { points: 0, correct: false };
  const tickedSet = new Set(ticked);
  let right = 0;
  let wrong = 0;
  for (const id of tickedSet) {
    if (correctIds.has(id)) right += 1;
    else wrong += 1;
  }
  const share = Math.max(0, (right - wrong) / correctIds.size);
  return { points: round3(share * points), correct: right === correctIds.size && wrong === 0 };
}

/** Scores one answer against its question's key; no answer scores 0. */
export function scoreAnswer(
  question: GradableQuestion,
  response: LearnerResponse | null,
): QuestionScore {
  const none = { points: 0, correct: false };
  if (!response) return none;
  switch (question.type) {
    case 'SINGLE_CHOICE':
    case 'TRUE_FALSE': {
      const ticked = response.optionIds ?? [];
      if (ticked.length !== 1) return none;
      const right = question.options.some((o) => o.id === ticked[0] && o.correct);
      return right ? { points: question.points, correct: true } : none;
    }
    case 'MULTIPLE_CHOICE':
      return scoreMultipleChoice(question.options, response.optionIds ?? [], question.points);
    case 'SHORT_TEXT': {
      const given = normalizeText(response.text ?? '');
      if (given === '') return none;
      const right = question.acceptedAnswers.some((answer) => normalizeText(answer) === given);
      return right ? { points: question.points, correct: true } : none;
    }
    case 'CODE_SET':
      return scoreCodeSet(question.answerCodes, response.codes ?? [], question.points);
  }
}

/** Percent of the maximum, 2 decimals (0 when there is nothing to score). */
export function percentOf(points: number, maxPoints: number): number {
  if (maxPoints <= 0) return 0;
  return Math.round((points / maxPoints) * 10_000) / 100;
}
