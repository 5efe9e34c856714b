import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { DataTable } from '../components/data-table';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { Field } from '../components/form';
import { Pager } from '../components/pager';
import { AuditLogDocument } from '../graphql/generated/graphql';
import { errorResponse, getFieldErrors, gql } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { formatDateTime } from '../utils/format';
import { dropEmptySearchParams } from '../utils/search-params.server';
import { requireAdmin } from '../utils/teach.server';
import { useTimeZone } from '../utils/time-zone';
import { readerTimeZone } from '../utils/time-zone.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Audit log') }];

const PAGE_SIZE = 50;
const FILTERS = ['actor', 'action', 'from', 'to', 'target'] as const;

/**
 * The audit log for people: the API says each act in words with people and records by name;
 * the page filters by actor, action and a range of days in the reader's time zone.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireAdmin(request);
  const url = new URL(request.url);
  dropEmptySearchParams(url);
  const filters = Object.fromEntries(
    FILTERS.map((key) => [key, url.searchParams.get(key)?.trim() ?? '']),
  ) as Record<(typeof FILTERS)[number], string>;
  const after = url.searchParams.get('after') || null;
  const timeZone = await readerTimeZone(request, viewer);
  const result = await gql(request, AuditLogDocument, {
    first: PAGE_SIZE,
    after,
    targetId: filters.target || null,
    actor: filters.actor || null,
    action: filters.action || null,
    from: filters.from || null,
    to: filters.to || null,
    timeZone,
  });
  // Only what was filled in goes back into the links (no empty parameters).
  const base = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));
  if (result.errors) {
    const fieldErrors = getFieldErrors(result.errors);
    if (Object.keys(fieldErrors).length === 0) throw errorResponse(request, result.errors[0]);
    return {
      filters,
      timeZone,
      fieldErrors,
      entries: [],
      actions: [],
      totalCount: 0,
      nextHref: null,
      firstHref: null,
    };
  }
  const { auditLog, auditActions } = result.data;
  return {
    filters,
    timeZone,
    fieldErrors: {} as Record<string, string[]>,
    entries: auditLog.edges.map((edge) => edge.node),
    actions: auditActions,
    totalCount: auditLog.totalCount,
    nextHref:
      auditLog.pageInfo.hasNextPage && auditLog.pageInfo.endCursor
        ? `/admin/audit?${new URLSearchParams([...base, ['after', auditLog.pageInfo.endCursor]])}`
        : null,
    firstHref: after ? `/admin/audit${base.size ? `?${base}` : ''}` : null,
  };
}

type Entry = Awaited<ReturnType<typeof loader>>['entries'][number];

/** Where the record lives in the app, if it has a page. */
function recordHref(entry: Entry): string | null {
  if (!entry.targetName) return null;
  if (entry.targetType === 'Course') return `/teach/courses/${entry.targetId}`;
  if (entry.targetType === 'Certificate')
    return `/admin/certificates?${new URLSearchParams({ serial: entry.targetName })}`;
  if (entry.targetType === 'User')
    return `/admin/users?${new URLSearchParams({ q: entry.targetName })}`;
  return null;
}

const RECORD_KIND: Record<string, string> = {
  User: 'Person',
  Course: 'Course',
  Order: 'Order',
  Certificate: 'Certificate',
  CeuRequirement: 'Renewal rule',
};

function DateFilter({
  name,
  label,
  value,
  errors,
}: {
  name: string;
  label: string;
  value: string;
  errors?: string[];
}) {
  return (
    <Field
      name={name}
      id={`audit-${name}`}
      label={label}
      type="date"
      defaultValue={value}
      errors={errors}
    />
  );
}

export default function AuditLogPage() {
  const timeZone = useTimeZone();
  const { entries, actions, totalCount, filters, fieldErrors, nextHref, firstHref } =
    useLoaderData<typeof loader>();
  const filtered = Object.values(filters).some(Boolean);
  return (
    <section aria-labelledby="audit-title" className="audit-log">
      <h1 id="audit-title">Audit log</h1>
      <p className="lead">
        Every privileged act, newest first. Times are in your time zone ({timeZone}).
      </p>
      <Form
        method="get"
        className="card filter-bar audit-filters"
        aria-label="Filter the audit log"
        key={JSON.stringify(filters)}
      >
        {filters.target ? <input type="hidden" name="target" value={filters.target} /> : null}
        <div className="field">
          <label htmlFor="audit-actor">Who (name or email)</label>
          <input
            id="audit-actor"
            name="actor"
            type="search"
            defaultValue={filters.actor}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="audit-action">What</label>
          <select id="audit-action" name="action" defaultValue={filters.action}>
            <option value="">Any action</option>
            {actions.map((option) => (
              <option key={option.action} value={option.action}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <DateFilter name="from" label="From (day)" value={filters.from} errors={fieldErrors.from} />
        <DateFilter name="to" label="To (day)" value={filters.to} errors={fieldErrors.to} />
        <button type="submit" className="button button-secondary">
          Filter
        </button>
        {filtered ? <Link to="/admin/audit">Clear filters</Link> : null}
      </Form>
      {fieldErrors.timeZone ? (
        <p className="alert alert-error" role="alert">
          {fieldErrors.timeZone[0]}
        </p>
      ) : null}
      {filters.target ? (
        <p>
          Showing entries about one record. <Link to="/admin/audit">Show all</Link>
        </p>
      ) : null}
      <p className="results-count">{totalCount === 1 ? '1 entry' : `${totalCount} entries`}</p>
      {entries.length === 0 ? (
        <p className="empty">
          {filtered ? 'No entry matches these filters.' : 'Nothing recorded yet.'}
        </p>
      ) : (
        <DataTable className="audit-table" columns={['When', 'Who', 'What', 'About', 'Details']}>
          {entries.map((entry) => {
            const href = recordHref(entry);
            return (
              <tr key={entry.id}>
                <td data-label="When">
                  <time dateTime={entry.createdAt}>
                    {formatDateTime(entry.createdAt, timeZone)}
                  </time>
                </td>
                <td data-label="Who">
                  {entry.actorName ?? <span className="muted">a deleted account</span>}
                </td>
                <th scope="row" data-label="What">
                  {entry.actionLabel}
                </th>
                <td data-label="About">
                  <span className="small muted">
                    {RECORD_KIND[entry.targetType] ?? entry.targetType}
                  </span>{' '}
                  {href ? (
                    <Link to={href}>{entry.targetName}</Link>
                  ) : (
                    (entry.targetName ?? <span className="muted">no longer exists</span>)
                  )}
                  <br />
                  <Link
                    to={`/admin/audit?${new URLSearchParams({ target: entry.targetId })}`}
                    className="small"
                  >
                    All entries about it
                    <span className="visually-hidden">
                      {' '}
                      ({entry.targetName ?? entry.targetType})
                    </span>
                  </Link>
                </td>
                <td data-label="Details">{entry.summary}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <Pager firstHref={firstHref} nextHref={nextHref} firstLabel="Newest" nextLabel="Older" />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
