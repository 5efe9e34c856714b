import type { SubmissionResult } from '@conform-to/react';

/**
 * What an action answers when a form was not accepted: Conform's reply (`submission.reply()`:
 * the submitted values, passwords left out, and the errors by field name, '' for the form), and
 * which form it came from. Pages with several forms (one per intent, or one per record) find
 * theirs by `intent` and `target`.
 */
export interface FormReply {
  ok: false;
  /** Which form (the submit's intent) and which record it was about. */
  intent: string;
  target: string | null;
  result: SubmissionResult<string[]>;
  /** The API's CONFLICT message (someone else changed the course, or its status forbids it). */
  conflict: string | null;
  /** The revision the user's page was showing (kept on CONFLICT so a resubmit cannot overwrite). */
  revision: number | null;
}

/** A failed form as pages read it: typed values and errors by field name, the form's message. */
export interface ActionFailure {
  intent: string;
  target: string | null;
  /** What the user typed, by field name ('' for a field left empty; a list for repeated names). */
  values: Record<string, string>;
  lists: Record<string, string[]>;
  fieldErrors: Record<string, string[]>;
  formError: string | null;
  conflict: string | null;
  revision: number | null;
}

export function isFormReply(value: unknown): value is FormReply {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { ok?: unknown }).ok === false &&
    'result' in value
  );
}

/** `a[0].b` → ['a', '0', 'b']. */
function pathOf(name: string): string[] {
  return name.match(/[^.[\]]+/g) ?? [];
}

function valueAt(root: unknown, name: string): unknown {
  let value = root;
  for (const key of pathOf(name)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Conform's reply seen as the page's failed form. */
export function failureOf(reply: FormReply): ActionFailure {
  const { result } = reply;
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const name of result.fields ?? []) {
    const value = valueAt(result.initialValue, name);
    if (Array.isArray(value)) {
      lists[name] = value.map((item) => (typeof item === 'string' ? item : ''));
      values[name] = lists[name][0] ?? '';
    } else {
      values[name] = typeof value === 'string' ? value : '';
      lists[name] = value === undefined ? [] : [values[name]];
    }
  }
  const errors = result.error ?? {};
  const fieldErrors: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(errors)) {
    if (name !== '' && messages?.length) fieldErrors[name] = messages;
  }
  return {
    intent: reply.intent,
    target: reply.target,
    values,
    lists,
    fieldErrors,
    formError: reply.conflict ? null : (errors['']?.[0] ?? null),
    conflict: reply.conflict,
    revision: reply.revision,
  };
}
