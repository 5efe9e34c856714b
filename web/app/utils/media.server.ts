import { getClientIp } from './api.server';
import { getSessionToken } from './cookies.server';
import { apiOrigin } from './downloads.server';

/** What an upload to the API's object store gave: the file's /media/… URL, or why not. */
export type MediaUpload = { ok: true; url: string } | { ok: false; error: string };

/** The file of a multipart form field; null when none was chosen (browsers send an empty part). */
export function chosenFile(form: FormData, name: string): File | null {
  const value = form.get(name);
  return value instanceof File && value.size > 0 ? value : null;
}

/**
 * Sends a file the author chose to the API (POST /media), which checks its content and stores
 * it. `kind`: cover | lesson-image | captions. Errors are the API's words (what to upload).
 */
export async function uploadMedia(
  request: Request,
  kind: 'cover' | 'lesson-image' | 'captions',
  file: File,
): Promise<MediaUpload> {
  const body = new FormData();
  body.set('kind', kind);
  body.set('file', file, file.name || 'upload');
  const headers = new Headers({
    authorization: `Bearer ${(await getSessionToken(request)) ?? ''}`,
  });
  const ip = getClientIp(request);
  if (ip) headers.set('x-forwarded-for', ip);
  let response: Response;
  try {
    response = await fetch(`${apiOrigin()}/media`, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(60_000),
    });
  } catch {
    return {
      ok: false,
      error: 'The file could not be sent: the service is not reachable. Try again.',
    };
  }
  const answer = (await response.json().catch(() => null)) as {
    url?: string;
    error?: { message?: string; fieldErrors?: Record<string, string[]> };
  } | null;
  if (response.ok && answer?.url) return { ok: true, url: answer.url };
  const detail = Object.values(answer?.error?.fieldErrors ?? {}).flat();
  return {
    ok: false,
    error: detail[0] ?? answer?.error?.message ?? 'The upload failed. Try again.',
  };
}

/**
 * The URL a form's upload ends with, as `CurrentUpload` posts it: '' when the remove box is
 * ticked, the newly chosen file's URL (uploaded first) when there is one, else the kept URL.
 */
export async function uploadedOrKept(
  request: Request,
  formData: FormData,
  upload: {
    kind: 'cover' | 'lesson-image' | 'captions';
    fileField: string;
    keptUrl: string;
    remove: boolean;
  },
): Promise<MediaUpload> {
  if (upload.remove) return { ok: true, url: '' };
  const file = chosenFile(formData, upload.fileField);
  return file ? uploadMedia(request, upload.kind, file) : { ok: true, url: upload.keptUrl };
}
