import type { Db } from '@lms/db';
import { quizSettingsSelect } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { isUuid } from '../db/ids';
import type { SqlTx, Tx } from '../db/tx';
import { AppError } from '../errors/app-error';
import { requireEnrolledLesson } from '../learning/enrollment-access';
import { type LearnerAttempt, toLearnerAttempt } from './attempt-views';
import { findOwnedAttempt, loadAttemptRecord, type OwnedAttemptRow } from './sql';

export const TX_OPTIONS = { timeout: 15_000, maxWait: 15_000 };

export const NO_ATTEMPTS_LEFT = (max: number) =>
  `You have used all ${max} attempt${max === 1 ? '' : 's'} allowed for this quiz.`;

export const TIME_UP =
  'Time is up for this attempt: answers can no longer be changed. Submit it to see your score.';

export const ALREADY_SUBMITTED =
  'This attempt has been submitted: its answers can no longer be changed.';

/** The quiz of a lesson the viewer is enrolled in (FORBIDDEN when not enrolled). */
export async function enrolledQuiz(tx: Tx | Db, viewer: Viewer | null, lessonId: string) {
  const enrolled = await requireEnrolledLesson(tx, viewer, lessonId);
  const quiz =
    enrolled.lesson.kind === 'QUIZ'
      ? await tx.quiz.findUnique({
          where: { lessonId },
          select: {
            id: true,
            ...quizSettingsSelect,
            lesson: { select: { title: true } },
          },
        })
      : null;
  if (!quiz) throw AppError.notFound('Quiz');
  return { enrolled, quiz };
}

/**
 * The viewer's own attempt (anyone else's, or an unknown id: NOT_FOUND). `active` also
 * requires the enrolment to be active (FORBIDDEN otherwise): the attempt was started through
 * requireEnrolledLesson, so its lesson is in the enrolled version, and checking the enrolment
 * row here saves the lesson → module → version lookups on every save and submit.
 */
export async function ownAttempt(
  tx: Tx | Db,
  viewer: Viewer | null,
  attemptId: string,
  options: { active?: boolean } = {},
) {
  const row = await checkOwnedAttempt(
    viewer,
    attemptId,
    async (id) => {
      const attempt = await findOwnedAttempt(tx, id);
      return attempt && { attempt };
    },
    options,
  );
  return row.attempt;
}

/**
 * ownAttempt's checks over a row read by `load` (findOwnedAttempt, or loadSubmission, which
 * reads grading's input with it): the viewer's own attempt, of an active enrolment unless
 * `active` is false (submitting requires one).
 */
export async function checkOwnedAttempt<
  Row extends { attempt: Pick<OwnedAttemptRow, 'enrollment'> },
>(
  viewer: Viewer | null,
  attemptId: string,
  load: (attemptId: string) => Promise<Row | null>,
  options: { active?: boolean } = { active: true },
): Promise<Row> {
  const learner = requireViewer(viewer);
  const row = isUuid(attemptId) ? await load(attemptId) : null;
  if (!row || row.attempt.enrollment.userId !== learner.id) throw AppError.notFound('Attempt');
  if (options.active && row.attempt.enrollment.status !== 'ACTIVE') {
    throw new AppError('FORBIDDEN', 'Enrol in this course to open its lessons.');
  }
  return row;
}

/** The learner's view of an attempt, read in one statement (loadAttemptRecord). */
export async function loadLearnerAttempt(
  tx: SqlTx,
  attemptId: string,
  now: Date,
): Promise<LearnerAttempt> {
  const record = await loadAttemptRecord(tx, attemptId);
  if (!record) throw AppError.notFound('Attempt');
  return toLearnerAttempt(record, now, record);
}
