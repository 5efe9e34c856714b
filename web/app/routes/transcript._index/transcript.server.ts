import { parseWithZod } from '@conform-to/zod/v4';
import { type ActionFunctionArgs, data } from '@remix-run/node';
import {
  AddCredentialDocument,
  AddSelfReportedCreditDocument,
  RemoveCredentialDocument,
  RemoveSelfReportedCreditDocument,
} from '../../graphql/generated/graphql';
import { gql } from '../../utils/api.server';
import { failForm, parseForm, rejectForm, replyWithApiErrors } from '../../utils/forms.server';
import { invariantResponse } from '../../utils/invariant';
import { requireViewer } from '../../utils/session.server';
import { redirectWithFlash } from '../../utils/teach.server';
import {
  AddCredentialSchema,
  RemoveByIdSchema,
  SelfReportedCreditSchema,
} from '../../utils/transcript-schemas';

export async function action({ request }: ActionFunctionArgs) {
  await requireViewer(request);
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  if (intent === 'add-credential') {
    const submission = parseForm(formData, AddCredentialSchema);
    if (submission.status !== 'success') return rejectForm(submission, { intent });
    const { intent: _intent, ...input } = submission.value;
    const result = await gql(request, AddCredentialDocument, { input });
    if (result.errors) return failForm(request, submission, result.errors, { intent });
    return redirectWithFlash('/transcript', `${input.credential.toUpperCase()} added.`);
  }
  if (intent === 'remove-credential') {
    const submission = parseForm(formData, RemoveByIdSchema);
    if (submission.status !== 'success') return rejectForm(submission, { intent });
    const result = await gql(request, RemoveCredentialDocument, { id: submission.value.id });
    if (result.errors) return failForm(request, submission, result.errors, { intent });
    return redirectWithFlash('/transcript', 'Credential removed.');
  }
  if (intent === 'add-self-reported') {
    const submission = parseWithZod(formData, { schema: SelfReportedCreditSchema });
    if (submission.status !== 'success') {
      return data({ intent, result: submission.reply() }, { status: 400 });
    }
    const { intent: _intent, category, note, ...input } = submission.value;
    // The category is optional: left empty, the API files the credit under "core".
    const result = await gql(request, AddSelfReportedCreditDocument, {
      input: { ...input, category: category ?? null, note: note ?? '' },
    });
    if (result.errors) {
      return data(
        { intent, result: replyWithApiErrors(request, submission, result.errors) },
        { status: 400 },
      );
    }
    return redirectWithFlash('/transcript', 'Self-reported credit added.');
  }
  if (intent === 'remove-self-reported') {
    const submission = parseForm(formData, RemoveByIdSchema);
    if (submission.status !== 'success') return rejectForm(submission, { intent });
    const result = await gql(request, RemoveSelfReportedCreditDocument, {
      id: submission.value.id,
    });
    if (result.errors) return failForm(request, submission, result.errors, { intent });
    return redirectWithFlash('/transcript', 'Self-reported credit removed.');
  }
  invariantResponse(false, 'Unknown action');
}
