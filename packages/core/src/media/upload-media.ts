import { createHash } from 'node:crypto';
import { type ObjectStore, sniffImage } from '@lms/storage';
import { requireAuthor } from '../access/roles';
import { type Viewer } from '../access/viewer';
import {
  isMediaKind,
  MEDIA_KINDS,
  MEDIA_PATH_PREFIX,
  type MediaKind,
} from '../content/media-limits';
import { AppError } from '../errors/app-error';

export interface UploadedMedia {
  /** Where the web app serves it: `/media/<folder>/<sha256>.<ext>`. */
  url: string;
  contentType: string;
  bytes: number;
}

const kib = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${Math.round(bytes / 1024)} KB`;

/**
 * Checks an author's upload by its content (not its name) and stores it in the object store:
 * images must really be PNG, JPEG, WebP or GIF (read from their bytes; SVG is refused, it can
 * carry scripts); captions must be UTF-8 text starting with "WEBVTT". Errors name the field
 * ("file") and say what to upload instead.
 */
export async function uploadMedia(options: {
  store: ObjectStore;
  viewer: Viewer | null;
  kind: string;
  bytes: Buffer | null;
  /** Set when the upload was cut off at the route's size limit. */
  truncated?: boolean;
}): Promise<UploadedMedia> {
  requireAuthor(options.viewer);
  if (!isMediaKind(options.kind)) {
    throw AppError.badInput(
      { kind: [`Say what the file is: ${Object.keys(MEDIA_KINDS).join(', ')}.`] },
      'Unknown kind of upload.',
    );
  }
  const kind: MediaKind = options.kind;
  const rules = MEDIA_KINDS[kind];
  const bytes = options.bytes;
  if (!bytes || bytes.length === 0) {
    throw AppError.badInput({ file: [`Choose the ${rules.what} to upload.`] });
  }
  if (options.truncated || bytes.length > rules.maxBytes) {
    throw AppError.badInput(
      { file: [`The ${rules.what} is larger than ${kib(rules.maxBytes)}. Upload a smaller file.`] },
      `The ${rules.what} is too large.`,
    );
  }

  let contentType: string;
  let extension: string;
  if (kind === 'captions') {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    // WebVTT: an optional byte-order mark, then "WEBVTT" followed by a space, tab or line end.
    if (!/^\uFEFF?WEBVTT(?:[ \t][^\n]*)?(?:\r?\n|\r|$)/.test(text)) {
      throw AppError.badInput(
        {
          file: [
            'This is not a WebVTT file: its first line must be "WEBVTT". Export the captions as .vtt (not .srt or .txt).',
          ],
        },
        'The captions file is not WebVTT.',
      );
    }
    if (text.includes('\uFFFD')) {
      throw AppError.badInput(
        { file: ['Save the captions file as UTF-8 text.'] },
        'The captions file is not UTF-8.',
      );
    }
    contentType = 'text/vtt; charset=utf-8';
    extension = 'vtt';
  } else {
    const image = await sniffImage(bytes);
    if (!image) {
      throw AppError.badInput(
        {
          file: [
            `The ${rules.what} must be a PNG, JPEG, WebP or GIF picture (this file is not one, whatever its name says).`,
          ],
        },
        `The ${rules.what} is not a picture we accept.`,
      );
    }
    contentType = image.contentType;
    extension = image.extension;
  }

  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = `${rules.folder}/${sha256}.${extension}`;
  await options.store.put(key, bytes, contentType);
  return { url: `${MEDIA_PATH_PREFIX}${key}`, contentType, bytes: bytes.length };
}
