import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ApprovalFacts, ApprovalStatusBadge } from '../components/approval-status';
import { Breadcrumb } from '../components/breadcrumb';
import { DataTable } from '../components/data-table';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { ApprovalRosterDocument } from '../graphql/generated/graphql';
import { gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { creditBodyName, formatDate } from '../utils/format';
import { requireParam } from '../utils/invariant';
import { requireAuthor } from '../utils/teach.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: pageTitle(
      data ? `Roster: ${data.approval.approvalNumber}` : 'Roster of a credit approval',
    ),
  },
];

/** The roster of one credit approval: the course's instructors and admins (others: 404). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuthor(request);
  const { approvalRoster } = await gqlData(request, ApprovalRosterDocument, {
    approvalId: requireParam(params, 'approvalId'),
  });
  return approvalRoster;
}

const dateTime = (iso: string | null) =>
  iso ? <time dateTime={iso}>{formatDate(iso)}</time> : <span className="muted">–</span>;

export default function ApprovalRosterPage() {
  const { approval, rows } = useLoaderData<typeof loader>();
  const name = `${creditBodyName(approval)} ${approval.approvalNumber}`;
  return (
    <div className="teach-page">
      <Breadcrumb
        trail={[
          { to: '/teach', label: 'My courses' },
          { to: '/teach/approvals', label: 'Credit approvals' },
        ]}
        current={`Roster of ${name}`}
      />
      <header className="page-header">
        <h1>Roster of {name}</h1>
        <p className="lead">
          {approval.courseTitle}, version {approval.versionNumber} ·{' '}
          <ApprovalStatusBadge status={approval.status} />
        </p>
      </header>
      <ApprovalFacts
        approval={approval}
        validNote={
          approval.status === 'EXPIRED'
            ? ' (expired)'
            : ` (${approval.daysLeft} ${approval.daysLeft === 1 ? 'day' : 'days'} left)`
        }
      />
      <section aria-labelledby="roster-title" className="section">
        <div className="section-header">
          <h2 id="roster-title">
            Learners <span className="count">({rows.length})</span>
          </h2>
          <a
            href={`/teach/approvals/${approval.id}/roster.csv`}
            className="button button-secondary"
            download
          >
            Download CSV
          </a>
        </div>
        {rows.length === 0 ? (
          <p className="empty">No learner is enrolled in this version yet.</p>
        ) : (
          <DataTable
            caption={<>Learners of {name}</>}
            columns={[
              'Learner',
              'Member id',
              'Enrolled',
              'Completed',
              'Seat minutes',
              'Post-test',
              'Certificate',
            ]}
          >
            {rows.map((row) => (
              <tr key={row.enrollmentId}>
                <th scope="row" data-label="Learner">
                  <span className="table-title">{row.learnerName}</span>
                  {row.enrollmentStatus !== 'ACTIVE' ? (
                    <span className="muted small"> ({row.enrollmentStatus.toLowerCase()})</span>
                  ) : null}
                </th>
                <td data-label="Member id">{row.memberId ?? <span className="muted">–</span>}</td>
                <td data-label="Enrolled">{dateTime(row.enrolledAt)}</td>
                <td data-label="Completed">{dateTime(row.completedAt)}</td>
                <td data-label="Seat minutes">{row.seatMinutes}</td>
                <td data-label="Post-test">
                  {row.postTestPercent ? (
                    <>
                      {row.postTestPercent} % ({row.postTestPassed ? 'passed' : 'not passed'}
                      ), {dateTime(row.postTestAt)}
                    </>
                  ) : (
                    <span className="muted">–</span>
                  )}
                </td>
                <td data-label="Certificate">
                  {row.certificateSerial ? (
                    <>
                      <code>{row.certificateSerial}</code> ({row.certificateStatus?.toLowerCase()})
                    </>
                  ) : (
                    <span className="muted">–</span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
