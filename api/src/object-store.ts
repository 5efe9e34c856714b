import path from 'node:path';
import { LocalDiskStore, type ObjectStore, S3Store } from '@lms/storage';
import type { Env } from './env';

/** The configured object store: S3-compatible with STORAGE_DRIVER=s3, else a local folder. */
export function createObjectStore(env: Env): ObjectStore {
  if (env.STORAGE_DRIVER === 's3') {
    return new S3Store({
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      // loadEnv refuses STORAGE_DRIVER=s3 without these (storageProblems).
      bucket: env.S3_BUCKET ?? '',
      accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
      secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    });
  }
  return new LocalDiskStore(env.STORAGE_DIR ?? path.join(env.LMS_DATA_DIR, 'media'));
}
