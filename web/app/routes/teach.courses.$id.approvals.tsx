import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useNavigation } from '@remix-run/react';
import { ApprovalStatusBadge } from '../components/approval-status';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { ConfirmDisclosure, ConflictBanner, SelectField } from '../components/fields';
import { Field, FormError } from '../components/form';
import {
  useActionFailure,
  useFormFailure,
  useRevision,
  useTeachCourse,
} from '../components/teach-course';
import {
  AddCreditApprovalDocument,
  RemoveCreditApprovalDocument,
  type TeachCourseFragment,
  UpdateCreditApprovalDocument,
} from '../graphql/generated/graphql';
import { gql } from '../utils/api.server';
import { pageTitle } from '../utils/brand';
import { optionOf, revision, text } from '../utils/form-schemas';
import { creditBodyName, dateInputValue, formatDate } from '../utils/format';
import { failForm, parseForm, rejectForm, revisionOf } from '../utils/forms.server';
import { requireParam } from '../utils/invariant';
import { redirectWithFlash, requireAuthor } from '../utils/teach.server';
import { CREDIT_BODY_OPTIONS } from '../utils/teach-options';
import { z } from '../utils/zod';

export const meta: MetaFunction = () => [{ title: pageTitle('Credit approvals') }];

type Approval = TeachCourseFragment['creditApprovals'][number];

const approvalFields = {
  revision: revision(),
  body: optionOf(CREDIT_BODY_OPTIONS, 'Choose the approving body.'),
  bodyName: text(),
  approvalNumber: text(),
  approvedTitle: text(),
  ceuAmount: text(),
  category: text(),
  validFrom: text(),
  validUntil: text(),
};

/** The approval forms; the API checks numbers, amounts and dates and names the field to fix. */
const ApprovalSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('add-approval'), ...approvalFields }),
  z.object({ intent: z.literal('update-approval'), approvalId: text(), ...approvalFields }),
  z.object({
    intent: z.literal('remove-approval'),
    revision: revision(),
    approvalId: text(),
    label: text(),
  }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuthor(request);
  const courseId = requireParam(params, 'id');
  const here = `/teach/courses/${courseId}/approvals`;
  const formData = await request.formData();
  const submission = parseForm(formData, ApprovalSchema);
  if (submission.status !== 'success') {
    const intent = String(formData.get('intent') ?? '');
    if (submission.error?.intent) throw new Response('Unknown action', { status: 400 });
    const approvalId = String(formData.get('approvalId') ?? '').trim() || null;
    return rejectForm(submission, {
      intent,
      target: intent === 'add-approval' ? null : approvalId,
      revision: revisionOf(formData),
    });
  }
  const form = submission.value;
  const { intent, revision: seen } = form;

  if (form.intent === 'remove-approval') {
    const result = await gql(request, RemoveCreditApprovalDocument, {
      courseId,
      revision: seen,
      approvalId: form.approvalId,
    });
    if (result.errors) {
      return failForm(request, submission, result.errors, {
        intent,
        target: form.approvalId || null,
        revision: seen,
      });
    }
    return redirectWithFlash(here, `Approval ${form.label} removed.`);
  }

  const { intent: _intent, revision: _revision, ...values } = form;
  const input = {
    body: values.body,
    bodyName: values.bodyName || null,
    approvalNumber: values.approvalNumber,
    approvedTitle: values.approvedTitle,
    ceuAmount: values.ceuAmount,
    category: values.category || 'core',
    validFrom: values.validFrom,
    validUntil: values.validUntil,
  };
  const result =
    form.intent === 'add-approval'
      ? await gql(request, AddCreditApprovalDocument, { courseId, revision: seen, input })
      : await gql(request, UpdateCreditApprovalDocument, {
          courseId,
          revision: seen,
          approvalId: form.approvalId,
          input,
        });
  if (result.errors) {
    const target = form.intent === 'update-approval' ? form.approvalId || null : null;
    return failForm(request, submission, result.errors, { intent, target, revision: seen });
  }
  return redirectWithFlash(
    here,
    intent === 'add-approval'
      ? `Approval ${values.approvalNumber} added.`
      : `Approval ${values.approvalNumber} saved.`,
  );
}

function ApprovalFields({
  prefix,
  approval,
  values,
  errors,
}: {
  prefix: string;
  approval?: Approval;
  values: Record<string, string> | null;
  errors: Record<string, string[]>;
}) {
  const value = (key: keyof Approval & string, fallback = '') =>
    values?.[key] ?? (approval ? String(approval[key] ?? '') : fallback);
  return (
    <>
      <div className="field-row">
        <SelectField
          name="body"
          id={`${prefix}-body`}
          label="Approving body"
          options={CREDIT_BODY_OPTIONS}
          defaultValue={value('body', 'AAPC')}
          errors={errors.body}
        />
        <Field
          name="bodyName"
          id={`${prefix}-bodyName`}
          label="Body name (if Other)"
          defaultValue={value('bodyName')}
          errors={errors.bodyName}
        />
      </div>
      <div className="field-row">
        <Field
          name="approvalNumber"
          id={`${prefix}-approvalNumber`}
          label="Approval or index number"
          required
          defaultValue={value('approvalNumber')}
          errors={errors.approvalNumber}
        />
        <Field
          name="category"
          id={`${prefix}-category`}
          label="Category"
          hint="e.g. core, or a specialty"
          defaultValue={value('category', 'core')}
          errors={errors.category}
        />
      </div>
      <Field
        name="approvedTitle"
        id={`${prefix}-approvedTitle`}
        label="Approved program title"
        hint="Exactly as on the approval. AAPC requires it to match the course title."
        required
        defaultValue={value('approvedTitle')}
        errors={errors.approvedTitle}
      />
      <div className="field-row field-row-3">
        <Field
          name="ceuAmount"
          id={`${prefix}-ceuAmount`}
          label="CEUs"
          inputMode="decimal"
          placeholder="1.50"
          required
          defaultValue={value('ceuAmount')}
          errors={errors.ceuAmount}
        />
        <Field
          name="validFrom"
          id={`${prefix}-validFrom`}
          label="Valid from"
          type="date"
          required
          defaultValue={values?.validFrom ?? dateInputValue(approval?.validFrom)}
          errors={errors.validFrom}
        />
        <Field
          name="validUntil"
          id={`${prefix}-validUntil`}
          label="Valid until"
          type="date"
          required
          defaultValue={values?.validUntil ?? dateInputValue(approval?.validUntil)}
          errors={errors.validUntil}
        />
      </div>
    </>
  );
}

