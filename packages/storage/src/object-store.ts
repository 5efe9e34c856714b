import type { Readable } from 'node:stream';

/**
 * The one storage interface of uploaded files (course covers, lesson images, captions).
 * Keys are `<folder>/<sha256>.<ext>`: content-addressed, so an object never changes once
 * written and may be cached forever; the same file uploaded twice is stored once.
 */
export interface ObjectStore {
  /** Stores `body` under `key` (overwriting an identical object is harmless). */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object, streamed; null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** What the store is, for logs ("local disk /var/lib/lms/media", "S3 bucket lms-media"). */
  readonly description: string;
}

export interface StoredObject {
  body: Readable;
  contentType: string;
  size: number;
}

/** The file types the product stores, by key extension: the only types it ever serves. */
export const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  vtt: 'text/vtt; charset=utf-8',
};

const KEY = /^[a-z][a-z0-9-]{0,30}\/[a-f0-9]{64}\.([a-z0-9]{2,4})$/;

/** The content type of a well-formed key, or null for anything else (never a path). */
export function contentTypeOfKey(key: string): string | null {
  const match = KEY.exec(key);
  return match ? (CONTENT_TYPES[match[1] ?? ''] ?? null) : null;
}
