import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { type CodeSetImportJob, JOB_SELECT, requireCodeSetAdmin } from './import-release';
import { withStaleness } from './releases';

export interface ListCodeSetImportsOptions {
  db: Db;
  viewer: Viewer | null;
  first?: number;
}

/** The latest imports (admins), newest first. */
export async function listCodeSetImports(
  options: ListCodeSetImportsOptions,
): Promise<CodeSetImportJob[]> {
  requireCodeSetAdmin(options.viewer);
  const rows = await options.db.codeSetImport.findMany({
    orderBy: { createdAt: 'desc' },
    take: Math.min(Math.max(options.first ?? 20, 1), 100),
    select: { ...JOB_SELECT, updatedAt: true },
  });
  const now = new Date();
  return rows.map((row) => withStaleness(row, now));
}
