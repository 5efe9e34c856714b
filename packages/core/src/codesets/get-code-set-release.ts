import type { Db } from '@lms/db';
import { isUuid } from '../db/ids';
import { AppError } from '../errors/app-error';
import { type CodeSetReleaseView, RELEASE_SELECT, toView } from './releases';

export interface GetCodeSetReleaseOptions {
  db: Db;
  id: string;
}

export async function getCodeSetRelease(
  options: GetCodeSetReleaseOptions,
): Promise<CodeSetReleaseView> {
  const row = isUuid(options.id)
    ? await options.db.codeSetRelease.findUnique({
        where: { id: options.id },
        select: RELEASE_SELECT,
      })
    : null;
  if (!row) throw AppError.notFound('Code-set release');
  return toView(row);
}
