import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { Field, FormError } from '../components/form';
import { useActionFailure } from '../components/teach-course';
import {
  CertificateNameCorrectionsDocument,
  ResolveCertificateNameCorrectionDocument,
} from '../graphql/generated/graphql';
import { gql, gqlData } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { text } from '../utils/form-schemas';
import { formatDate } from '../utils/format';
import { failForm, parseForm, rejectForm } from '../utils/forms.server';
import { redirectWithFlash, requireAdmin } from '../utils/teach.server';
import { z } from '../utils/zod';

export const meta: MetaFunction = () => [{ title: pageTitle('Name corrections · Admin') }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { certificateNameCorrections } = await gqlData(
    request,
    CertificateNameCorrectionsDocument,
    { status: 'PENDING' },
  );
  return { requests: certificateNameCorrections };
}

const ResolveSchema = z.object({
  intent: z.enum(['apply', 'reject']),
  id: text(),
  note: text(),
});

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const formData = await request.formData();
  const submission = parseForm(formData, ResolveSchema);
  if (submission.status !== 'success') {
    if (submission.error?.intent) throw new Response('Unknown action', { status: 400 });
    return rejectForm(submission, { intent: 'resolve', target: String(formData.get('id')) });
  }
  const { intent, id, note } = submission.value;
  const result = await gql(request, ResolveCertificateNameCorrectionDocument, {
    id,
    apply: intent === 'apply',
    note: note || null,
  });
  if (result.errors) return failForm(request, submission, result.errors, { intent, target: id });
  const resolved = result.data.resolveCertificateNameCorrection;
  return redirectWithFlash(
    '/admin/name-corrections',
    intent === 'apply'
      ? `Applied: the learner’s certificates were reissued as “${resolved.requestedName}”.`
      : 'Rejected: nothing was changed.',
  );
}

export default function NameCorrectionsPage() {
  const { requests } = useLoaderData<typeof loader>();
  const actionData = useActionFailure();
  return (
    <section aria-labelledby="name-corrections-title">
      <h1 id="name-corrections-title">Name corrections</h1>
      <p className="lead">
        Learners ask here to change the name printed on their certificates. Applying one reissues
        every valid certificate of the learner with the new name; the old ones are revoked with the
        reason and verify as superseded.
      </p>
      {requests.length === 0 ? (
        <p className="empty-state">No request is waiting.</p>
      ) : (
        <ul className="plain-list">
          {requests.map((item) => {
            const failed = actionData?.target === item.id ? actionData : null;
            const headingId = `correction-${item.id}`;
            return (
              <li key={item.id} className="card">
                <h2 id={headingId}>
                  “{item.currentName}” → “{item.requestedName}”
                </h2>
                <p className="muted">
                  {item.learnerEmail} · asked {formatDate(item.createdAt)}
                </p>
                {item.note ? <p>Learner’s note: {item.note}</p> : null}
                <Form method="post" className="form" aria-labelledby={headingId} noValidate>
                  <FormError
                    id={`correction-${item.id}-error`}
                    message={failed?.conflict ?? failed?.formError}
                  />
                  <input type="hidden" name="id" value={item.id} />
                  <Field
                    id={`correction-${item.id}-note`}
                    name="note"
                    label="Note to the learner (optional)"
                    defaultValue={failed?.values.note ?? ''}
                    errors={failed?.fieldErrors.note}
                  />
                  <div className="form-actions">
                    <button type="submit" name="intent" value="apply" className="button">
                      Apply and reissue
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value="reject"
                      className="button button-secondary"
                    >
                      Reject
                    </button>
                  </div>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
