import type { ApprovalStatus } from '../graphql/generated/graphql';

const LABELS: Record<ApprovalStatus, string> = {
  NOT_YET_VALID: 'Not yet valid',
  VALID: 'Valid',
  EXPIRING: 'Expiring',
  EXPIRED: 'Expired',
};

/** Text label of a credit approval's status (never colour alone). */
export function approvalStatusLabel(status: ApprovalStatus): string {
  return LABELS[status];
}

/** A credit approval's lifecycle status as a badge: text and colour. */
export function ApprovalStatusBadge({ status }: { status: ApprovalStatus }) {
  return (
    <span className={`status status-approval-${status.toLowerCase().replaceAll('_', '-')}`}>
      {LABELS[status]}
    </span>
  );
}
