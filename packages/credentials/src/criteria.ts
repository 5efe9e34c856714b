import { formatMinutes } from './format.js';
import type { CompletionRules } from './types.js';

/**
 * The badge's criteria narrative, built from the program version's real completion rule, so
 * it never claims a post-test or a minimum time the program did not have. A certificate
 * issued before the rule was recorded in its snapshot gets a statement that claims nothing
 * it cannot back.
 */
export function criteriaNarrative(programTitle: string, rules?: CompletionRules): string {
  if (!rules) {
    return `Meet the completion requirements of "${programTitle}" in force when the certificate was issued.`;
  }
  const lessons =
    rules.requiredLessons === 1
      ? 'the required lesson'
      : `all ${rules.requiredLessons} required lessons`;
  const parts = [`Complete ${lessons} of "${programTitle}"`];
  if (rules.postTestPassPercent !== null) {
    parts.push(`pass its post-test with at least ${rules.postTestPassPercent}%`);
  }
  if (rules.minimumLessonTimePercent > 0) {
    parts.push(
      `spend at least ${rules.minimumLessonTimePercent}% of each lesson’s estimated time on it`,
    );
  }
  if (rules.minimumSeatMinutes > 0) {
    parts.push(`reach at least ${formatMinutes(rules.minimumSeatMinutes)} of study time in total`);
  }
  const last = parts.pop()!;
  return parts.length === 0 ? `${last}.` : `${parts.join(', ')} and ${last}.`;
}
