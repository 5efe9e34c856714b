import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { isUuid } from '../db/ids';
import { AppError } from '../errors/app-error';
import { type CodeSetImportJob, JOB_SELECT, requireCodeSetAdmin } from './import-release';
import { withStaleness } from './releases';

export interface GetCodeSetImportOptions {
  db: Db;
  viewer: Viewer | null;
  id: string;
}

/** One import job (admins): what the admin page polls for progress. */
export async function getCodeSetImport(
  options: GetCodeSetImportOptions,
): Promise<CodeSetImportJob> {
  requireCodeSetAdmin(options.viewer);
  const row = isUuid(options.id)
    ? await options.db.codeSetImport.findUnique({
        where: { id: options.id },
        select: { ...JOB_SELECT, updatedAt: true },
      })
    : null;
  if (!row) throw AppError.notFound('Import');
  return withStaleness(row, new Date());
}
