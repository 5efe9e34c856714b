import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { ApprovalStatusBadge, approvalStatusLabel } from '../components/approval-status';
import { Breadcrumb } from '../components/breadcrumb';
import { DataTable } from '../components/data-table';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { Pager } from '../components/pager';
import { ApprovalDashboardDocument, type ApprovalStatus } from '../graphql/generated/graphql';
import { gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { creditBodyName, formatDate } from '../utils/format';
import { requireAuthor } from '../utils/teach.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Credit approvals') }];

const PAGE_SIZE = 50;
const STATUSES: ApprovalStatus[] = ['EXPIRING', 'EXPIRED', 'VALID', 'NOT_YET_VALID'];

function statusParam(value: string | null): ApprovalStatus | null {
  return STATUSES.find((status) => status === value) ?? null;
}

/** The approvals dashboard: instructors see their courses' approvals, admins every course's. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireAuthor(request);
  const url = new URL(request.url);
  const status = statusParam(url.searchParams.get('status'));
  const after = url.searchParams.get('after') || null;
  const { approvalDashboard } = await gqlData(request, ApprovalDashboardDocument, {
    first: PAGE_SIZE,
    after,
    status,
  });
  return {
    isAdmin: viewer.role === 'ADMIN',
    status,
    approvals: approvalDashboard.edges.map((edge) => edge.node),
    totalCount: approvalDashboard.totalCount,
    nextAfter: approvalDashboard.pageInfo.hasNextPage ? approvalDashboard.pageInfo.endCursor : null,
    isFirstPage: !after,
  };
}

function daysLeftText(status: ApprovalStatus, daysLeft: number): string {
  if (status === 'EXPIRED') return 'Expired';
  return daysLeft === 1 ? 'Last day today' : `${daysLeft} days`;
}

export default function ApprovalDashboard() {
  const { approvals, totalCount, nextAfter, isFirstPage, isAdmin, status } =
    useLoaderData<typeof loader>();
  const query = (extra: Record<string, string>) =>
    `/teach/approvals?${new URLSearchParams({ ...(status ? { status } : {}), ...extra })}`;
  const expiring = approvals.filter((approval) => approval.status === 'EXPIRING').length;
  return (
    <div className="teach-page">
      <Breadcrumb trail={[{ to: '/teach', label: 'My courses' }]} current="Credit approvals" />
      <header className="page-header">
        <h1>Credit approvals</h1>
        <p className="lead">
          {isAdmin
            ? 'Every course’s approvals that learners can still earn or are still studying for.'
            : 'The approvals of the courses you teach that learners can still earn or are still studying for.'}{' '}
          An approval is expiring when its last valid day is within 60 days; after it, completions
          earn no credit.
        </p>
      </header>
      {expiring > 0 ? (
        <p className="alert alert-warning" id="expiring-note">
          {expiring} {expiring === 1 ? 'approval is' : 'approvals are'} expiring on this page. Renew
          with the body, enter the renewed approval in the course’s next version, publish it, then
          move in-progress learners to it from the course page.
        </p>
      ) : null}
      <Form method="get" className="filter-bar">
        <label htmlFor="status-filter">Status</label>
        <select id="status-filter" name="status" defaultValue={status ?? ''}>
          <option value="">All</option>
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {approvalStatusLabel(value)}
            </option>
          ))}
        </select>
        <button type="submit" className="button-secondary">
          Show
        </button>
      </Form>
      <section aria-labelledby="approvals-title" className="section">
        <h2 id="approvals-title">
          Approvals <span className="count">({totalCount})</span>
        </h2>
        {approvals.length === 0 ? (
          <p className="empty">No approvals to show.</p>
        ) : (
          <DataTable
            caption="Credit approvals, soonest last valid day first"
            columns={[
              'Approval',
              'Course',
              'Status',
              'Valid until',
              'Days left',
              'Learners in progress',
              { hidden: 'Roster' },
            ]}
          >
            {approvals.map((approval) => (
              <tr key={approval.id}>
                <th scope="row" data-label="Approval">
                  <span className="table-title">
                    {creditBodyName(approval)} {approval.approvalNumber}
                  </span>
                  <span className="muted small"> {approval.ceuAmount} CEUs</span>
                </th>
                <td data-label="Course">
                  <Link to={`/teach/courses/${approval.courseId}`}>{approval.courseTitle}</Link>
                  <span className="muted small">
                    {' '}
                    version {approval.versionNumber}
                    {approval.isLatestVersion ? ' (latest)' : ' (older version)'}
                  </span>
                </td>
                <td data-label="Status">
                  <ApprovalStatusBadge status={approval.status} />
                </td>
                <td data-label="Valid until">
                  <time dateTime={approval.validUntil}>{formatDate(approval.validUntil)}</time>
                </td>
                <td data-label="Days left">{daysLeftText(approval.status, approval.daysLeft)}</td>
                <td data-label="Learners in progress">
                  {approval.inProgressLearners} of {approval.learners}
                </td>
                <td>
                  <Link
                    to={`/teach/approvals/${approval.id}`}
                    className="button button-secondary button-small"
                    aria-label={`Roster of ${creditBodyName(approval)} ${approval.approvalNumber}`}
                  >
                    Roster
                  </Link>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pager
          firstHref={!isFirstPage ? query({}) : null}
          nextHref={nextAfter ? query({ after: nextAfter }) : null}
        />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
