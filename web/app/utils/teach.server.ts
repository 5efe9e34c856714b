import { data } from '@remix-run/node';
import type { ApiError, FieldErrors } from './api.server';
import { toFormErrors } from './api.server';
import { requireViewer, type Viewer } from './session.server';

/** Instructors and admins; anyone else gets a friendly 403 page. */
export async function requireAuthor(request: Request): Promise<Viewer> {
  const viewer = await requireViewer(request);
  if (viewer.role !== 'INSTRUCTOR' && viewer.role !== 'ADMIN') {
    throw new Response(
      'Teaching pages are for instructors. Your account is a student account: if you teach for us, ask an administrator to give you the instructor role.',
      { status: 403 },
    );
  }
  return viewer;
}

/** Admins only; anyone else gets a 403 page. */
export async function requireAdmin(request: Request): Promise<Viewer> {
  const viewer = await requireViewer(request);
  if (viewer.role !== 'ADMIN') {
    throw new Response('The admin area is for administrators only.', { status: 403 });
  }
  return viewer;
}

/** Reads a submitted form as trimmed-or-raw strings. */
export function formReader(form: FormData) {
  const raw = (key: string) => {
    const value = form.get(key);
    return typeof value === 'string' ? value : '';
  };
  return {
    raw,
    text: (key: string) => raw(key).trim(),
    checked: (key: string) => form.has(key),
    all: (key: string) => form.getAll(key).map((value) => (typeof value === 'string' ? value : '')),
    revision: () => {
      const text = raw('revision').trim();
      return /^\d{1,9}$/.test(text) ? Number.parseInt(text, 10) : -1;
    },
  };
}

/** What a teach page gets back when a mutation failed: shown next to the form it came from. */
export interface ActionFailure {
  ok: false;
  /** Which form (the submit's intent) and which record it was about. */
  intent: string;
  target: string | null;
  /** What the user typed, to put back into the form. */
  values: Record<string, string>;
  fieldErrors: FieldErrors;
  formError: string | null;
  /** The API's CONFLICT message (someone else changed the course, or its status forbids it). */
  conflict: string | null;
  /** The revision the user's page was showing (kept on CONFLICT so a resubmit cannot overwrite). */
  revision: number | null;
}

export function failure(
  request: Request,
  errors: readonly ApiError[],
  form: {
    intent: string;
    target?: string | null;
    values?: Record<string, string>;
    revision?: number | null;
    /** API field name → form field name (e.g. priceCents → price). */
    rename?: Record<string, string>;
    extraFieldErrors?: FieldErrors;
  },
) {
  const conflict = errors.find((error) => error.code === 'CONFLICT');
  const { fieldErrors, formError } = toFormErrors(
    request,
    errors.filter((error) => error.code !== 'CONFLICT'),
  );
  const renamed: FieldErrors = { ...form.extraFieldErrors };
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const name = form.rename?.[field] ?? field;
    renamed[name] = [...(renamed[name] ?? []), ...messages];
  }
  return invalid({
    intent: form.intent,
    target: form.target ?? null,
    values: form.values ?? {},
    fieldErrors: renamed,
    formError: conflict ? null : formError,
    conflict: conflict?.message ?? null,
    revision: form.revision ?? null,
  });
}

/** A failed submission rendered on the same page (400, or 409 for a conflict). */
export function invalid(result: Omit<ActionFailure, 'ok'>) {
  const body: ActionFailure = { ok: false, ...result };
  return data(body, { status: result.conflict ? 409 : 400 });
}

/** Field errors found by the web before calling the API (e.g. an unreadable price). */
export function localFailure(form: {
  intent: string;
  target?: string | null;
  values: Record<string, string>;
  fieldErrors: FieldErrors;
  revision?: number | null;
}) {
  return invalid({
    intent: form.intent,
    target: form.target ?? null,
    values: form.values,
    fieldErrors: form.fieldErrors,
    formError: 'Please correct the errors below.',
    conflict: null,
    revision: form.revision ?? null,
  });
}

export { redirectWithFlash } from './session.server';
