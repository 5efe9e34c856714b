/**
 * Reading quiz answers from the attempt page's form (pure: no environment access).
 *
 * The page is one big form: every question's controls are named `answer.<questionId>.*`, and a
 * hidden `answer.<questionId>.present` marks that the question was on the page. Whatever
 * button submits it (a question's "Save answer", or "Submit"), every answer the learner
 * changed is saved, so nothing typed into another question is lost.
 */

export const CHOICE_TYPES = new Set(['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE']);

export interface SubmittedAnswer {
  optionIds?: string[];
  text?: string;
}

export const fieldName = (questionId: string, part: 'optionIds' | 'text' | 'present') =>
  `answer.${questionId}.${part}`;

/** The answer to one question as submitted, or null when the question was not in the form. */
export function readAnswer(
  form: FormData,
  question: { id: string; type: string },
): SubmittedAnswer | null {
  if (!form.has(fieldName(question.id, 'present'))) return null;
  if (CHOICE_TYPES.has(question.type)) {
    const ids = form
      .getAll(fieldName(question.id, 'optionIds'))
      .filter((value): value is string => typeof value === 'string' && value !== '');
    return { optionIds: [...new Set(ids)] };
  }
  const text = form.get(fieldName(question.id, 'text'));
  return { text: typeof text === 'string' ? text : '' };
}

/** True when the submitted answer equals the saved one (or both are empty). */
export function sameAnswer(
  submitted: SubmittedAnswer,
  saved: { optionIds: string[]; text: string | null } | null,
): boolean {
  if (submitted.optionIds) {
    const before = [...(saved?.optionIds ?? [])].sort();
    const after = [...submitted.optionIds].sort();
    return before.length === after.length && before.every((id, index) => id === after[index]);
  }
  return (submitted.text ?? '') === (saved?.text ?? '');
}
