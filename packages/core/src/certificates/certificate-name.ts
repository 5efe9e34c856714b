import type { Db, NameCorrectionStatus } from '@lms/db';
import { z } from 'zod';
import { requireAdmin, requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { requireVerifiedEmail } from '../account/email-verification';
import { recordAudit } from '../audit/record-audit';
import { requireId } from '../db/ids';
import { lockUser } from '../db/locks';
import type { Tx } from '../db/tx';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { issueCertificatesForCompletion } from './issue-certificates';
import { reissueInTransaction } from './revocation';
import { selectNameCorrectionForUpdate } from './sql';

const nameSchema = z
  .string()
  .trim()
  .min(1, 'Enter your name as it should be printed.')
  .max(200, 'Keep the name under 200 characters.')
  .refine(
    (name) => ![...name].some((c) => (c.codePointAt(0) ?? 0) < 0x20 || c.codePointAt(0) === 0x7f),
    'Remove control characters.',
  )
  .transform((name) => name.normalize('NFC').replace(/\s+/g, ' '));

const noteSchema = z
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

const correctionSelect = {
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
} as const;

function toCorrectionView(row: {
  id: string;
  userId: string;
  currentName: string;
  requestedName: string;
  note: string | null;
  status: NameCorrectionStatus;
  createdAt: Date;
  resolvedAt: Date | null;
  resolution: string | null;
  user: { email: string };
}): CertificateNameCorrectionView {
  const { user, ...rest } = row;
  return { ...rest, learnerEmail: user.email };
}

/** Completions of live enrolment periods that have no certificate yet (waiting for the name). */
async function pendingCompletionIds(db: Db | Tx, userId: string): Promise<string[]> {
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

/** The viewer's certificate name: confirmed or not, what waits for it, any open correction. */
export async function getMyCertificateName(options: {
  db: Db;
  viewer: Viewer | null;
}): Promise<CertificateNameState> {
  const viewer = requireViewer(options.viewer);
  const [user, pending, correction] = await Promise.all([
    options.db.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { name: true, certificateName: true, certificateNameConfirmedAt: true },
    }),
    pendingCompletionIds(options.db, viewer.id),
    options.db.certificateNameCorrection.findFirst({
      where: { userId: viewer.id, status: 'PENDING' },
      select: correctionSelect,
    }),
  ]);
  const confirmed = Boolean(user.certificateNameConfirmedAt && user.certificateName);
  return {
    name: (confirmed ? user.certificateName : null) ?? user.name,
    confirmed,
    confirmedAt: user.certificateNameConfirmedAt,
    pendingCompletions: pending.length,
    pendingCorrection: correction ? toCorrectionView(correction) : null,
  };
}

/**
 * The learner confirms the name to print. Allowed until a certificate carries it; after that a
 * change is a correction request (an admin reissues). Certificates waiting for the confirmation
 * are issued now, in the same transaction, each dated with its own completion date.
 */
export async function confirmCertificateName(options: {
  db: Db;
  viewer: Viewer | null;
  name: string;
  now?: Date;
}): Promise<CertificateNameState> {
  const viewer = requireViewer(options.viewer);
  const { name } = parseInput(z.object({ name: nameSchema }), { name: options.name });
  const now = options.now ?? new Date();
  await options.db.$transaction(async (tx) => {
    // Serialises confirmations (and completions' issuance reads) of this learner.
    await lockUser(tx, viewer.id);
    await requireVerifiedEmail(tx, viewer.id, 'confirming the name for your certificates');
    const issued = await tx.certificate.count({ where: { userId: viewer.id } });
    const user = await tx.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { certificateName: true, certificateNameConfirmedAt: true },
    });
    if (issued > 0 && user.certificateNameConfirmedAt) {
      if (user.certificateName === name) return;
      throw new AppError(
        'CONFLICT',
        'Your certificates already carry your confirmed name: request a correction instead.',
      );
    }
    await tx.user.update({
      where: { id: viewer.id },
      data: { certificateName: name, certificateNameConfirmedAt: now },
      select: { id: true },
    });
    for (const completionId of await pendingCompletionIds(tx, viewer.id)) {
      await issueCertificatesForCompletion(tx, completionId, now);
    }
  });
  return getMyCertificateName({ db: options.db, viewer: options.viewer });
}

