import { useActionData, useRouteLoaderData } from '@remix-run/react';
import type { loader } from '../routes/teach.courses.$id';
import type { ActionFailure } from '../utils/teach.server';

/** The course loaded by the editor layout (routes/teach.courses.$id.tsx). */
export function useTeachCourse() {
  const data = useRouteLoaderData<typeof loader>('routes/teach.courses.$id');
  if (!data) throw new Error('useTeachCourse must be used inside the course editor');
  return data;
}

/** The failed submission (if any) this page's action returned. */
export function useActionFailure(): ActionFailure | undefined {
  const actionData = useActionData<ActionFailure | undefined>();
  return actionData && actionData.ok === false ? actionData : undefined;
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
