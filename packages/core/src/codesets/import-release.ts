import type { CodeSystem, Db } from '@lms/db';
import { z } from 'zod';
import { type Viewer } from '../access/viewer';
import type { Tx } from '../db/tx';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { CODE_SYSTEM_LABELS, currentCodeSetYear } from './codes';
import {
  CodeFileLineError,
  type CodeFileParser,
  codeFileParser,
  type ParsedCode,
} from './file-formats';
import { recordCodeSetNotices } from './notices';
import {
  assignReleaseToDraftItems,
  countCodeSetChanges,
  insertCodeSetChanges,
  insertCodeSetCodes,
  lockCodeSetImports,
} from './sql';

/** Largest file accepted (the ICD-10-CM order file is about 20 MB). */
export const CODE_FILE_MAX_BYTES = 64 * 1024 * 1024;
/** Rows per set-based INSERT. */
const BATCH = 2000;
/** A RUNNING import whose heartbeat is older than this was interrupted (its process stopped). */
export const IMPORT_STALE_MS = 2 * 60 * 1000;

const importSchema = z.object({
  system: z.enum(['ICD10CM', 'ICD10PCS', 'HCPCS'], {
    error: 'Choose ICD-10-CM, ICD-10-PCS or HCPCS Level II.',
  }),
  name: z
    .string()
    .trim()
    .max(80, 'The release name is at most 80 characters.')
    .nullish()
    .transform((value) => value || null),
  effectiveOn: z.iso.date({ error: 'Enter the effective date as YYYY-MM-DD, e.g. 2026-10-01.' }),
});

export type CodeSetImportInput = z.input<typeof importSchema>;

/** The uploaded file, already stored by the transport (streamed to disk, hashed, counted). */
export interface UploadedCodeFile {
  fileName: string;
  bytes: number;
  sha256: string;
  lineCount: number;
  /** Reads the file again, line by line (streamed). */
  lines(): AsyncIterable<string>;
}