/** A learner asks an admin to change the name on their certificates (one open request at a time). */
export async function requestCertificateNameCorrection(options: {
  db: Db;
  viewer: Viewer | null;
  name: string;
  note?: string | null;
}): Promise<CertificateNameCorrectionView> {
  const viewer = requireViewer(options.viewer);
  const input = parseInput(z.object({ name: nameSchema, note: noteSchema }), {
    name: options.name,
    note: options.note ?? undefined,
  });
  const id = await options.db.$transaction(async (tx) => {
    await lockUser(tx, viewer.id);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { certificateName: true, certificateNameConfirmedAt: true },
    });
    if (!user.certificateNameConfirmedAt || !user.certificateName) {
      throw new AppError(
        'PRECONDITION_FAILED',
        'Confirm the name to print first; you can change it freely until a certificate is issued.',
      );
    }
    if (user.certificateName === input.name) {
      throw new AppError('BAD_USER_INPUT', 'That is already the name on your certificates.', {
        fieldErrors: { name: ['That is already the name on your certificates.'] },
      });
    }
    const open = await tx.certificateNameCorrection.findFirst({
      where: { userId: viewer.id, status: 'PENDING' },
      select: { id: true },
    });
    if (open) throw new AppError('CONFLICT', 'You already have a correction waiting for an admin.');
    const created = await tx.certificateNameCorrection.create({
      data: {
        userId: viewer.id,
        currentName: user.certificateName,
        requestedName: input.name,
        note: input.note ?? null,
      },
      select: { id: true },
    });
    return created.id;
  });
  return toCorrectionView(
    await options.db.certificateNameCorrection.findUniqueOrThrow({
      where: { id },
      select: correctionSelect,
    }),
  );
}

/** Admin: the correction requests with a status (default PENDING), oldest first, at most 200. */
export async function listCertificateNameCorrections(options: {
  db: Db;
  viewer: Viewer | null;
  status?: NameCorrectionStatus | null;
}): Promise<CertificateNameCorrectionView[]> {
  requireAdmin(options.viewer);
  const rows = await options.db.certificateNameCorrection.findMany({
    where: { status: options.status ?? 'PENDING' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 200,
    select: correctionSelect,
  });
  return rows.map(toCorrectionView);
}

/**
 * Admin: applies or rejects a name correction. Applying sets the learner's certificate name and
 * reissues every live certificate with it: each old one is revoked with the reason "Name
 * corrected from … to …" and superseded by the new one (same credit and dates).
 */
export async function resolveCertificateNameCorrection(options: {
  db: Db;
  viewer: Viewer | null;
  correctionId: string;
  apply: boolean;
  note?: string | null;
  now?: Date;
}): Promise<CertificateNameCorrectionView> {
  const admin = requireAdmin(options.viewer);
  requireId(options.correctionId, 'Correction');
  const { note } = parseInput(z.object({ note: noteSchema }), { note: options.note ?? undefined });
  const now = options.now ?? new Date();
  await options.db.$transaction(async (tx) => {
    const [row] = await selectNameCorrectionForUpdate(tx, options.correctionId);
    if (!row) throw AppError.notFound('Correction');
    if (row.status !== 'PENDING') {
      throw new AppError('CONFLICT', `This request was already ${row.status.toLowerCase()}.`);
    }
    if (options.apply) {
      await tx.user.update({
        where: { id: row.userId },
        data: { certificateName: row.requestedName, certificateNameConfirmedAt: now },
        select: { id: true },
      });
      const live = await tx.certificate.findMany({
        where: { userId: row.userId, revokedAt: null, supersededBy: null },
        orderBy: { issuedAt: 'asc' },
        select: { id: true },
      });
      const reason = `Name corrected from "${row.currentName}" to "${row.requestedName}" at the learner's request`;
      for (const certificate of live) {
        await reissueInTransaction(tx, {
          adminId: admin.id,
          certificateId: certificate.id,
          reason,
          participantName: row.requestedName,
          now,
        });
      }
    }
    await tx.certificateNameCorrection.update({
      where: { id: row.id },
      data: {
        status: options.apply ? 'APPLIED' : 'REJECTED',
        resolvedAt: now,
        resolvedById: admin.id,
        resolution: note ?? null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: admin.id,
      action: options.apply ? 'certificate.name.correct' : 'certificate.name.reject',
      targetType: 'User',
      targetId: row.userId,
      details: { correctionId: row.id, from: row.currentName, to: row.requestedName },
    });
  });
  return toCorrectionView(
    await options.db.certificateNameCorrection.findUniqueOrThrow({
      where: { id: options.correctionId },
      select: correctionSelect,
    }),
  );
}
