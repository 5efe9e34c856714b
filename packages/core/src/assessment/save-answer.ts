import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { checkCodesInRelease, learnerMessage } from '../codesets/check-codes';
import { CODE_SYSTEM_LABELS, parseCodes } from '../codesets/codes';
import { AppError } from '../errors/app-error';
import { ALREADY_SUBMITTED, ownAttempt, TIME_UP, TX_OPTIONS } from './attempt-access';
import { QUIZ_LIMITS } from './quiz-schemas';
import { type LearnerResponse } from './scoring';
import { lockAttemptForSave } from './sql';

/** What saveAnswer accepts: option ids for choice questions, text for short text and codes. */
export interface AnswerInput {
  optionIds?: string[] | null;
  text?: string | null;
}

export interface SavedAnswer {
  attemptId: string;
  questionId: string;
  response: LearnerResponse;
  savedAt: Date;
  secondsRemaining: number | null;
}

function checkedResponse(
  question: {
    type: string;
    codeSystem: 'ICD10CM' | 'ICD10PCS' | 'HCPCS' | null;
    options: { id: string }[];
  },
  input: AnswerInput,
): LearnerResponse {
  switch (question.type) {
    case 'SINGLE_CHOICE':
    case 'TRUE_FALSE':
    case 'MULTIPLE_CHOICE': {
      const ids = [...new Set(input.optionIds ?? [])];
      const known = new Set(question.options.map((option) => option.id));
      const unknown = ids.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw AppError.badInput(
          { optionIds: [`These options do not belong to this question: ${unknown.join(', ')}.`] },
          'Choose among the question’s options.',
        );
      }
      if (question.type !== 'MULTIPLE_CHOICE' && ids.length > 1) {
        throw AppError.badInput({ optionIds: ['Choose one option.'] }, 'Choose one option.');
      }
      return { optionIds: ids };
    }
    case 'SHORT_TEXT': {
      const text = input.text ?? '';
      if (text.length > QUIZ_LIMITS.shortTextResponse) {
        throw AppError.badInput({
          text: [`Answers are at most ${QUIZ_LIMITS.shortTextResponse} characters.`],
        });
      }
      return { text };
    }
    default: {
      const text = input.text ?? '';
      if (text.length > QUIZ_LIMITS.codeResponse) {
        throw AppError.badInput({
          text: [`Answers are at most ${QUIZ_LIMITS.codeResponse} characters.`],
        });
      }
      const system = question.codeSystem ?? 'ICD10CM';
      const parsed = parseCodes(system, text);
      if (parsed.malformed.length > 0) {
        const label = CODE_SYSTEM_LABELS[system];
        throw AppError.badInput(
          { text: [`Not valid ${label} codes: ${parsed.malformed.join(', ')}.`] },
          `Not valid ${label} codes: ${parsed.malformed.join(', ')}. Your saved answer has not changed.`,
        );
      }
      return { text, codes: parsed.codes };
    }
  }
}

/**
 * Saves (upserts) the answer to one question of an open attempt. Refused after the deadline
 * or after submission; the previous answer stays when the new one is refused.
 */
export async function saveAnswer(options: {
  db: Db;
  viewer: Viewer | null;
  attemptId: string;
  questionId: string;
  answer: AnswerInput;
  now?: Date;
}): Promise<SavedAnswer> {
  const now = options.now ?? new Date();
  const attempt = await ownAttempt(options.db, options.viewer, options.attemptId, { active: true });
  if (!attempt.questionIds.includes(options.questionId)) {
    throw AppError.badInput(
      { questionId: ['This question is not part of this attempt.'] },
      'This question is not part of this attempt.',
    );
  }
  const question = await options.db.question.findUniqueOrThrow({
    where: { id: options.questionId },
    select: {
      type: true,
      codeSystem: true,
      options: { select: { id: true } },
      codeSetRelease: { select: { id: true, name: true, system: true } },
    },
  });
  const response = checkedResponse(question, options.answer);
  // The release check (unknown, header or other-system codes), without revealing the key.
  const release = question.codeSetRelease;
  if (release && response.codes && response.codes.length > 0) {
    const problems = await checkCodesInRelease(options.db, release, response.codes);
    if (problems.length > 0) {
      const messages = problems.map((problem) => learnerMessage(problem, release));
      throw AppError.badInput(
        { text: messages },
        `${messages.join(' ')} Your saved answer has not changed.`,
      );
    }
  }
  return options.db.$transaction(async (tx) => {
    // Shares the row lock a submission takes exclusively: a save waits for a concurrent
    // submission and then sees it SUBMITTED.
    const current = await lockAttemptForSave(tx, attempt.id);
    if (!current || current.status === 'SUBMITTED')
      throw new AppError('PRECONDITION_FAILED', ALREADY_SUBMITTED);
    if (current.deadlineAt && current.deadlineAt <= now)
      throw new AppError('PRECONDITION_FAILED', TIME_UP);
    await tx.attemptAnswer.upsert({
      where: { attemptId_questionId: { attemptId: attempt.id, questionId: options.questionId } },
      create: {
        attemptId: attempt.id,
        questionId: options.questionId,
        response: { ...response },
        savedAt: now,
      },
      update: { response: { ...response }, savedAt: now, points: null, correct: null },
      select: { id: true },
    });
    return {
      attemptId: attempt.id,
      questionId: options.questionId,
      response,
      savedAt: now,
      secondsRemaining: current.deadlineAt
        ? Math.max(0, Math.floor((current.deadlineAt.getTime() - now.getTime()) / 1000))
        : null,
    };
  }, TX_OPTIONS);
}
