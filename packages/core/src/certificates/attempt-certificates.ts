import { type Db } from '@lms/db';
import { z } from 'zod';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { AppError } from '../errors/app-error';
import { type CertificateView, toCertificateView } from './certificate-views';
import { selectCertificateRows } from './sql';

/** What a quiz attempt's results page says about the course completion it brought about. */
export interface AttemptCompletion {
  /** The passing attempt is the one the course completion records (it completed the course). */
  completedCourse: boolean;
  /** The certificates that completion issued and that are still in force or revoked (never superseded ones: their successors). */
  certificates: CertificateView[];
  /** The course is complete but its certificates wait for the learner to confirm their name. */
  awaitingCertificateName: boolean;
}

/**
 * The completion a passing attempt brought about and the certificates it issued (for the
 * holder only: anyone else gets NOT_FOUND, as for an attempt that does not exist).
 */
export async function getAttemptCompletion(options: {
  db: Db;
  viewer: Viewer | null;
  attemptId: string;
}): Promise<AttemptCompletion> {
  const viewer = requireViewer(options.viewer);
  if (!z.uuid().safeParse(options.attemptId).success) throw AppError.notFound('Quiz attempt');
  const attempt = await options.db.quizAttempt.findUnique({
    where: { id: options.attemptId },
    select: {
      enrollment: {
        select: {
          userId: true,
          completion: { select: { id: true, passedAttemptId: true } },
          user: { select: { certificateNameConfirmedAt: true } },
        },
      },
    },
  });
  if (!attempt || attempt.enrollment.userId !== viewer.id) throw AppError.notFound('Quiz attempt');
  const completion = attempt.enrollment.completion;
  if (!completion || completion.passedAttemptId !== options.attemptId) {
    return { completedCourse: false, certificates: [], awaitingCertificateName: false };
  }
  // A reissued certificate's successor belongs to the same completion: show the live one.
  const rows = await selectCertificateRows(options.db, { completionId: completion.id });
  const certificates = rows.map(toCertificateView).filter((c) => c.status !== 'SUPERSEDED');
  return {
    completedCourse: true,
    certificates,
    awaitingCertificateName:
      certificates.length === 0 && !attempt.enrollment.user.certificateNameConfirmedAt,
  };
}
