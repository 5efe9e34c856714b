import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { DataTable } from '../components/data-table';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { FailedJobsDocument } from '../graphql/generated/graphql';
import { gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { formatDateTime } from '../utils/format';
import { requireAdmin } from '../utils/teach.server';
import { useTimeZone } from '../utils/time-zone';

export const meta: MetaFunction = () => [{ title: pageTitle('Failed jobs') }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { failedJobs } = await gqlData(request, FailedJobsDocument, {});
  return { jobs: failedJobs };
}

export default function FailedJobsPage() {
  const timeZone = useTimeZone();
  const { jobs } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="jobs-title">
      <h1 id="jobs-title">Failed jobs</h1>
      <p className="lead">
        Background jobs whose last run failed, newest first. Retrying jobs run again by themselves
        (with growing delays); failed ones ran out of attempts and need the cause fixed.
      </p>
      {jobs.length === 0 ? (
        <p className="empty">No failed jobs.</p>
      ) : (
        <DataTable columns={['Task', 'State', 'Attempts', 'Error', 'Next run (UTC)']}>
          {jobs.map((job) => (
            <tr key={job.id}>
              <th scope="row" data-label="Task">
                <code>{job.task}</code>
              </th>
              <td data-label="State">{job.state === 'FAILED' ? 'Failed' : 'Retrying'}</td>
              <td data-label="Attempts">
                {job.attempts} of {job.maxAttempts}
              </td>
              <td data-label="Error">
                <code className="small">{job.lastError}</code>
              </td>
              <td data-label="Next run">
                {job.state === 'FAILED' ? (
                  <span className="muted">none</span>
                ) : (
                  <time dateTime={job.runAt}>{formatDateTime(job.runAt, timeZone)}</time>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
