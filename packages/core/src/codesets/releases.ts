import type { CodeSystem, Db } from '@lms/db';
import { type CodeSetImportJob, IMPORT_STALE_MS } from './import-release';

export interface CodeSetReleaseView {
  id: string;
  system: CodeSystem;
  name: string;
  year: number;
  effectiveOn: Date;
  codeCount: number;
  billableCount: number;
  previousReleaseId: string | null;
  previousReleaseName: string | null;
  addedCount: number;
  deletedCount: number;
  changedCount: number;
  importedAt: Date;
}

export const RELEASE_SELECT = {
  id: true,
  system: true,
  name: true,
  year: true,
  effectiveOn: true,
  codeCount: true,
  billableCount: true,
  previousReleaseId: true,
  addedCount: true,
  deletedCount: true,
  changedCount: true,
  importedAt: true,
  previousRelease: { select: { name: true } },
} as const;

type ReleaseRow = Omit<CodeSetReleaseView, 'previousReleaseName'> & {
  previousRelease: { name: string } | null;
};

export const toView = ({ previousRelease, ...row }: ReleaseRow): CodeSetReleaseView => ({
  ...row,
  previousReleaseName: previousRelease?.name ?? null,
});

/**
 * The release in force on a date for a system: the latest effective on or before it; when
 * only future releases are loaded, the earliest of them. Null when none is loaded.
 */
export async function releaseInForce(
  db: Db,
  system: CodeSystem,
  on: Date = new Date(),
): Promise<{ id: string; name: string; year: number } | null> {
  const select = { id: true, name: true, year: true } as const;
  return (
    (await db.codeSetRelease.findFirst({
      where: { system, effectiveOn: { lte: on } },
      orderBy: { effectiveOn: 'desc' },
      select,
    })) ??
    (await db.codeSetRelease.findFirst({
      where: { system },
      orderBy: { effectiveOn: 'asc' },
      select,
    }))
  );
}

/** A RUNNING job whose heartbeat stopped was interrupted (its process ended): say so. */
export function withStaleness(
  job: CodeSetImportJob & { updatedAt: Date },
  now: Date,
): CodeSetImportJob {
  const { updatedAt, ...rest } = job;
  if (rest.status === 'RUNNING' && now.getTime() - updatedAt.getTime() > IMPORT_STALE_MS) {
    return {
      ...rest,
      status: 'FAILED',
      message:
        'The import was interrupted (the server stopped); nothing was imported. Upload the file again.',
    };
  }
  return rest;
}