function ApprovalCard({ approval, revision }: { approval: Approval; revision: number }) {
  const edit = useFormFailure('update-approval', approval.id);
  const navigation = useNavigation();
  const saving =
    navigation.state !== 'idle' &&
    navigation.formData?.get('intent') === 'update-approval' &&
    navigation.formData?.get('approvalId') === approval.id;
  const label = `${creditBodyName(approval)} ${approval.approvalNumber}`;
  const headingId = `approval-${approval.id}`;
  return (
    <li
      className={`card approval-card${approval.problem ? ' has-problem' : ''}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>
        {creditBodyName(approval)} · {approval.approvalNumber}{' '}
        <ApprovalStatusBadge status={approval.status} />
      </h3>
      {approval.problem ? (
        <p className="alert alert-warning">
          <strong>Blocks publishing:</strong> {approval.problem}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>Approved title</dt>
          <dd>{approval.approvedTitle}</dd>
        </div>
        <div>
          <dt>CEUs</dt>
          <dd>
            {approval.ceuAmount} ({approval.category})
          </dd>
        </div>
        <div>
          <dt>Valid</dt>
          <dd>
            {formatDate(approval.validFrom)} – {formatDate(approval.validUntil)}
          </dd>
        </div>
      </dl>
      <details className="approval-edit" open={Boolean(edit.failure)}>
        <summary>Edit approval {approval.approvalNumber}</summary>
        <FormError message={edit.failure?.formError} id={`approval-error-${approval.id}`} />
        <Form key={revision} method="post" noValidate className="form" preventScrollReset>
          <input type="hidden" name="intent" value="update-approval" />
          <input type="hidden" name="approvalId" value={approval.id} />
          <input type="hidden" name="revision" value={revision} />
          <ApprovalFields
            prefix={`approval-${approval.id}`}
            approval={approval}
            values={edit.values}
            errors={edit.errors}
          />
          <button type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save approval'}
          </button>
        </Form>
      </details>
      <ConfirmDisclosure summary="Remove…">
        <p>Remove approval {label} from the draft? Published versions keep it.</p>
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="remove-approval" />
          <input type="hidden" name="approvalId" value={approval.id} />
          <input type="hidden" name="revision" value={revision} />
          <input type="hidden" name="label" value={label} />
          <button type="submit" className="button-danger">
            Remove approval {label}
          </button>
        </Form>
      </ConfirmDisclosure>
    </li>
  );
}

export default function ApprovalsPage() {
  const { course } = useTeachCourse();
  const pageFailure = useActionFailure();
  const revision = useRevision(course.revision);
  const add = useFormFailure('add-approval');
  const navigation = useNavigation();
  const adding =
    navigation.state !== 'idle' && navigation.formData?.get('intent') === 'add-approval';
  const removeError =
    pageFailure?.intent === 'remove-approval' && !pageFailure.conflict
      ? pageFailure.formError
      : null;

  return (
    <section aria-labelledby="approvals-title">
      <ConflictBanner message={pageFailure?.conflict} />
      <FormError message={removeError} id="remove-approval-error" />
      <h2 id="approvals-title">Credit approvals</h2>
      <p className="lead">
        Continuing-education approvals you hold for this course. Learners see the body, CEUs and
        validity; the number appears on their certificate. These are the draft’s approvals; the
        published versions’ approvals, their expiry and their rosters are on{' '}
        <Link to="/teach/approvals">Credit approvals</Link>.
      </p>
      {course.creditApprovals.length === 0 ? (
        <p className="empty">No approvals yet. Exam-prep courses usually carry none.</p>
      ) : (
        <ul className="approval-list">
          {course.creditApprovals.map((approval) => (
            <ApprovalCard key={approval.id} approval={approval} revision={revision} />
          ))}
        </ul>
      )}

      <section aria-labelledby="add-approval-title" className="card">
        <h3 id="add-approval-title">Add an approval</h3>
        <FormError message={add.failure?.formError} id="add-approval-error" />
        <Form
          key={revision}
          method="post"
          noValidate
          className="form"
          aria-labelledby="add-approval-title"
          preventScrollReset
        >
          <input type="hidden" name="intent" value="add-approval" />
          <input type="hidden" name="revision" value={revision} />
          <ApprovalFields prefix="new-approval" values={add.values} errors={add.errors} />
          <button type="submit" disabled={adding}>
            {adding ? 'Adding…' : 'Add approval'}
          </button>
        </Form>
      </section>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
