import type { ReactNode } from 'react';
import type { ApprovalStatus } from '../graphql/generated/graphql';
import { formatDate } from '../utils/format';

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

/** What a credit approval grants: the approved title, the CEUs and category, the validity. */
export function ApprovalFacts({
  approval,
  validNote,
}: {
  approval: {
    approvedTitle: string;
    ceuAmount: string;
    category: string;
    validFrom: string;
    validUntil: string;
  };
  /** Said after the validity dates, e.g. how many days are left. */
  validNote?: ReactNode;
}) {
  return (
    <dl className="facts">
      <div>
        <dt>Approved title</dt>
        <dd>{approval.approvedTitle}</dd>
      </div>
      <div>
        <dt>CEUs</dt>
        <dd>
          {approval.ceuAmount} ({approval.category})
        </dd>
      </div>
      <div>
        <dt>Valid</dt>
        <dd>
          {formatDate(approval.validFrom)} – {formatDate(approval.validUntil)}
          {validNote}
        </dd>
      </div>
    </dl>
  );
}
