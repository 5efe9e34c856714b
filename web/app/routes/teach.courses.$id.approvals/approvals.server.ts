import type { ActionFunctionArgs } from '@remix-run/node';
import {
  AddCreditApprovalDocument,
  RemoveCreditApprovalDocument,
  UpdateCreditApprovalDocument,
} from '../../graphql/generated/graphql';
import { gql } from '../../utils/api.server';
import { optionOf, revision, text } from '../../utils/form-schemas';
import { failForm, parseForm, rejectForm, revisionOf } from '../../utils/forms.server';
import { requireParam } from '../../utils/invariant';
import { redirectWithFlash, requireAuthor } from '../../utils/teach.server';
import { CREDIT_BODY_OPTIONS } from '../../utils/teach-options';
import { z } from '../../utils/zod';

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
