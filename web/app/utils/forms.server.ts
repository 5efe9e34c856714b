import type { Submission, SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data } from '@remix-run/node';
import { type ApiError, toFormErrors } from './api.server';
import type { FormReply } from './form-reply';
import { revision } from './form-schemas';
import { z } from './zod';

/** Parses a submitted form with its zod schema (Conform: empty fields are absent, numbers,
 * checkboxes and repeated names converted by the schema's types). */
export function parseForm<Schema extends z.ZodType>(formData: FormData, schema: Schema) {
  return parseWithZod(formData, { schema });
}

/**
 * The one way a Conform form answers an API failure: the API's field errors under the form's
 * field names (`rename` maps API names to form names), its general message as the form error,
 * and the submitted values echoed back, except `hideFields` (passwords are never echoed).
 */
export function replyWithApiErrors(
  request: Request,
  submission: Submission<unknown>,
  errors: readonly ApiError[],
  options: { hideFields?: string[]; rename?: Record<string, string> } = {},
): SubmissionResult<string[]> {
  const { fieldErrors, formError } = toFormErrors(request, errors);
  return submission.reply({
    fieldErrors: renamed(fieldErrors, options.rename),
    formErrors: formError ? [formError] : [],
    hideFields: options.hideFields,
  });
}

/** A form-level message on a submission (the API is down, the service is busy). */
export function replyWithFormError(
  submission: Submission<unknown>,
  message: string,
  options: { hideFields?: string[] } = {},
): SubmissionResult<string[]> {
  return submission.reply({ formErrors: [message], hideFields: options.hideFields });
}

function renamed(fieldErrors: Record<string, string[]>, rename: Record<string, string> = {}) {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const name = rename[field] ?? field;
    out[name] = [...(out[name] ?? []), ...messages];
  }
  return out;
}

/** Which form a reply belongs to, on pages with several. */
export interface FormContext {
  intent: string;
  target?: string | null;
  /** The revision the page showed (teach pages), kept so a resubmit after a conflict fails too. */
  revision?: number | null;
  hideFields?: string[];
  /** Values to show instead of the submitted ones (an uploaded image placed in the text). */
  echo?: Record<string, string>;
}

/** The reply of a submission, with the context's `echo` in place of what was typed. */
function reply(
  submission: Submission<unknown>,
  context: FormContext,
  errors: { fieldErrors?: Record<string, string[]>; formErrors?: string[] },
) {
  if (context.echo) Object.assign(submission.payload, context.echo);
  return submission.reply({ ...errors, hideFields: context.hideFields });
}

function envelope(
  context: FormContext,
  result: SubmissionResult<string[]>,
  conflict: string | null = null,
) {
  const body: FormReply = {
    ok: false,
    intent: context.intent,
    target: context.target ?? null,
    result,
    conflict,
    revision: context.revision ?? null,
  };
  return data(body, { status: conflict ? 409 : 400 });
}

const CORRECT_BELOW = 'Please correct the errors below.';

/** The schema refused the form: its messages on the fields, nothing sent to the API. */
export function rejectForm(submission: Submission<unknown>, context: FormContext) {
  return envelope(context, reply(submission, context, { formErrors: [CORRECT_BELOW] }));
}

/** Field errors the web found after parsing (an upload refused, a row to fix). */
export function rejectFields(
  submission: Submission<unknown>,
  context: FormContext,
  fieldErrors: Record<string, string[]>,
) {
  return envelope(
    context,
    reply(submission, context, { fieldErrors, formErrors: [CORRECT_BELOW] }),
  );
}

/**
 * The API refused the form: its field errors on the fields (`rename`: API name → form name), its
 * message for the form, and a CONFLICT (a stale revision, a status that forbids the change) as
 * the page's conflict banner with status 409.
 */
export function failForm(
  request: Request,
  submission: Submission<unknown>,
  errors: readonly ApiError[],
  context: FormContext & { rename?: Record<string, string> },
) {
  const conflict = errors.find((error) => error.code === 'CONFLICT');
  const { fieldErrors, formError } = toFormErrors(
    request,
    errors.filter((error) => error.code !== 'CONFLICT'),
  );
  return envelope(
    context,
    reply(submission, context, {
      fieldErrors: renamed(fieldErrors, context.rename),
      formErrors: !conflict && formError ? [formError] : [],
    }),
    conflict?.message ?? null,
  );
}

const RevisionOnly = z.object({ revision: revision() });

/** The revision a form carried, also when the rest of it did not parse (-1 when unreadable). */
export function revisionOf(formData: FormData): number {
  const parsed = parseWithZod(formData, { schema: RevisionOnly });
  return parsed.status === 'success' ? parsed.value.revision : -1;
}
