import type { EditableQuestion, EditableQuiz } from './editable-course';

const SETTINGS: [keyof EditableQuiz, string][] = [
  ['mode', 'mode'],
  ['passPercent', 'pass mark'],
  ['timeLimitMinutes', 'time limit'],
  ['maxAttempts', 'attempts allowed'],
  ['questionsPerAttempt', 'questions per attempt'],
  ['shuffleQuestions', 'question shuffling'],
  ['shuffleOptions', 'option shuffling'],
  ['allowReview', 'review after submission'],
];

function questionContent(question: EditableQuestion): string {
  const { id: _id, position: _position, options, ...rest } = question;
  return JSON.stringify({
    ...rest,
    options: options.map(({ text, correct }) => ({ text, correct })),
  });
}

/** What changed in a lesson's quiz between two versions; questions are matched by key. */
export function describeQuizChanges(
  lessonTitle: string,
  before: EditableQuiz | null,
  after: EditableQuiz | null,
): string[] {
  if (!before && !after) return [];
  if (!before) return [`Quiz added to “${lessonTitle}” (${after!.questions.length} questions)`];
  if (!after) return [`Quiz removed from “${lessonTitle}”`];
  const edits: string[] = [];
  for (const [field, label] of SETTINGS) {
    if (before[field] !== after[field]) edits.push(label);
  }
  const old = new Map(before.questions.map((question) => [question.key, question]));
  const now = new Set(after.questions.map((question) => question.key));
  const added = after.questions.filter((question) => !old.has(question.key)).length;
  const removed = before.questions.filter((question) => !now.has(question.key)).length;
  const changed = after.questions.filter((question) => {
    const previous = old.get(question.key);
    return previous && questionContent(previous) !== questionContent(question);
  }).length;
  const plural = (count: number) => `${count} question${count === 1 ? '' : 's'}`;
  if (added) edits.push(`${plural(added)} added`);
  if (removed) edits.push(`${plural(removed)} removed`);
  if (changed) edits.push(`${plural(changed)} changed`);
  const common = before.questions.map((q) => q.key).filter((key) => now.has(key));
  const commonAfter = after.questions.map((q) => q.key).filter((key) => old.has(key));
  if (common.join() !== commonAfter.join()) edits.push('questions reordered');
  return edits.length ? [`Quiz “${lessonTitle}” changed: ${edits.join(', ')}`] : [];
}
