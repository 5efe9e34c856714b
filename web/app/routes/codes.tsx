import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { DataTable } from '../components/data-table';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { CodeLookupDocument } from '../graphql/generated/graphql';
import { errorResponse, gql } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import {
  CODE_SET_SOURCES,
  CODE_SYSTEM_LABELS,
  CODE_SYSTEMS,
  isCodeSystem,
} from '../utils/code-sets';

export const meta: MetaFunction = () => [{ title: pageTitle('Code look-up') }];

/** GET /codes?system=ICD10CM&q=E11: the code look-up (anyone; the codes are public). */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const systemParam = url.searchParams.get('system') ?? 'ICD10CM';
  const system = isCodeSystem(systemParam) ? systemParam : 'ICD10CM';
  const query = (url.searchParams.get('q') ?? '').slice(0, 100);
  const releaseId = url.searchParams.get('release') || null;
  const result = await gql(request, CodeLookupDocument, { system, query, releaseId });
  if (result.errors) {
    const [error] = result.errors;
    if (error.code !== 'BAD_USER_INPUT' && error.code !== 'NOT_FOUND')
      throw errorResponse(request, error);
    return { system, query, releaseId, lookup: null, releases: [], problem: error.message };
  }
  return {
    system,
    query,
    releaseId,
    lookup: result.data.codeLookup,
    releases: result.data.codeSetReleases,
    problem: null,
  };
}

export default function CodeLookupPage() {
  const { system, query, releaseId, lookup, releases, problem } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="lookup-title" className="container">
      <h1 id="lookup-title">Code look-up</h1>
      <p className="muted">
        Search by a code or its beginning (E11, e11.6, 0DT) or by words of the description (low back
        pain). Header codes are categories, not billable on a claim.
      </p>
      <Form method="get" className="card filter-bar" aria-label="Look up codes">
        <div className="field">
          <label htmlFor="lookup-system">Code set</label>
          <select id="lookup-system" name="system" defaultValue={system}>
            {CODE_SYSTEMS.map((value) => (
              <option key={value} value={value}>
                {CODE_SYSTEM_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        {releases.length > 1 ? (
          <div className="field">
            <label htmlFor="lookup-release">Release</label>
            <select id="lookup-release" name="release" defaultValue={releaseId ?? ''}>
              <option value="">The one in force</option>
              {releases.map((release) => (
                <option key={release.id} value={release.id}>
                  {release.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="lookup-query">Code or words</label>
          <input id="lookup-query" name="q" type="search" defaultValue={query} maxLength={100} />
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </Form>
      {problem ? (
        <p className="alert alert-error" role="alert">
          {problem}
        </p>
      ) : null}
      {lookup && !lookup.release ? (
        <p className="muted">No {CODE_SYSTEM_LABELS[system]} release is loaded yet.</p>
      ) : null}
      {lookup?.release && query ? (
        <>
          <p aria-live="polite">
            {lookup.results.length === 0
              ? `Nothing found in ${lookup.release.name}.`
              : `${lookup.results.length} result${lookup.results.length === 1 ? '' : 's'} in ${lookup.release.name}.`}
          </p>
          {lookup.results.length > 0 ? (
            <DataTable columns={['Code', 'Description', 'Billable']}>
              {lookup.results.map((result) => (
                <tr key={result.code}>
                  <td>
                    <code>{result.code}</code>
                  </td>
                  <td>{result.longDescription}</td>
                  <td>{result.billable ? 'Yes' : 'No (header)'}</td>
                </tr>
              ))}
            </DataTable>
          ) : null}
        </>
      ) : null}
      <p className="small muted">{CODE_SET_SOURCES[system]}</p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
