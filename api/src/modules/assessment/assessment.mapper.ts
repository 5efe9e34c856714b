import type { LearnerAttempt, LearnerResponse } from '@lms/core';
import type { LearnerAnswer, QuizAttemptView } from './learner.types';

export function toLearnerAnswer(response: LearnerResponse): LearnerAnswer;
export function toLearnerAnswer(response: LearnerResponse | null): LearnerAnswer | null;
export function toLearnerAnswer(response: LearnerResponse | null): LearnerAnswer | null {
  if (!response) return null;
  return {
    optionIds: response.optionIds ?? [],
    text: response.text ?? null,
    codes: response.codes ?? [],
  };
}

/** Core's learner attempt → the GraphQL view (responses in their GraphQL shape). */
export function toAttemptView(attempt: LearnerAttempt): QuizAttemptView {
  return {
    ...attempt,
    questions: attempt.questions.map((question) => ({
      ...question,
      response: toLearnerAnswer(question.response),
    })),
    result: attempt.result && {
      ...attempt.result,
      review:
        attempt.result.review?.map((review) => ({
          ...review,
          response: toLearnerAnswer(review.response),
        })) ?? null,
    },
  };
}