export interface CodeSetImportJob {
  id: string;
  system: CodeSystem;
  name: string;
  effectiveOn: Date;
  fileName: string;
  totalLines: number;
  processedLines: number;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  message: string | null;
  errorLine: number | null;
  releaseId: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export function requireCodeSetAdmin(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  if (viewer.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only admins can import code sets.');
  return viewer;
}

/** "ICD-10-CM FY2027", "ICD-10-PCS FY2027", "HCPCS Level II 2027-01". */
export function defaultReleaseName(system: CodeSystem, effectiveOn: string): string {
  const year = currentCodeSetYear(system, new Date(`${effectiveOn}T00:00:00Z`));
  if (system === 'HCPCS') return `HCPCS Level II ${effectiveOn.slice(0, 7)}`;
  const april = effectiveOn.slice(5, 7) === '04' ? ' April update' : '';
  return `${CODE_SYSTEM_LABELS[system]} FY${year}${april}`;
}

/**
 * Starts importing a code-set file: validates the form, records a RUNNING job and imports in
 * the background of this process (the job row carries the progress every process can read).
 * `done` settles when the import has finished (tests await it; the API does not).
 */
export async function startCodeSetImport(options: {
  db: Db;
  viewer: Viewer | null;
  input: CodeSetImportInput;
  file: UploadedCodeFile;
  onFailure?: (error: unknown) => void;
}): Promise<{ job: CodeSetImportJob; done: Promise<CodeSetImportJob> }> {
  const viewer = requireCodeSetAdmin(options.viewer);
  const input = parseInput(importSchema, options.input);
  const { db, file } = options;
  if (file.bytes === 0 || file.lineCount === 0) {
    throw AppError.badInput({ file: ['The file is empty. Choose the code-set file to import.'] });
  }
  const name = input.name ?? defaultReleaseName(input.system, input.effectiveOn);
  const job = await db.codeSetImport.create({
    data: {
      system: input.system,
      name,
      effectiveOn: new Date(`${input.effectiveOn}T00:00:00Z`),
      fileName: file.fileName.slice(0, 200),
      fileBytes: file.bytes,
      totalLines: file.lineCount,
      createdById: viewer.id,
    },
    select: JOB_SELECT,
  });
  const done = runImport(db, job, file, viewer.id).catch(async (error: unknown) => {
    options.onFailure?.(error);
    const failure =
      error instanceof CodeFileLineError
        ? { message: error.message, errorLine: error.line }
        : error instanceof AppError
          ? { message: error.message, errorLine: null }
          : {
              message: 'The import failed unexpectedly; nothing was imported. Try again.',
              errorLine: null,
            };
    return db.codeSetImport.update({
      where: { id: job.id },
      data: { status: 'FAILED', ...failure, finishedAt: new Date(), updatedAt: new Date() },
      select: JOB_SELECT,
    });
  });
  return { job, done };
}

export const JOB_SELECT = {
  id: true,
  system: true,
  name: true,
  effectiveOn: true,
  fileName: true,
  totalLines: true,
  processedLines: true,
  status: true,
  message: true,
  errorLine: true,
  releaseId: true,
  createdAt: true,
  finishedAt: true,
} as const;

async function runImport(
  db: Db,
  job: CodeSetImportJob,
  file: UploadedCodeFile,
  viewerId: string,
): Promise<CodeSetImportJob> {
  const system = job.system;
  const note = await db.$transaction(
    async (tx) => {
      // One import per system at a time: the diff and the notices need a stable "previous".
      await lockCodeSetImports(tx, system);
      const same = await tx.codeSetRelease.findFirst({
        where: { system, sourceSha256: file.sha256 },
        select: { id: true, name: true },
      });
      if (same) {
        return {
          releaseId: same.id,
          message: `This file is already imported as “${same.name}”; nothing changed.`,
        };
      }
      const clash = await tx.codeSetRelease.findFirst({
        where: { system, name: job.name },
        select: { id: true },
      });
      if (clash) {
        throw new AppError(
          'CONFLICT',
          `A different file is already imported as “${job.name}”. Give this release another name (e.g. “${job.name} April update”).`,
        );
      }
      const previous = await tx.codeSetRelease.findFirst({
        where: { system, effectiveOn: { lt: job.effectiveOn } },
        orderBy: { effectiveOn: 'desc' },
        select: { id: true },
      });
      const release = await tx.codeSetRelease.create({
        data: {
          system,
          name: job.name,
          year: currentCodeSetYear(system, job.effectiveOn),
          effectiveOn: job.effectiveOn,
          sourceSha256: file.sha256,
          previousReleaseId: previous?.id ?? null,
          importedById: viewerId,
        },
        select: { id: true },
      });
      const parser = codeFileParser(system, job.effectiveOn);
      const counts = await insertCodes(tx, db, job.id, release.id, parser, file);
      if (counts.codes === 0) {
        throw new AppError('BAD_USER_INPUT', 'The file holds no codes; nothing was imported.');
      }
      const diff = previous ? await recordDiff(tx, release.id, previous.id) : null;
      await tx.codeSetRelease.update({
        where: { id: release.id },
        data: {
          codeCount: counts.codes,
          billableCount: counts.billable,
          addedCount: diff?.ADDED ?? 0,
          deletedCount: diff?.DELETED ?? 0,
          changedCount: diff?.CHANGED ?? 0,
        },
        select: { id: true },
      });
      const notices = previous ? await recordCodeSetNotices(tx, release.id, system) : 0;
      await assignReleaseToDraftItems(tx, release.id);
      const parts = [
        `${counts.codes} codes imported (${counts.billable} billable).`,
        ...(diff
          ? [
              `Against the previous release: ${diff.ADDED} added, ${diff.DELETED} deleted, ${diff.CHANGED} changed.`,
            ]
          : ['No previous release of this system: nothing to compare.']),
        ...(notices > 0 ? [`${notices} course${notices === 1 ? '' : 's'} notified.`] : []),
        ...parser.notes(),
      ];
      return { releaseId: release.id, message: parts.join(' ') };
    },
    { timeout: 10 * 60 * 1000, maxWait: 30_000 },
  );
  return db.codeSetImport.update({
    where: { id: job.id },
    data: {
      status: 'SUCCEEDED',
      releaseId: note.releaseId,
      message: note.message,
      processedLines: job.totalLines,
      finishedAt: new Date(),
      updatedAt: new Date(),
    },
    select: JOB_SELECT,
  });
}

async function insertCodes(
  tx: Tx,
  db: Db,
  jobId: string,
  releaseId: string,
  parser: CodeFileParser,
  file: UploadedCodeFile,
) {
  const firstLine = new Map<string, number>();
  let batch: ParsedCode[] = [];
  let codes = 0;
  let billable = 0;
  let line = 0;
  const add = (code: ParsedCode | null) => {
    if (!code) return;
    const seen = firstLine.get(code.code);
    if (seen !== undefined) {
      throw new CodeFileLineError(
        code.line,
        `${code.code} is listed twice (first on line ${seen}).`,
      );
    }
    firstLine.set(code.code, code.line);
    batch.push(code);
    codes += 1;
    if (code.billable) billable += 1;
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await insertCodeSetCodes(tx, releaseId, rows);
    // Progress on another connection: visible to the admin page while this transaction runs.
    await db.codeSetImport.update({
      where: { id: jobId },
      data: { processedLines: line, updatedAt: new Date() },
      select: { id: true },
    });
  };
  for await (const raw of file.lines()) {
    line += 1;
    add(parser.push(raw, line));
    if (batch.length >= BATCH) await flush();
  }
  add(parser.finish());
  await flush();
  return { codes, billable };
}

async function recordDiff(tx: Tx, releaseId: string, previousId: string) {
  await insertCodeSetChanges(tx, releaseId, previousId);
  const rows = await countCodeSetChanges(tx, releaseId);
  const counts = { ADDED: 0, DELETED: 0, CHANGED: 0 };
  for (const row of rows) counts[row.kind] = row.count;
  return counts;
}
