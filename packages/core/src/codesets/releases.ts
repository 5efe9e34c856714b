import type { CodeSetChangeKind, CodeSystem, Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { isUuid } from '../db/ids';
import { AppError } from '../errors/app-error';
import { displayCode } from './codes';
import {
  type CodeSetImportJob,
  IMPORT_STALE_MS,
  JOB_SELECT,
  requireCodeSetAdmin,
} from './import-release';

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

const RELEASE_SELECT = {
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

const toView = ({ previousRelease, ...row }: ReleaseRow): CodeSetReleaseView => ({
  ...row,
  previousReleaseName: previousRelease?.name ?? null,
});

/** Every loaded release (a few per system and year), newest first. Public: the codes are. */
export async function listCodeSetReleases(options: {
  db: Db;
  system?: CodeSystem | null;
}): Promise<CodeSetReleaseView[]> {
  const rows = await options.db.codeSetRelease.findMany({
    where: options.system ? { system: options.system } : {},
    orderBy: [{ system: 'asc' }, { effectiveOn: 'desc' }],
    select: RELEASE_SELECT,
  });
  return rows.map(toView);
}

export async function getCodeSetRelease(options: {
  db: Db;
  id: string;
}): Promise<CodeSetReleaseView> {
  const row = isUuid(options.id)
    ? await options.db.codeSetRelease.findUnique({
        where: { id: options.id },
        select: RELEASE_SELECT,
      })
    : null;
  if (!row) throw AppError.notFound('Code-set release');
  return toView(row);
}

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

export interface CodeSetChangeView {
  code: string;
  kind: CodeSetChangeKind;
  oldBillable: boolean | null;
  newBillable: boolean | null;
  oldDescription: string | null;
  newDescription: string | null;
}

/** The diff of a release against its previous one, by code; at most `first` rows (≤ 1000). */
export async function listCodeSetChanges(options: {
  db: Db;
  releaseId: string;
  kind?: CodeSetChangeKind | null;
  first?: number;
}): Promise<CodeSetChangeView[]> {
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

/** A RUNNING job whose heartbeat stopped was interrupted (its process ended): say so. */
function withStaleness(job: CodeSetImportJob & { updatedAt: Date }, now: Date): CodeSetImportJob {
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

/** The latest imports (admins), newest first. */
export async function listCodeSetImports(options: {
  db: Db;
  viewer: Viewer | null;
  first?: number;
}): Promise<CodeSetImportJob[]> {
  requireCodeSetAdmin(options.viewer);
  const rows = await options.db.codeSetImport.findMany({
    orderBy: { createdAt: 'desc' },
    take: Math.min(Math.max(options.first ?? 20, 1), 100),
    select: { ...JOB_SELECT, updatedAt: true },
  });
  const now = new Date();
  return rows.map((row) => withStaleness(row, now));
}

/** One import job (admins): what the admin page polls for progress. */
export async function getCodeSetImport(options: {
  db: Db;
  viewer: Viewer | null;
  id: string;
}): Promise<CodeSetImportJob> {
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
