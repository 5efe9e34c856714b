import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { AuditLogDocument } from '../graphql/generated/graphql';
import { gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { formatDateTime, roleLabel } from '../utils/format';
import { requireAdmin } from '../utils/teach.server';
import { useTimeZone } from '../utils/time-zone';

export const meta: MetaFunction = () => [{ title: pageTitle('Audit log') }];

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const url = new URL(request.url);
  const after = url.searchParams.get('after') || null;
  const targetId = url.searchParams.get('target') || null;
  const { auditLog } = await gqlData(request, AuditLogDocument, {
    first: PAGE_SIZE,
    after,
    targetId,
  });
  const base = new URLSearchParams();
  if (targetId) base.set('target', targetId);
  return {
    entries: auditLog.edges.map((edge) => edge.node),
    totalCount: auditLog.totalCount,
    targetId,
    nextHref:
      auditLog.pageInfo.hasNextPage && auditLog.pageInfo.endCursor
        ? `/admin/audit?${new URLSearchParams([...base, ['after', auditLog.pageInfo.endCursor]])}`
        : null,
    firstHref: after ? `/admin/audit${base.size ? `?${base}` : ''}` : null,
  };
}

const ACTIONS: Record<string, string> = {
  'user.role.change': 'Changed a role',
  'course.publish': 'Published a course',
  'course.unpublish': 'Unpublished a course',
  'course.relist': 'Relisted a course',
  'course.archive': 'Archived a course',
  'course.restore': 'Restored a course',
  'course.delete': 'Deleted a course',
};

function describeDetails(action: string, details: unknown): string {
  if (!details || typeof details !== 'object' || Array.isArray(details)) {
    return details == null ? '' : JSON.stringify(details);
  }
  const record = details as Record<string, unknown>;
  const label = (value: unknown) =>
    action.startsWith('user.role') ? roleLabel(String(value)) : String(value).toLowerCase();
  if ('from' in record && 'to' in record) {
    const rest = Object.entries(record).filter(([key]) => key !== 'from' && key !== 'to');
    return [
      `${label(record.from)} → ${label(record.to)}`,
      ...rest.map(
        ([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
      ),
    ].join('; ');
  }
  return Object.entries(record)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

export default function AuditLogPage() {
  const timeZone = useTimeZone();
  const { entries, totalCount, targetId, nextHref, firstHref } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <p className="lead">
        Every privileged act, newest first: role changes and course lifecycle changes.
      </p>
      {targetId ? (
        <p>
          Showing entries about <code>{targetId}</code>. <Link to="/admin/audit">Show all</Link>
        </p>
      ) : null}
      <p className="results-count">{totalCount === 1 ? '1 entry' : `${totalCount} entries`}</p>
      {entries.length === 0 ? (
        <p className="empty">Nothing recorded yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Target</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td data-label="When">
                    <time dateTime={entry.createdAt}>
                      {formatDateTime(entry.createdAt, timeZone)}
                    </time>
                  </td>
                  <td data-label="Who">
                    {entry.actorName ?? <span className="muted">deleted account</span>}
                  </td>
                  <th scope="row" data-label="What">
                    {ACTIONS[entry.action] ?? entry.action}
                    <br />
                    <code className="small muted">{entry.action}</code>
                  </th>
                  <td data-label="Target">
                    {entry.targetType}{' '}
                    <Link
                      to={`/admin/audit?${new URLSearchParams({ target: entry.targetId })}`}
                      className="small"
                      title={entry.targetId}
                    >
                      {entry.targetId.slice(0, 8)}…
                      <span className="visually-hidden"> (entries about this record)</span>
                    </Link>
                    {entry.targetType === 'Course' ? (
                      <>
                        {' '}
                        ·{' '}
                        <Link to={`/teach/courses/${entry.targetId}`} className="small">
                          open course
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td data-label="Details">{describeDetails(entry.action, entry.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextHref || firstHref ? (
        <nav className="pagination" aria-label="Pages">
          {firstHref ? (
            <Link to={firstHref} rel="prev">
              ← Newest
            </Link>
          ) : (
            <span />
          )}
          <span />
          {nextHref ? (
            <Link to={nextHref} rel="next">
              Older →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
