import {
  type AuditPacketDocument,
  type CertificateSnapshot,
  normalizeSerial,
  renderAuditPacketPdf,
} from '@lms/credentials';
import type { Db } from '@lms/db';
import { creditApprovalTermsSelect } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { type ApprovalStatus, approvalStatus } from '../authoring/approval-status';
import { AppError } from '../errors/app-error';
import { providerTimeZone } from '../time/provider-day';
import type { CertificateStatus } from './certificate-views';

/**
 * The audit packet: the shape its PDF renders (`AuditPacketDocument` in @lms/credentials, one
 * definition for both), tagged with its format so readers years later know what they hold, and
 * with core's own status types. The approval is the one as it stood (approvals of a published
 * version never change), with its status on the completion date; the history is oldest first.
 */
export type AuditPacket = AuditPacketDocument & {
  format: 'codecred-audit-packet/1';
  certificate: { status: CertificateStatus };
  approval: { statusOnCompletionDate: ApprovalStatus } | null;
};

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Everything an auditor asks about one certificate, from stored rows only: the snapshot, the
 * completion evidence (lessons with their times, seat time, the passing post-test attempt), the
 * approval as it stood, and the status history (issued, revoked, superseded). For the holder and
 * admins; anyone else gets NOT_FOUND.
 */
export async function getCertificateAuditPacket(options: {
  db: Db;
  viewer: Viewer | null;
  serial: string;
  now?: Date;
}): Promise<AuditPacket> {
  const actor = requireViewer(options.viewer);
  const serial = normalizeSerial(options.serial);
  if (!serial) throw AppError.notFound('Certificate');
  const row = await options.db.certificate.findUnique({
    where: { serial },
    select: {
      id: true,
      serial: true,
      userId: true,
      enrollmentId: true,
      snapshot: true,
      issuedAt: true,
      revokedAt: true,
      revocationReason: true,
      revokedBy: { select: { name: true } },
      supersedes: { select: { serial: true } },
      supersededBy: { select: { serial: true, issuedAt: true } },
      creditApproval: {
        select: {
          ...creditApprovalTermsSelect,
        },
      },
      completion: {
        select: {
          completedAt: true,
          seatMinutes: true,
          passedAttemptId: true,
          evidence: true,
          version: {
            select: {
              number: true,
              minimumSeatMinutes: true,
              modules: {
                orderBy: { position: 'asc' },
                select: {
                  title: true,
                  lessons: {
                    orderBy: { position: 'asc' },
                    select: { id: true, title: true, required: true },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!row || (row.userId !== actor.id && actor.role !== 'ADMIN')) {
    throw AppError.notFound('Certificate');
  }
  const { completion } = row;
  const [progress, attempt] = await Promise.all([
    options.db.lessonProgress.findMany({
      where: { enrollmentId: row.enrollmentId },
      select: { lessonId: true, firstOpenedAt: true, completedAt: true, seatSeconds: true },
    }),
    completion.passedAttemptId
      ? options.db.quizAttempt.findUnique({
          where: { id: completion.passedAttemptId },
          select: {
            number: true,
            startedAt: true,
            submittedAt: true,
            scorePercent: true,
            passed: true,
            quiz: { select: { passPercent: true, lesson: { select: { title: true } } } },
          },
        })
      : null,
  ]);
  const progressByLesson = new Map(progress.map((p) => [p.lessonId, p]));
  const evidence = (completion.evidence ?? {}) as { seatSeconds?: number };
  const status: CertificateStatus = row.supersededBy
    ? 'SUPERSEDED'
    : row.revokedAt
      ? 'REVOKED'
      : 'VALID';

  const history: AuditPacket['statusHistory'] = [
    {
      at: row.issuedAt.toISOString(),
      event: 'ISSUED',
      detail: row.supersedes
        ? `Issued as the correction of certificate ${row.supersedes.serial}.`
        : 'Issued from the completion evidence below.',
    },
  ];
  if (row.revokedAt) {
    history.push({
      at: row.revokedAt.toISOString(),
      event: 'REVOKED',
      detail: `${row.revocationReason ?? 'No reason recorded'}${row.revokedBy ? ` (by ${row.revokedBy.name})` : ''}.`,
    });
  }
  if (row.supersededBy) {
    history.push({
      at: row.supersededBy.issuedAt.toISOString(),
      event: 'SUPERSEDED',
      detail: `Replaced by certificate ${row.supersededBy.serial}.`,
    });
  }
  history.sort((a, b) => a.at.localeCompare(b.at));

  const approval = row.creditApproval;
  return {
    format: 'codecred-audit-packet/1',
    generatedAt: (options.now ?? new Date()).toISOString(),
    certificate: {
      serial: row.serial,
      status,
      issuedAt: row.issuedAt.toISOString(),
      revokedAt: row.revokedAt?.toISOString() ?? null,
      revocationReason: row.revocationReason,
      supersedesSerial: row.supersedes?.serial ?? null,
      supersededBySerial: row.supersededBy?.serial ?? null,
      snapshot: row.snapshot as unknown as CertificateSnapshot,
    },
    completion: {
      completedAt: completion.completedAt.toISOString(),
      courseVersion: completion.version.number,
      seatMinutes: completion.seatMinutes,
      seatSeconds: evidence.seatSeconds ?? completion.seatMinutes * 60,
      minimumSeatMinutes: completion.version.minimumSeatMinutes,
      lessons: completion.version.modules.flatMap((module) =>
        module.lessons.map((lesson) => {
          const p = progressByLesson.get(lesson.id);
          return {
            module: module.title,
            title: lesson.title,
            required: lesson.required,
            firstOpenedAt: p?.firstOpenedAt.toISOString() ?? null,
            completedAt: p?.completedAt?.toISOString() ?? null,
            seatSeconds: p?.seatSeconds ?? 0,
          };
        }),
      ),
      passingAttempt: attempt
        ? {
            quiz: attempt.quiz.lesson.title,
            number: attempt.number,
            startedAt: attempt.startedAt.toISOString(),
            submittedAt: attempt.submittedAt?.toISOString() ?? null,
            scorePercent: attempt.scorePercent?.toFixed(2) ?? null,
            passPercent: attempt.quiz.passPercent,
            passed: attempt.passed,
          }
        : null,
    },
    approval: approval
      ? {
          body: approval.body,
          bodyName: approval.bodyName,
          approvalNumber: approval.approvalNumber,
          approvedTitle: approval.approvedTitle,
          ceuAmount: approval.ceuAmount.toFixed(2),
          category: approval.category,
          validFrom: day(approval.validFrom),
          validUntil: day(approval.validUntil),
          statusOnCompletionDate: approvalStatus(approval, completion.completedAt),
        }
      : null,
    statusHistory: history,
  };
}

/** The audit packet as one PDF (shared PDF setup of @lms/credentials) or as JSON. */
export async function exportCertificateAuditPacket(options: {
  db: Db;
  viewer: Viewer | null;
  serial: string;
  format: 'pdf' | 'json';
  now?: Date;
}): Promise<{ filename: string; contentType: string; body: Buffer | string }> {
  const packet = await getCertificateAuditPacket(options);
  const base = `audit-packet-${packet.certificate.serial}`;
  if (options.format === 'json') {
    return {
      filename: `${base}.json`,
      contentType: 'application/json; charset=utf-8',
      body: `${JSON.stringify(packet, null, 2)}\n`,
    };
  }
  const document: AuditPacketDocument = packet;
  return {
    filename: `${base}.pdf`,
    contentType: 'application/pdf',
    body: await renderAuditPacketPdf(document, { timeZone: providerTimeZone() }),
  };
}
