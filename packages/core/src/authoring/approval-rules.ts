/** The credit-approval rules publishing enforces (docs/domain.md: AAPC approves an exact title, for a limited time). */

/** The day (UTC) a Date falls on, as YYYY-MM-DD. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Why an approval may not be published with a version of this title today; null if fine. */
export function approvalProblem(
  approval: {
    body: string;
    bodyName: string | null;
    approvalNumber: string;
    approvedTitle: string;
    validFrom: Date;
    validUntil: Date;
  },
  versionTitle: string,
  today: Date,
): string | null {
  const name = `${approval.bodyName ?? approval.body} approval ${approval.approvalNumber}`;
  if (utcDay(approval.validUntil) < utcDay(today)) {
    return `${name} expired on ${utcDay(approval.validUntil)}. Remove it or enter the renewed approval.`;
  }
  if (approval.body === 'AAPC' && approval.approvedTitle !== versionTitle) {
    return `${name} was granted for the title “${approval.approvedTitle}”, but the course is titled “${versionTitle}”. AAPC approves an exact program title: make them match.`;
  }
  return null;
}
