/**
 * The audit log in words: what each recorded action means to a person, and its details as a
 * sentence (people by name, not id). The recorded rows stay as they are (keys and JSON): these
 * only read them.
 */

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'user.role.change': 'Changed a role',
  'user.deleted': 'Deleted their account',
  'course.publish': 'Published a course version',
  'course.unpublish': 'Unpublished a course',
  'course.relist': 'Relisted a course',
  'course.archive': 'Archived a course',
  'course.restore': 'Restored a course',
  'course.delete': 'Deleted a course',
  'course.instructor.add': 'Added an instructor',
  'course.instructor.remove': 'Removed an instructor',
  'enrollment.move-version': 'Moved a learner to the latest version',
  'certificate.revoke': 'Revoked a certificate',
  'certificate.reissue': 'Reissued a certificate',
  'certificate.name.correct': 'Corrected a certificate name',
  'certificate.name.reject': 'Declined a certificate name correction',
  'order.flag': 'Flagged an order',
  'order.refund.request': 'Asked Stripe for a refund',
  'order.refund.complete': 'Refunded an order',
  'ceuRequirement.add': 'Added a CEU renewal rule',
  'ceuRequirement.update': 'Changed a CEU renewal rule',
};

/** "Changed a role"; an action recorded by a newer release reads as its key in words. */
export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const words = action.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ROLE_WORDS: Record<string, string> = {
  STUDENT: 'student',
  INSTRUCTOR: 'instructor',
  ADMIN: 'admin',
};
const STATUS_WORDS: Record<string, string> = {
  DRAFT: 'draft',
  PUBLISHED: 'published',
  UNPUBLISHED: 'unpublished',
  ARCHIVED: 'archived',
};

/** The user ids an entry's details mention, so their names can be looked up with the rest. */
export function peopleInDetails(details: unknown): string[] {
  const record = asRecord(details);
  return ['userId', 'learnerId']
    .map((key) => record[key])
    .filter((value): value is string => typeof value === 'string');
}

function asRecord(details: unknown): Record<string, unknown> {
  return details && typeof details === 'object' && !Array.isArray(details)
    ? (details as Record<string, unknown>)
    : {};
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * The details as one sentence. `nameOf` turns a user id into a name (null when the account is
 * gone).
 */
export function describeAuditDetails(
  action: string,
  details: unknown,
  nameOf: (userId: string) => string | null,
): string {
  const d = asRecord(details);
  const person = (key: string) =>
    typeof d[key] === 'string' ? (nameOf(d[key] as string) ?? 'a deleted account') : 'someone';
  const reason = typeof d.reason === 'string' && d.reason ? ` Reason: ${d.reason}` : '';
  switch (action) {
    case 'user.role.change':
      return `From ${ROLE_WORDS[String(d.from)] ?? text(d.from)} to ${ROLE_WORDS[String(d.to)] ?? text(d.to)}.`;
    case 'user.deleted':
      return 'The account and its personal data were erased.';
    case 'course.unpublish':
    case 'course.relist':
    case 'course.archive':
    case 'course.restore':
      return `From ${STATUS_WORDS[String(d.from)] ?? text(d.from)} to ${STATUS_WORDS[String(d.to)] ?? text(d.to)}.`;
    case 'course.delete':
      return `The course at /courses/${text(d.slug)} was deleted.`;
    case 'course.publish': {
      const changes = Array.isArray(d.changes) ? d.changes.map(text) : [];
      const shown = changes.slice(0, 3).join('; ');
      const more = changes.length > 3 ? ` and ${changes.length - 3} more` : '';
      return `Version ${text(d.version)}${shown ? `: ${shown}${more}` : ''}.`;
    }
    case 'course.instructor.add':
      return `${person('userId')} can now teach it.`;
    case 'course.instructor.remove':
      return `${person('userId')} no longer teaches it.`;
    case 'enrollment.move-version':
      return `${person('learnerId')}, from version ${text(d.fromVersion)} to ${text(d.toVersion)} (${text(d.lessonsCarried)} lessons carried over).`;
    case 'certificate.revoke':
      return `${text(d.serial)}.${reason}`;
    case 'certificate.reissue':
      return `${text(d.serial)}, replaced by ${text(d.newSerial)}.${reason}`;
    case 'certificate.name.correct':
    case 'certificate.name.reject':
      return `“${text(d.from)}” to “${text(d.to)}”.`;
    case 'order.flag':
      return `${text(d.orderNumber)}: ${text(d.reason)}`;
    case 'order.refund.request':
    case 'order.refund.complete':
      return `${text(d.orderNumber)}.${reason}${d.enrollmentEnded ? ' Access ended.' : ''}`;
    case 'ceuRequirement.add':
    case 'ceuRequirement.update':
      return `${text(d.body)} ${text(d.credential)}.`;
    default:
      return Object.entries(d)
        .map(([key, value]) => `${key}: ${text(value)}`)
        .join('; ');
  }
}
