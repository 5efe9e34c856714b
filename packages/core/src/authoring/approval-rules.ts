/**
 * The credit-approval rules (docs/domain.md): AAPC approves an exact title, for one calendar year,
 * for an on-demand program with a post-test; AHIMA does not count exam-review courses.
 */

import { providerDay } from '../time/provider-day';

/** The calendar day of a `date` column (stored as 00:00 UTC of that day), as YYYY-MM-DD. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The last day an AAPC approval starting on `validFrom` may run to: the day before the same
 * date one year later (2026-01-01 → 2026-12-31; 2026-03-15 → 2027-03-14; 2028-02-29 →
 * 2029-02-28).
 */
export function aapcLastValidDay(validFrom: Date): Date {
  // The anniversary (29 February rolls over to 1 March), then the day before it.
  const anniversary = Date.UTC(
    validFrom.getUTCFullYear() + 1,
    validFrom.getUTCMonth(),
    validFrom.getUTCDate(),
  );
  return new Date(anniversary - 86_400_000);
}

interface ApprovalFacts {
  body: string;
  bodyName: string | null;
  approvalNumber: string;
  approvedTitle: string;
  validFrom: Date;
  validUntil: Date;
}

const approvalName = (approval: ApprovalFacts) =>
  `${approval.bodyName ?? approval.body} approval ${approval.approvalNumber}`;

/**
 * Why an approval's credit may not be given for a version of this title on `today` (expired,
 * or an AAPC title mismatch); null if fine. Checked at publication and again at issuance.
 * `today` is an instant: its day is the provider's calendar day (PROVIDER_TIME_ZONE).
 */
export function approvalProblem(
  approval: ApprovalFacts,
  versionTitle: string,
  today: Date,
): string | null {
  const name = approvalName(approval);
  if (utcDay(approval.validUntil) < providerDay(today)) {
    return `${name} expired on ${utcDay(approval.validUntil)}. Remove it or enter the renewed approval.`;
  }
  if (approval.body === 'AAPC' && approval.approvedTitle !== versionTitle) {
    return `${name} was granted for the title “${approval.approvedTitle}”, but the course is titled “${versionTitle}”. AAPC approves an exact program title: make them match.`;
  }
  return null;
}

/** What publication needs to know about the version an approval is attached to. */
export interface VersionFacts {
  title: string;
  kind: 'EXAM_PREP' | 'CE';
  modules: { lessons: { quiz: { mode: string } | null }[] }[];
}

/**
 * Every reason an approval may not be published with this version on `today`: the issuance
 * rules of approvalProblem, plus AAPC's one-year validity and required post-test, and AHIMA's
 * refusal of exam-review courses.
 */
export function approvalPublicationProblems(
  approval: ApprovalFacts,
  version: VersionFacts,
  today: Date,
): string[] {
  const name = approvalName(approval);
  const problems: string[] = [];
  const basic = approvalProblem(approval, version.title, today);
  if (basic) problems.push(basic);
  if (approval.body === 'AAPC') {
    const lastDay = aapcLastValidDay(approval.validFrom);
    if (utcDay(approval.validUntil) > utcDay(lastDay)) {
      problems.push(
        `${name} runs from ${utcDay(approval.validFrom)} to ${utcDay(approval.validUntil)}, but an AAPC approval is valid for one year: its last day can be ${utcDay(lastDay)} at the latest. Enter the dates AAPC granted.`,
      );
    }
    const hasPostTest = version.modules.some((module) =>
      module.lessons.some((lesson) => lesson.quiz?.mode === 'POST_TEST'),
    );
    if (!hasPostTest) {
      problems.push(
        `${name} needs a post-test: AAPC approves on-demand CE courses only with one. Add a quiz lesson in post-test mode, or remove the approval.`,
      );
    }
  }
  if (approval.body === 'AHIMA' && version.kind === 'EXAM_PREP') {
    problems.push(
      `${name} is attached to an exam-prep course, but AHIMA does not count exam-review courses for CEUs. Remove the approval, or make the course a CE course if it is not exam review.`,
    );
  }
  return problems;
}
