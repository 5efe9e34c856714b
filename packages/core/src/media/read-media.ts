import type { ObjectStore, StoredObject } from '@lms/storage';
import { isMediaUrl, MEDIA_PATH_PREFIX } from '../content/media-limits';
import { AppError } from '../errors/app-error';

/** A stored file by its path (`covers/<sha256>.png`); NOT_FOUND for anything else. Public. */
export async function readMedia(options: {
  store: ObjectStore;
  path: string;
}): Promise<StoredObject> {
  const url = `${MEDIA_PATH_PREFIX}${options.path}`;
  const object = isMediaUrl(url) ? await options.store.get(options.path) : null;
  if (!object) throw AppError.notFound('File');
  return object;
}
