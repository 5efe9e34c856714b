import type { Db } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { enrolledQuiz } from './attempt-access';
import { attemptSummarySelect } from './attempt-views';
import { settleExpiredAttempts } from './grade-attempt';

export interface AttemptSummary {
  id: string;
  number: number;
  status: 'IN_PROGRESS' | 'SUBMITTED';
  startedAt: Date;
  submittedAt: Date | null;
  scorePercent: number | null;
  passed: boolean | null;
  /** Percentage points gained over the previous submitted attempt (null for the first). */
  improvement: number | null;
}

export interface LearnerQuiz {
  quizId: string;
  lessonId: string;
  title: string;
  mode: 'PRACTICE' | 'POST_TEST' | 'MOCK_EXAM';
  passPercent: number;
  timeLimitMinutes: number | null;
  maxAttempts: number | null;
  questionsPerAttempt: number;
  allowReview: boolean;
  attemptsUsed: number;
  /** Null when unlimited. */
  attemptsRemaining: number | null;
  bestPercent: number | null;
  passed: boolean;
  openAttemptId: string | null;
  attempts: AttemptSummary[];
}

/** A lesson's quiz for an enrolled learner: settings, attempt history, the open attempt. */
export async function getQuizForLearner(options: {
  db: Db;
  viewer: Viewer | null;
  lessonId: string;
  now?: Date;
}): Promise<LearnerQuiz> {
  const now = options.now ?? new Date();
  const { enrolled, quiz } = await enrolledQuiz(options.db, options.viewer, options.lessonId);
  await settleExpiredAttempts(options.db, enrolled.enrollmentId, quiz.id, now);
  const [rows, pool] = await Promise.all([
    options.db.quizAttempt.findMany({
      where: { enrollmentId: enrolled.enrollmentId, quizId: quiz.id },
      orderBy: { number: 'asc' },
      select: {
        ...attemptSummarySelect,
      },
    }),
    options.db.question.count({ where: { quizId: quiz.id } }),
  ]);
  let previous: number | null = null;
  const attempts: AttemptSummary[] = rows.map((row) => {
    const percent = row.scorePercent?.toNumber() ?? null;
    const improvement =
      percent !== null && previous !== null ? Math.round((percent - previous) * 100) / 100 : null;
    if (percent !== null) previous = percent;
    return { ...row, scorePercent: percent, improvement };
  });
  const scores = attempts.map((a) => a.scorePercent).filter((p): p is number => p !== null);
  return {
    quizId: quiz.id,
    lessonId: options.lessonId,
    title: quiz.lesson.title,
    mode: quiz.mode,
    passPercent: quiz.passPercent,
    timeLimitMinutes: quiz.timeLimitMinutes,
    maxAttempts: quiz.maxAttempts,
    questionsPerAttempt: Math.min(quiz.questionsPerAttempt ?? pool, pool),
    allowReview: quiz.allowReview,
    attemptsUsed: attempts.length,
    attemptsRemaining:
      quiz.maxAttempts === null ? null : Math.max(0, quiz.maxAttempts - attempts.length),
    bestPercent: scores.length ? Math.max(...scores) : null,
    passed: attempts.some((a) => a.passed === true),
    openAttemptId: attempts.find((a) => a.status === 'IN_PROGRESS')?.id ?? null,
    attempts,
  };
}
