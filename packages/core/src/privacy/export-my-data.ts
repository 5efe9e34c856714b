import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { type Transcript } from '../transcript/build-transcript';
import { getMyTranscript } from '../transcript/get-my-transcript';

/** Bump when the shape changes, so a reader years later knows what they hold. */
export const DATA_EXPORT_FORMAT = 'codecred-data-export/1';

export interface DataExport {
  format: typeof DATA_EXPORT_FORMAT;
  exportedAt: string;
  profile: unknown;
  sessions: unknown[];
  enrollments: unknown[];
  certificates: unknown[];
  orders: unknown[];
  learnerCredentials: unknown[];
  selfReportedCredits: unknown[];
  nameCorrections: unknown[];
  transcript: Transcript;
}

/**
 * Everything the product stores about the viewer, as one JSON document (the right of access and
 * portability): profile, sessions, enrolments with their lesson progress, quiz attempts (with
 * answers) and completion evidence, certificates (the issued snapshots and their status),
 * orders, declared credentials, self-reported credit, name-correction requests and the CEU
 * transcript. Answer keys are not included (they are the provider's, not the learner's data).
 */
export async function exportMyData(options: {
  db: Db;
  viewer: Viewer | null;
  now?: Date;
}): Promise<DataExport> {
  const viewer = requireViewer(options.viewer);
  const { db } = options;
  const userId = viewer.id;
  const [profile, sessions, enrollments, certificates, orders, credentials, selfReported, names] =
    await Promise.all([
      db.user.findUniqueOrThrow({
        where: { id: userId },
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          bio: true,
          timeZone: true,
          certificateName: true,
          certificateNameConfirmedAt: true,
          createdAt: true,
          updatedAt: true,
          credentials: {
            orderBy: { position: 'asc' },
            select: { credential: true, awardedYear: true },
          },
        },
      }),
      db.session.findMany({
        where: { userId },
        orderBy: { createdAt: 'asc' },
        select: { createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true, ip: true },
      }),
      db.enrollment.findMany({
        where: { userId },
        orderBy: [{ enrolledAt: 'asc' }, { period: 'asc' }],
        select: {
          id: true,
          course: { select: { slug: true } },
          version: { select: { number: true, title: true } },
          source: true,
          status: true,
          period: true,
          enrolledAt: true,
          endedAt: true,
          endedReason: true,
          lastActivityAt: true,
          completedAt: true,
          supersededAt: true,
          progress: {
            orderBy: { firstOpenedAt: 'asc' },
            select: {
              lesson: { select: { title: true } },
              firstOpenedAt: true,
              lastSeenAt: true,
              seatSeconds: true,
              completedAt: true,
            },
          },
          attempts: {
            orderBy: [{ startedAt: 'asc' }],
            select: {
              id: true,
              quiz: { select: { mode: true, lesson: { select: { title: true } } } },
              number: true,
              status: true,
              startedAt: true,
              deadlineAt: true,
              submittedAt: true,
              scorePoints: true,
              maxPoints: true,
              scorePercent: true,
              passed: true,
              answers: {
                orderBy: { savedAt: 'asc' },
                select: {
                  questionId: true,
                  response: true,
                  savedAt: true,
                  points: true,
                  correct: true,
                },
              },
            },
          },
          completion: {
            select: { completedAt: true, seatMinutes: true, passedAttemptId: true, evidence: true },
          },
        },
      }),
      db.certificate.findMany({
        where: { userId },
        orderBy: { issuedAt: 'asc' },
        select: {
          serial: true,
          snapshot: true,
          issuedAt: true,
          revokedAt: true,
          revocationReason: true,
          generation: true,
        },
      }),
      db.order.findMany({
        where: { userId },
        orderBy: { createdAt: 'asc' },
        select: {
          orderNumber: true,
          course: { select: { slug: true } },
          version: { select: { title: true } },
          amountCents: true,
          amountPaidCents: true,
          discountCents: true,
          currency: true,
          status: true,
          billToName: true,
          billToEmployer: true,
          memberId: true,
          createdAt: true,
          paidAt: true,
          refundedAt: true,
          refundReason: true,
        },
      }),
      db.learnerCredential.findMany({
        where: { userId },
        select: { body: true, credential: true, certifiedOn: true, createdAt: true },
      }),
      db.selfReportedCredit.findMany({
        where: { userId },
        orderBy: { completedOn: 'asc' },
        select: {
          body: true,
          title: true,
          provider: true,
          completedOn: true,
          ceuAmount: true,
          category: true,
          note: true,
          createdAt: true,
        },
      }),
      db.certificateNameCorrection.findMany({
        where: { userId },
        orderBy: { createdAt: 'asc' },
        select: {
          currentName: true,
          requestedName: true,
          note: true,
          status: true,
          createdAt: true,
          resolvedAt: true,
          resolution: true,
        },
      }),
    ]);
  const transcript = await getMyTranscript({ db, viewer, now: options.now });
  return {
    format: DATA_EXPORT_FORMAT,
    exportedAt: (options.now ?? new Date()).toISOString(),
    profile,
    sessions,
    enrollments,
    certificates,
    orders,
    learnerCredentials: credentials,
    selfReportedCredits: selfReported,
    nameCorrections: names,
    transcript,
  };
}

/** The export as a download: pretty JSON (Decimals as strings, dates as ISO instants). */
export async function exportMyDataFile(options: {
  db: Db;
  viewer: Viewer | null;
  now?: Date;
}): Promise<{ fileName: string; json: string }> {
  const data = await exportMyData(options);
  return {
    fileName: `my-codecred-data-${data.exportedAt.slice(0, 10)}.json`,
    json: JSON.stringify(data, null, 2),
  };
}
