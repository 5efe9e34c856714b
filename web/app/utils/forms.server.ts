import type { Submission, SubmissionResult } from '@conform-to/react';
import { type ApiError, toFormErrors } from './api.server';

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
  const renamed: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const name = options.rename?.[field] ?? field;
    renamed[name] = [...(renamed[name] ?? []), ...messages];
  }
  return submission.reply({
    fieldErrors: renamed,
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
