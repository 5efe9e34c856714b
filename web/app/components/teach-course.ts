import { useActionData, useRouteLoaderData } from '@remix-run/react';
import { useCallback, useMemo } from 'react';
import type { loader } from '../routes/teach.courses.$id';
import { type ActionFailure, failureOf, isFormReply } from '../utils/form-reply';

/** The course loaded by the editor layout (routes/teach.courses.$id.tsx). */
export function useTeachCourse() {
  const data = useRouteLoaderData<typeof loader>('routes/teach.courses.$id');
  if (!data) throw new Error('useTeachCourse must be used inside the course editor');
  return data;
}

/** The form this page's action did not accept (Conform's reply, read per field), if any. */
export function useActionFailure(): ActionFailure | undefined {
  const actionData = useActionData<unknown>();
  // One object per reply, so effects keyed on it (focus the first error) run once per reply.
  return useMemo(() => (isFormReply(actionData) ? failureOf(actionData) : undefined), [actionData]);
}

/**
 * The revision to send with the next edit. After a CONFLICT it stays the one the user's page
 * showed, so resubmitting cannot silently overwrite someone else's change: reload first.
 */
export function useRevision(current: number): number {
  const failure = useActionFailure();
  return failure?.conflict && failure.revision != null ? failure.revision : current;
}

/** Errors and typed values for one form, if the failed submission came from it. */
export function useFormFailure(intent: string, target: string | null = null) {
  const failure = useActionFailure();
  const mine = failure && failure.intent === intent && failure.target === target ? failure : null;
  return {
    failure: mine,
    values: mine?.values ?? null,
    errors: mine?.fieldErrors ?? {},
  };
}

/** `failed(intent)`: the failure of that form of the page, or null. */
export function useFailedForm() {
  const failure = useActionFailure();
  return useCallback(
    (intent: string, target: string | null = null) =>
      failure && failure.intent === intent && (target === null || failure.target === target)
        ? failure
        : null,
    [failure],
  );
}
