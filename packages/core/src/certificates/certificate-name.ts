// What the certificate-name use cases share (confirm-certificate-name.ts and its siblings): the
// input rules for a printed name and a note, the correction view, and the completions waiting
// for a confirmed name.
import type { Db, NameCorrectionStatus, Prisma } from '@lms/db';
import { z } from 'zod';
import type { Tx } from '../db/tx';

export const nameSchema = z
  .string()
  .trim()
  .min(1, 'Enter your name as it should be printed.')
  .max(200, 'Keep the name under 200 characters.')
  .refine(
    (name) => ![...name].some((c) => (c.codePointAt(0) ?? 0) < 0x20 || c.codePointAt(0) === 0x7f),
    'Remove control characters.',
  )
  .transform((name) => name.normalize('NFC').replace(/\s+/g, ' '));

export const noteSchema = z
  .string()
  .trim()
  .max(500, 'Keep the note under 500 characters.')
  .transform((note) => note || null)
  .nullish();

export interface CertificateNameCorrectionView {
  id: string;
  userId: string;
  learnerEmail: string;
  currentName: string;
  requestedName: string;
  note: string | null;
  status: NameCorrectionStatus;
  createdAt: Date;
  resolvedAt: Date | null;
  resolution: string | null;
}

export interface CertificateNameState {
  /** The name that prints: the confirmed one, else the account name as a suggestion. */
  name: string;
  confirmed: boolean;
  confirmedAt: Date | null;
  /** Completions whose certificates wait for the confirmation. */
  pendingCompletions: number;
  pendingCorrection: CertificateNameCorrectionView | null;
}

export const correctionSelect = {
  id: true,
  userId: true,
  currentName: true,
  requestedName: true,
  note: true,
  status: true,
  createdAt: true,
  resolvedAt: true,
  resolution: true,
  user: { select: { email: true } },
} as const satisfies Prisma.CertificateNameCorrectionSelect;

/** A correction as `correctionSelect` reads it. */
type CorrectionRow = Prisma.CertificateNameCorrectionGetPayload<{
  select: typeof correctionSelect;
}>;

export function toCorrectionView(row: CorrectionRow): CertificateNameCorrectionView {
  const { user, ...rest } = row;
  return { ...rest, learnerEmail: user.email };
}

/** Completions of live enrolment periods that have no certificate yet (waiting for the name). */
export async function pendingCompletionIds(db: Db | Tx, userId: string): Promise<string[]> {
  const rows = await db.courseCompletion.findMany({
    where: {
      enrollment: { userId, status: { not: 'ENDED' }, supersededAt: null },
      certificates: { none: {} },
    },
    orderBy: { completedAt: 'asc' },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
