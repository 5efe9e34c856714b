import type { MetaFunction } from '@remix-run/node';
import { Form, Link, useNavigation } from '@remix-run/react';
import { ApprovalFacts, ApprovalStatusBadge } from '../../components/approval-status';
import { ConfirmedPost } from '../../components/confirmed-post';
import { GeneralErrorBoundary } from '../../components/error-boundary';
import { ConflictBanner, SelectField } from '../../components/fields';
import { Field, FormError } from '../../components/form';
import {
  useActionFailure,
  useFormFailure,
  useRevision,
  useTeachCourse,
} from '../../components/teach-course';
import { type TeachCourseFragment } from '../../graphql/generated/graphql';
import { pageTitle } from '../../utils/brand';
import { creditBodyName, dateInputValue } from '../../utils/format';
import { CREDIT_BODY_OPTIONS } from '../../utils/teach-options';

export { action } from './approvals.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Credit approvals') }];

type Approval = TeachCourseFragment['creditApprovals'][number];

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
      <ApprovalFacts approval={approval} />
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
      <ConfirmedPost
        summary="Remove…"
        fields={{ intent: 'remove-approval', approvalId: approval.id, revision, label }}
        button={`Remove approval ${label}`}
        preventScrollReset
      >
        <p>Remove approval {label} from the draft? Published versions keep it.</p>
      </ConfirmedPost>
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
