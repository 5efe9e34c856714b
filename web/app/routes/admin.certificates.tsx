import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { CertificateFacts, CertificateStatusBadge } from '../components/certificate-view';
import { ConfirmCheckbox } from '../components/confirm-checkbox';
import { DataTable } from '../components/data-table';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { Field, FormError } from '../components/form';
import { Pager } from '../components/pager';
import { useFailedForm } from '../components/teach-course';
import {
  AdminCertificatesDocument,
  type CertificateStatus,
  ReissueCertificateDocument,
  RevokeCertificateDocument,
} from '../graphql/generated/graphql';
import { gql, gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { confirmed, text } from '../utils/form-schemas';
import { formatDateTime, formatDay } from '../utils/format';
import { failForm, parseForm, rejectForm } from '../utils/forms.server';
import { dropEmptySearchParams } from '../utils/search-params.server';
import { redirectWithFlash, requireAdmin } from '../utils/teach.server';
import { useTimeZone } from '../utils/time-zone';
import { z } from '../utils/zod';

export const meta: MetaFunction = () => [{ title: pageTitle('Certificates · Admin') }];

const PAGE_SIZE = 20;
const STATUSES: { value: CertificateStatus; label: string }[] = [
  { value: 'VALID' as CertificateStatus, label: 'Valid' },
  { value: 'REVOKED' as CertificateStatus, label: 'Revoked' },
  { value: 'SUPERSEDED' as CertificateStatus, label: 'Superseded' },
];

/**
 * Two views on one page: the search (learner name or email, course title, serial; a status;
 * pages of 20), and one certificate (`?serial=`) with its revoke and reissue forms.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const url = new URL(request.url);
  dropEmptySearchParams(url);
  const serial = url.searchParams.get('serial')?.trim() ?? '';
  if (serial) {
    const { certificates } = await gqlData(request, AdminCertificatesDocument, {
      first: 10,
      search: serial,
    });
    const hits = certificates.edges.map((edge) => edge.node);
    const wanted = serial.toUpperCase();
    const selected =
      hits.find((hit) => hit.certificate.serial === wanted) ??
      (hits.length === 1 ? hits[0] : null) ??
      null;
    return { mode: 'one' as const, serial, selected, search: '', status: '', page: null };
  }
  const search = url.searchParams.get('q')?.trim() ?? '';
  const statusParam = url.searchParams.get('status') ?? '';
  const status = STATUSES.find((s) => s.value === statusParam)?.value ?? null;
  const after = url.searchParams.get('after') || null;
  const { certificates } = await gqlData(request, AdminCertificatesDocument, {
    first: PAGE_SIZE,
    after,
    search: search || null,
    status,
  });
  const base = new URLSearchParams();
  if (search) base.set('q', search);
  if (status) base.set('status', status);
  return {
    mode: 'search' as const,
    serial: '',
    selected: null,
    search,
    status: status ?? '',
    page: {
      hits: certificates.edges.map((edge) => edge.node),
      totalCount: certificates.totalCount,
      nextHref:
        certificates.pageInfo.hasNextPage && certificates.pageInfo.endCursor
          ? `/admin/certificates?${new URLSearchParams([...base, ['after', certificates.pageInfo.endCursor]])}`
          : null,
      firstHref: after ? `/admin/certificates${base.size ? `?${base}` : ''}` : null,
    },
  };
}

const CertificateActionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('revoke'),
    id: text(),
    reason: text(),
    confirm: confirmed(
      'Tick the box to confirm: a revoked certificate cannot be made valid again.',
    ),
  }),
  z.object({ intent: z.literal('reissue'), id: text(), reason: text(), participantName: text() }),
]);

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const formData = await request.formData();
  const submission = parseForm(formData, CertificateActionSchema);
  if (submission.status !== 'success') {
    const intent = formData.get('intent');
    if (intent !== 'revoke' && intent !== 'reissue') {
      throw new Response('Unknown action', { status: 400 });
    }
    return rejectForm(submission, { intent });
  }
  const form = submission.value;
  const { intent } = form;
  if (form.intent === 'revoke') {
    const result = await gql(request, RevokeCertificateDocument, {
      id: form.id,
      reason: form.reason,
    });
    if (result.errors) return failForm(request, submission, result.errors, { intent });
    const serial = result.data.revokeCertificate.serial;
    return redirectWithFlash(
      `/admin/certificates?serial=${serial}`,
      `Certificate ${serial} revoked. Its verify page and the status list now say so.`,
    );
  }
  const result = await gql(request, ReissueCertificateDocument, {
    id: form.id,
    reason: form.reason,
    participantName: form.participantName || null,
  });
  if (result.errors) return failForm(request, submission, result.errors, { intent });
  const serial = result.data.reissueCertificate.serial;
  return redirectWithFlash(
    `/admin/certificates?serial=${serial}`,
    `Reissued as ${serial}; the old certificate now verifies as superseded.`,
  );
}

type Hit = NonNullable<Awaited<ReturnType<typeof loader>>['selected']>;

function Revocation({ hit }: { hit: Hit }) {
  const timeZone = useTimeZone();
  const { certificate } = hit;
  if (!certificate.revokedAt) return null;
  return (
    <div className="alert alert-info revocation-note">
      <p>
        <strong>Revoked</strong> {formatDateTime(certificate.revokedAt, timeZone)}
        {hit.revokedByName ? ` by ${hit.revokedByName}` : ' by the system'}.
      </p>
      {certificate.revocationReason ? <p>Reason: {certificate.revocationReason}</p> : null}
    </div>
  );
}

function OneCertificate({ hit }: { hit: Hit }) {
  const failed = useFailedForm();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' ? navigation.formData?.get('intent') : null;
  const { certificate } = hit;
  return (
    <div className="card">
      <h2>
        {certificate.serial} <CertificateStatusBadge status={certificate.status} />
      </h2>
      <p className="muted">
        Held by {hit.holderName} ({hit.holderEmail}).{' '}
        <Link to={`/verify/${certificate.serial}`}>Public verify page</Link>
      </p>
      <Revocation hit={hit} />
      <CertificateFacts certificate={certificate} />
      <p className="form-actions">
        <a
          className="button button-secondary button-small"
          href={`/certificates/${certificate.serial}/audit-packet`}
          download
        >
          Audit packet (PDF)
        </a>
        <a
          className="button button-secondary button-small"
          href={`/certificates/${certificate.serial}/audit-packet.json`}
          download
        >
          Audit packet (JSON)
        </a>
      </p>
      {certificate.status === 'VALID' ? (
        <div className="transcript-forms">
          <Form method="post" className="form" aria-labelledby="revoke-title" noValidate>
            <h3 id="revoke-title">Revoke</h3>
            <FormError id="revoke-error" message={failed('revoke')?.formError} />
            <input type="hidden" name="intent" value="revoke" />
            <input type="hidden" name="id" value={certificate.id} />
            <Field
              id="revoke-reason"
              name="reason"
              label="Reason (shown on the verify page)"
              required
              minLength={3}
              maxLength={500}
              defaultValue={failed('revoke')?.values.reason}
              errors={failed('revoke')?.fieldErrors.reason}
            />
            <ConfirmCheckbox id="revoke-confirm" error={failed('revoke')?.fieldErrors.confirm?.[0]}>
              Revoke {certificate.serial} for good: it will verify as revoked, with this reason
            </ConfirmCheckbox>
            <button type="submit" className="button button-danger" disabled={busy === 'revoke'}>
              {busy === 'revoke' ? 'Revoking…' : 'Revoke certificate'}
            </button>
          </Form>
          <Form method="post" className="form" aria-labelledby="reissue-title" noValidate>
            <h3 id="reissue-title">Reissue with a correction</h3>
            <FormError id="reissue-error" message={failed('reissue')?.formError} />
            <input type="hidden" name="intent" value="reissue" />
            <input type="hidden" name="id" value={certificate.id} />
            <Field
              id="reissue-name"
              name="participantName"
              label="Corrected participant name"
              defaultValue={certificate.participantName}
              errors={failed('reissue')?.fieldErrors.participantName}
            />
            <Field
              id="reissue-reason"
              name="reason"
              label="Reason"
              errors={failed('reissue')?.fieldErrors.reason}
            />
            <button type="submit" className="button">
              Reissue
            </button>
          </Form>
        </div>
      ) : null}
    </div>
  );
}

export default function AdminCertificatesPage() {
  const timeZone = useTimeZone();
  const { mode, serial, selected, search, status, page } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="admin-certificates-title" className="admin-certificates">
      <h1 id="admin-certificates-title">Certificates</h1>
      <Form
        method="get"
        className="card filter-bar"
        aria-label="Find certificates"
        key={`${search}|${status}`}
      >
        <div className="field">
          <label htmlFor="certificates-q">Learner, course or serial</label>
          <input
            id="certificates-q"
            name="q"
            type="search"
            defaultValue={search || serial}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="field">
          <label htmlFor="certificates-status">Status</label>
          <select id="certificates-status" name="status" defaultValue={status}>
            <option value="">Any status</option>
            {STATUSES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </Form>
      {mode === 'one' ? (
        <>
          <p>
            <Link to="/admin/certificates">← All certificates</Link>
          </p>
          {selected ? (
            <OneCertificate hit={selected} />
          ) : (
            <p className="alert alert-warning">No certificate has the serial “{serial}”.</p>
          )}
        </>
      ) : page ? (
        <>
          <p className="results-count" aria-live="polite">
            {page.totalCount === 1 ? '1 certificate' : `${page.totalCount} certificates`}
          </p>
          {page.hits.length === 0 ? (
            <p className="empty">No certificate matches. Try part of a name, email or title.</p>
          ) : (
            <DataTable
              className="certificate-search-table"
              columns={['Serial', 'Learner', 'Course', 'Issued', 'Status']}
            >
              {page.hits.map((hit) => (
                <tr key={hit.certificate.id}>
                  <th scope="row" data-label="Serial">
                    <Link to={`/admin/certificates?serial=${hit.certificate.serial}`}>
                      {hit.certificate.serial}
                    </Link>
                  </th>
                  <td data-label="Learner">
                    {hit.holderName}
                    <br />
                    <span className="small muted">{hit.holderEmail}</span>
                  </td>
                  <td data-label="Course">{hit.certificate.programTitle}</td>
                  <td data-label="Issued">{formatDay(hit.certificate.issuedAt, timeZone)}</td>
                  <td data-label="Status">
                    <CertificateStatusBadge status={hit.certificate.status} />
                    {hit.certificate.revocationReason ? (
                      <p className="small muted">Reason: {hit.certificate.revocationReason}</p>
                    ) : null}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          <Pager
            firstHref={page.firstHref}
            nextHref={page.nextHref}
            firstLabel="Newest"
            nextLabel="Older"
          />
        </>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
