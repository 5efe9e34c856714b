import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { DataTable } from '../components/data-table';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { type CodeSetChangeKind, CodeSetReleaseDiffDocument } from '../graphql/generated/graphql';
import { errorResponse, gql } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { CODE_SET_SOURCES, CODE_SYSTEM_LABELS } from '../utils/code-sets';
import { formatDate } from '../utils/format';
import { requireParam } from '../utils/invariant';
import { requireAdmin } from '../utils/teach.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data?.release.name ?? 'Code-set release') },
];

const KINDS: CodeSetChangeKind[] = ['ADDED', 'DELETED', 'CHANGED'];
const KIND_LABELS: Record<CodeSetChangeKind, string> = {
  ADDED: 'Added',
  DELETED: 'Deleted',
  CHANGED: 'Changed',
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const kindParam = new URL(request.url).searchParams.get('kind') ?? '';
  const kind = (KINDS as string[]).includes(kindParam) ? (kindParam as CodeSetChangeKind) : null;
  const result = await gql(request, CodeSetReleaseDiffDocument, {
    id: requireParam(params, 'releaseId'),
    kind,
  });
  if (result.errors) throw errorResponse(request, result.errors[0]);
  return { release: result.data.codeSetRelease, kind: kind ?? '' };
}

const billable = (value: boolean | null) => (value === null ? '—' : value ? 'billable' : 'header');

export default function CodeSetReleasePage() {
  const { release, kind } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="release-title">
      <p>
        <Link to="/admin/code-sets">← Code sets</Link>
      </p>
      <h1 id="release-title">{release.name}</h1>
      <p>
        {CODE_SYSTEM_LABELS[release.system]} · effective {formatDate(release.effectiveOn)} ·{' '}
        {release.codeCount.toLocaleString('en-US')} codes (
        {release.billableCount.toLocaleString('en-US')} billable)
      </p>
      {release.previousReleaseName ? (
        <>
          <h2>Changes since {release.previousReleaseName}</h2>
          <p>
            {release.addedCount} added, {release.deletedCount} deleted, {release.changedCount}{' '}
            changed (description or billable flag).
          </p>
          <Form method="get" className="card filter-bar" aria-label="Filter changes" key={kind}>
            <div className="field">
              <label htmlFor="change-kind">Show</label>
              <select id="change-kind" name="kind" defaultValue={kind}>
                <option value="">All changes</option>
                {KINDS.map((value) => (
                  <option key={value} value={value}>
                    {KIND_LABELS[value]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-secondary">
              Filter
            </button>
          </Form>
          {release.changes.length === 200 ? (
            <p className="small muted">
              The first 200 changes by code are shown; choose a kind of change to narrow the list.
            </p>
          ) : null}
          <DataTable columns={['Code', 'Change', 'Before', 'Now']}>
            {release.changes.map((change) => (
              <tr key={change.code}>
                <td>
                  <code>{change.code}</code>
                </td>
                <td>{KIND_LABELS[change.kind]}</td>
                <td>
                  {change.oldDescription
                    ? `${change.oldDescription} (${billable(change.oldBillable)})`
                    : '—'}
                </td>
                <td>
                  {change.newDescription
                    ? `${change.newDescription} (${billable(change.newBillable)})`
                    : '—'}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : (
        <p className="muted">The first release of this system: nothing to compare.</p>
      )}
      <p className="small muted">{CODE_SET_SOURCES[release.system]}</p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
