/** What each kind of upload may be: its folder in the object store and its size limit. */
export const MEDIA_KINDS = {
  /** A course's cover image, shown on catalog cards and the course page. */
  cover: { folder: 'covers', maxBytes: 2 * 1024 * 1024, what: 'cover image' },
  /** An image inside a lesson's text (inserted as Markdown image syntax). */
  'lesson-image': { folder: 'lesson-images', maxBytes: 2 * 1024 * 1024, what: 'image' },
  /** A WebVTT captions file of a video lesson. */
  captions: { folder: 'captions', maxBytes: 512 * 1024, what: 'captions file' },
} as const;

export type MediaKind = keyof typeof MEDIA_KINDS;

/** The largest upload of any kind (the HTTP route refuses bigger bodies before reading them). */
export const MEDIA_MAX_BYTES = Math.max(...Object.values(MEDIA_KINDS).map((kind) => kind.maxBytes));

/** Every stored file is served by the web app under this path: `/media/<folder>/<sha256>.<ext>`. */
export const MEDIA_PATH_PREFIX = '/media/';

const MEDIA_URL = /^\/media\/[a-z][a-z0-9-]{0,30}\/[a-f0-9]{64}\.[a-z0-9]{2,4}$/;

/** True for the address of a file we stored (`/media/covers/<sha256>.png`). */
export function isMediaUrl(value: string): boolean {
  return MEDIA_URL.test(value);
}

export function isMediaKind(value: string): value is MediaKind {
  return Object.hasOwn(MEDIA_KINDS, value);
}
