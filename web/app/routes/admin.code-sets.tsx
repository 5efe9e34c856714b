import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { DataTable } from '../components/data-table';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { CodeSetAdminDocument } from '../graphql/generated/graphql';
import { getClientIp, gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { CODE_SET_SOURCES, CODE_SYSTEM_LABELS, CODE_SYSTEMS } from '../utils/code-sets';
import { getSessionToken } from '../utils/cookies.server';
import { apiOrigin } from '../utils/downloads.server';
import { formatDate } from '../utils/format';
import { redirectWithFlash } from '../utils/learning.server';
import { requireAdmin } from '../utils/teach.server';

/** Largest upload the web app forwards (the API refuses above 64 MB too). */
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024 + 64 * 1024;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle('Code sets') },
  // Without JavaScript the page refreshes itself while an import runs (the progress bar moves).
  ...(data?.running ? [{ httpEquiv: 'refresh', content: '2' }] : []),
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { codeSetImports, codeSetReleases } = await gqlData(request, CodeSetAdminDocument);
  return {
    imports: codeSetImports,
    releases: codeSetReleases,
    running: codeSetImports.some((job) => job.status === 'RUNNING'),
  };
}

/**
 * Forwards the browser's multipart form as it is (streamed, never buffered here) to the API's
 * upload route, which stores the file and starts the import.
 */
export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const back = '/admin/code-sets';
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_UPLOAD_BYTES) {
    return redirectWithFlash(
      back,
      'The file is larger than 64 MB: upload the plain-text code file.',
      'error',
    );
  }
  const token = await getSessionToken(request);
  const headers = new Headers({
    authorization: `Bearer ${token ?? ''}`,
    'content-type': request.headers.get('content-type') ?? '',
  });
  const ip = getClientIp(request);
  if (ip) headers.set('x-forwarded-for', ip);
  let response: Response;
  try {
    response = await fetch(`${apiOrigin()}/code-sets/imports`, {
      method: 'POST',
      headers,
      body: request.body,
      duplex: 'half', // Node's fetch needs it for a streamed request body
      signal: AbortSignal.timeout(120_000),
    });
  } catch {
    return redirectWithFlash(
      back,
      'The CodeCred service is not reachable right now. Try again.',
      'error',
    );
  }
  const body = (await response.json().catch(() => null)) as {
    import?: { name: string };
    error?: { message?: string; fieldErrors?: Record<string, string[]> };
  } | null;
  if (!response.ok || !body?.import) {
    const detail = Object.values(body?.error?.fieldErrors ?? {}).flat();
    return redirectWithFlash(
      back,
      detail.length > 0
        ? detail.join(' ')
        : (body?.error?.message ?? 'The upload failed. Try again.'),
      'error',
    );
  }
  return redirectWithFlash(back, `Importing “${body.import.name}”: progress is shown below.`);
}

const percent = (done: number, total: number) =>
  total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;

export default function AdminCodeSetsPage() {
  const { imports, releases, running } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const uploading = navigation.state === 'submitting';
  return (
    <section aria-labelledby="code-sets-title">
      <h1 id="code-sets-title">Code sets</h1>
      <p className="muted">
        Import a release from its official file: the ICD-10-CM or ICD-10-PCS <em>order</em> file
        (e.g. <code>icd10cm_order_2027.txt</code>) or the HCPCS Level II record file (
        <code>HCPC2027_JAN_ANWEB.txt</code>). Importing the same file again changes nothing; a bad
        line stops the import with its line number and nothing is imported. CPT codes are refused.
      </p>
      <Form
        method="post"
        encType="multipart/form-data"
        className="card stack"
        aria-label="Import a code-set release"
      >
        <h2>Import a release</h2>
        <div className="field">
          <label htmlFor="code-set-system">Code system</label>
          <select id="code-set-system" name="system" required defaultValue="ICD10CM">
            {CODE_SYSTEMS.map((system) => (
              <option key={system} value={system}>
                {CODE_SYSTEM_LABELS[system]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="code-set-effective">Effective date</label>
          <input id="code-set-effective" name="effectiveOn" type="date" required />
          <p className="hint">
            ICD-10 releases start October 1 (FY2027: 2026-10-01); HCPCS quarterly.
          </p>
        </div>
        <div className="field">
          <label htmlFor="code-set-name">Name (optional)</label>
          <input
            id="code-set-name"
            name="name"
            type="text"
            maxLength={80}
            aria-describedby="code-set-name-hint"
          />
          <p className="hint" id="code-set-name-hint">
            Default: “ICD-10-CM FY2027” from the system and date.
          </p>
        </div>
        <div className="field">
          <label htmlFor="code-set-file">File (plain text, at most 64 MB)</label>
          <input id="code-set-file" name="file" type="file" accept=".txt,text/plain" required />
        </div>
        <button type="submit" className="button" disabled={uploading}>
          {uploading ? 'Uploading…' : 'Import'}
        </button>
      </Form>

      <h2>Imports</h2>
      {running ? (
        <p className="small muted">
          This page refreshes every 2 seconds while an import runs. <Link to=".">Refresh now</Link>
        </p>
      ) : null}
      {imports.length === 0 ? (
        <p className="muted">No imports yet.</p>
      ) : (
        <ul className="stack" aria-label="Imports">
          {imports.map((job) => (
            <li key={job.id} className="card">
              <p>
                <strong>{job.name}</strong> · {CODE_SYSTEM_LABELS[job.system]} · {job.fileName} ·{' '}
                <span className={`status status-${job.status.toLowerCase()}`}>
                  {job.status === 'RUNNING'
                    ? 'Running'
                    : job.status === 'SUCCEEDED'
                      ? 'Imported'
                      : 'Failed'}
                </span>
              </p>
              <label>
                Progress: {job.processedLines.toLocaleString('en-US')} of{' '}
                {job.totalLines.toLocaleString('en-US')} lines
                <progress
                  value={job.status === 'RUNNING' ? job.processedLines : job.totalLines}
                  max={Math.max(job.totalLines, 1)}
                >
                  {percent(job.processedLines, job.totalLines)}%
                </progress>
              </label>
              {job.message ? (
                <p
                  role={job.status === 'FAILED' ? 'alert' : undefined}
                  className={job.status === 'FAILED' ? 'alert alert-error' : 'small'}
                >
                  {job.message}
                </p>
              ) : null}
              {job.releaseId ? (
                <p className="small">
                  <Link to={`/admin/code-sets/${job.releaseId}`}>Release and its changes</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h2>Loaded releases</h2>
      {releases.length === 0 ? (
        <p className="muted">No release is loaded: quiz items are checked by code format only.</p>
      ) : (
        <DataTable
          columns={[
            'Release',
            'Effective',
            'Codes (billable)',
            'Changes since the previous release',
          ]}
        >
          {releases.map((release) => (
            <tr key={release.id}>
              <td>
                <Link to={`/admin/code-sets/${release.id}`}>{release.name}</Link>
              </td>
              <td>{formatDate(release.effectiveOn)}</td>
              <td>
                {release.codeCount.toLocaleString('en-US')} (
                {release.billableCount.toLocaleString('en-US')})
              </td>
              <td>
                {release.previousReleaseName
                  ? `${release.addedCount} added, ${release.deletedCount} deleted, ${release.changedCount} changed (vs ${release.previousReleaseName})`
                  : 'First release of this system'}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <p className="small muted">{CODE_SET_SOURCES.ICD10CM}</p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
