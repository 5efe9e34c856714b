import type { CodeSetChangeKind, Db } from '@lms/db';
import { isUuid } from '../db/ids';
import { AppError } from '../errors/app-error';
import { displayCode } from './codes';

export interface CodeSetChangeView {
  code: string;
  kind: CodeSetChangeKind;
  oldBillable: boolean | null;
  newBillable: boolean | null;
  oldDescription: string | null;
  newDescription: string | null;
}

export interface ListCodeSetChangesOptions {
  db: Db;
  releaseId: string;
  kind?: CodeSetChangeKind | null;
  first?: number;
}

/** The diff of a release against its previous one, by code; at most `first` rows (≤ 1000). */
export async function listCodeSetChanges(
  options: ListCodeSetChangesOptions,
): Promise<CodeSetChangeView[]> {
  const release = isUuid(options.releaseId)
    ? await options.db.codeSetRelease.findUnique({
        where: { id: options.releaseId },
        select: { system: true },
      })
    : null;
  if (!release) throw AppError.notFound('Code-set release');
  const first = Math.min(Math.max(options.first ?? 200, 1), 1000);
  const rows = await options.db.codeSetChange.findMany({
    where: { releaseId: options.releaseId, ...(options.kind ? { kind: options.kind } : {}) },
    orderBy: { code: 'asc' },
    take: first,
    select: {
      code: true,
      kind: true,
      oldBillable: true,
      newBillable: true,
      oldDescription: true,
      newDescription: true,
    },
  });
  return rows.map((row) => ({ ...row, code: displayCode(release.system, row.code) }));
}
