import { getFormProps, useForm } from '@conform-to/react';
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import type { z } from 'zod';
import { GeneralErrorBoundary } from '../../components/error-boundary';
import { Field, FormError } from '../../components/form';
import { useFailedForm } from '../../components/teach-course';
import {
  type CreditBody,
  MyTranscriptDocument,
  type MyTranscriptQuery,
} from '../../graphql/generated/graphql';
import { gqlData } from '../../utils/api.server';
import { pageTitle } from '../../utils/brand';
import { formatDate } from '../../utils/format';
import { requireViewer } from '../../utils/session.server';
import { SelfReportedCreditSchema } from '../../utils/transcript-schemas';

import { action } from './transcript.server';

export { action };

export const meta: MetaFunction = () => [{ title: pageTitle('CEU transcript') }];

const BODIES: { value: CreditBody; label: string }[] = [
  { value: 'AAPC', label: 'AAPC' },
  { value: 'AHIMA', label: 'AHIMA' },
  { value: 'PMI', label: 'PMI' },
  { value: 'IACET', label: 'IACET' },
  { value: 'OTHER', label: 'Other' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  const data = await gqlData(request, MyTranscriptDocument);
  // "Add your AAPC credential" links here with ?body=AAPC: the form starts on that body.
  const body = new URL(request.url).searchParams.get('body');
  return { ...data, suggestedBody: BODIES.some((b) => b.value === body) ? body : null };
}

function BodySelect({ id, value, errors }: { id: string; value?: string; errors?: string[] }) {
  return (
    <div className={errors?.length ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>Body</label>
      <select
        key={value ?? 'AAPC'}
        id={id}
        name="body"
        defaultValue={value ?? 'AAPC'}
        aria-invalid={errors?.length ? true : undefined}
      >
        {BODIES.map((body) => (
          <option key={body.value} value={body.value}>
            {body.label}
          </option>
        ))}
      </select>
      {errors?.length ? <p className="field-error">{errors.join(' ')}</p> : null}
    </div>
  );
}

type Entry = MyTranscriptQuery['myTranscript']['cycles'][number]['entries'][number];

function EntriesTable({ caption, entries }: { caption: string; entries: Entry[] }) {
  return (
    <table className="data-table transcript-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Program</th>
          <th scope="col">CEUs</th>
          <th scope="col">Source</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={`${entry.serial ?? entry.selfReportedId}-${entry.body}`}>
            <td>{formatDate(entry.date)}</td>
            <td>
              {entry.title}
              <span className="muted small">
                {' '}
                · {entry.provider}
                {entry.indexNumber ? ` · index number ${entry.indexNumber}` : ''}
              </span>
            </td>
            <td className="numeric">{entry.ceuAmount}</td>
            <td>
              {entry.source === 'CERTIFICATE' ? (
                <Link to={`/verify/${entry.serial}`}>Certificate {entry.serial}</Link>
              ) : (
                'Self-reported'
              )}
            </td>
            <td>
              {entry.selfReportedId ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove-self-reported" />
                  <input type="hidden" name="id" value={entry.selfReportedId} />
                  <button type="submit" className="button button-danger-outline button-small">
                    Remove<span className="visually-hidden"> {entry.title}</span>
                  </button>
                </Form>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function TranscriptPage() {
  const { myTranscript, myCredentials, suggestedBody } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = useFailedForm();
  const credentialFailure = failed('add-credential');
  const [selfForm, self] = useForm<z.input<typeof SelfReportedCreditSchema>>({
    id: 'self-reported',
    lastResult:
      actionData && 'intent' in actionData && actionData.intent === 'add-self-reported'
        ? actionData.result
        : undefined,
  });
  return (
    <section aria-labelledby="transcript-title">
      <div className="page-header">
        <h1 id="transcript-title">CEU transcript</h1>
        <p className="lead">
          Continuing-education units per credential and renewal cycle: from your{' '}
          <Link to="/certificates">certificates</Link> and what you add yourself. Each body’s CEUs
          count only toward that body’s credentials.
        </p>
        <p className="alert alert-info" role="note">
          This transcript is an estimate computed from the records kept here and the renewal rules
          as entered by the administrator. It is not a certifying body’s record: the body’s own CEU
          tracker is the record of your compliance (for example AAPC’s CEU Tracker or AHIMA’s
          recertification portal). Check it there before your cycle ends.
        </p>
        <p className="form-actions">
          <a className="button button-secondary" href="/transcript/export/pdf" download>
            Export PDF
          </a>
          <a className="button button-secondary" href="/transcript/export/csv" download>
            Export CSV
          </a>
        </p>
      </div>

      {myTranscript.uncounted.map((group) => {
        const id = `uncounted-${group.body}`;
        const suggestion = group.suggestedCredentials.length
          ? `your ${group.body} credential (${group.suggestedCredentials.join(', ')} or another)`
          : `your ${group.body} credential`;
        return (
          <article key={id} className="card transcript-cycle" aria-labelledby={id}>
            <h2 id={id} className="card-title">
              {group.body}: {group.earned} CEUs earned
            </h2>
            <p className="cycle-summary">
              Not yet counted toward a renewal cycle.{' '}
              <Link to={`?body=${group.body}#add-credential-title`}>Add {suggestion}</Link> to see
              how many you still need and by when.
            </p>
            <EntriesTable caption={`${group.body} CEUs earned`} entries={group.entries} />
          </article>
        );
      })}
      {myTranscript.cycles.length === 0 && myTranscript.uncounted.length === 0 ? (
        <p className="empty">
          No CEUs yet: finish a course with credit, or add CEUs earned elsewhere below. Add your
          credential to see its renewal cycle.
        </p>
      ) : (
        myTranscript.cycles.map((cycle) => {
          const id = `cycle-${cycle.body}-${cycle.cycleStart}`;
          return (
            <article key={id} className="card transcript-cycle" aria-labelledby={id}>
              <h2 id={id} className="card-title">
                {cycle.label}: {formatDate(cycle.cycleStart)} – {formatDate(cycle.cycleEnd)}
                {cycle.current ? (
                  <span className="status status-published">Current cycle</span>
                ) : null}
              </h2>
              <p className="cycle-summary">
                <strong>
                  {cycle.earned} of {cycle.required}
                </strong>{' '}
                CEUs earned · {cycle.remaining} still needed · cycle ends{' '}
                {formatDate(cycle.cycleEnd)}
                {cycle.coreMinimum
                  ? ` · core ${cycle.coreEarned} of at least ${cycle.coreMinimum}`
                  : ''}
                {cycle.credentialMinimums.map(
                  (own) => ` · ${own.credential} ${own.earned} of at least ${own.minimum}`,
                )}
              </p>
              <progress
                className="ceu-progress"
                max={100}
                value={cycle.percent}
                aria-label={`${cycle.label}: ${cycle.earned} of ${cycle.required} CEUs (${cycle.percent}%)`}
              >
                {cycle.percent}%
              </progress>
              {cycle.entries.length === 0 ? (
                <p className="muted">No CEUs recorded in this cycle yet.</p>
              ) : (
                <EntriesTable caption={`Entries of ${cycle.label}`} entries={cycle.entries} />
              )}
            </article>
          );
        })
      )}

      <div className="transcript-forms">
        <section aria-labelledby="credentials-title" className="card">
          <h2 id="credentials-title">Your credentials</h2>
          {myCredentials.length === 0 ? (
            <p className="muted">None recorded yet.</p>
          ) : (
            <ul className="plain-list">
              {myCredentials.map((credential) => (
                <li key={credential.id} className="credential-row">
                  {credential.credential} ({credential.body}), certified{' '}
                  {formatDate(credential.certifiedOn)}{' '}
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="remove-credential" />
                    <input type="hidden" name="id" value={credential.id} />
                    <button type="submit" className="button button-danger-outline button-small">
                      Remove<span className="visually-hidden"> {credential.credential}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
          <h3 id="add-credential-title">Add a credential</h3>
          <FormError id="credential-form-error" message={credentialFailure?.formError} />
          <Form method="post" className="form" aria-labelledby="add-credential-title" noValidate>
            <input type="hidden" name="intent" value="add-credential" />
            <BodySelect
              id="credential-body"
              value={credentialFailure?.values.body ?? suggestedBody ?? undefined}
              errors={credentialFailure?.fieldErrors.body}
            />
            <Field
              id="credential-name"
              name="credential"
              label="Credential"
              hint="Its abbreviation, e.g. CPC, CCS, RHIA, CMC."
              defaultValue={credentialFailure?.values.credential}
              errors={credentialFailure?.fieldErrors.credential}
            />
            <Field
              id="credential-date"
              name="certifiedOn"
              type="date"
              label="Certified on"
              hint="The exam date: your renewal cycles start here."
              defaultValue={credentialFailure?.values.certifiedOn}
              errors={credentialFailure?.fieldErrors.certifiedOn}
            />
            <button type="submit" className="button">
              Add credential
            </button>
          </Form>
        </section>

        <section aria-labelledby="self-title" className="card">
          <h2 id="self-title">Add CEUs earned elsewhere</h2>
          <p className="muted">They appear on your transcript marked “self-reported”.</p>
          <FormError id="self-form-error" message={selfForm.errors?.[0]} />
          <Form
            method="post"
            className="form"
            aria-labelledby="self-title"
            {...getFormProps(selfForm)}
          >
            <input type="hidden" name="intent" value="add-self-reported" />
            <BodySelect id="self-body" value={self.body.initialValue} errors={self.body.errors} />
            <Field id="self-title-field" meta={self.title} label="Program title" />
            <Field id="self-provider" meta={self.provider} label="Provider" />
            <Field id="self-date" meta={self.completedOn} type="date" label="Completed on" />
            <Field
              id="self-ceus"
              meta={self.ceuAmount}
              label="CEUs"
              inputMode="decimal"
              hint="As approved, e.g. 1.5."
            />
            <Field
              id="self-category"
              meta={self.category}
              label="Category (optional)"
              hint="Default: core."
            />
            <Field id="self-note" meta={self.note} label="Note (optional)" />
            <button type="submit" className="button">
              Add credit
            </button>
          </Form>
        </section>
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
