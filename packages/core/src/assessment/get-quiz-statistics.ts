import type { Db, ExamArea, QuestionType, QuizMode } from '@lms/db';
import { type Viewer } from '../access/viewer';
import { attemptTotals, questionStatistics, scoreDistribution } from './sql';
import { manageableQuizFamily } from './statistics';

export interface QuestionStatistics {
  /** Cross-version identity of the question. */
  questionKey: string;
  /** The question's id in the quiz asked about (null when it is no longer in that quiz). */
  questionId: string | null;
  position: number | null;
  type: QuestionType;
  area: ExamArea;
  prompt: string;
  maxPoints: number;
  /** Submitted attempts that drew the question. */
  drawn: number;
  /** Submitted attempts with a graded answer to it. */
  answered: number;
  fullyCorrect: number;
  /** Average points over the attempts that answered it (null when none did). */
  averagePoints: number | null;
}

export interface ScoreBucket {
  /** 0, 10, … 90. */
  fromPercent: number;
  /** 9.99, 19.99, … 100. */
  toPercent: number;
  count: number;
}

export interface QuizStatistics {
  quizId: string;
  courseId: string;
  lessonTitle: string;
  mode: QuizMode;
  passPercent: number;
  /** Quiz ids of every version of this lesson's quiz that the statistics cover. */
  quizIds: string[];
  submittedAttempts: number;
  inProgressAttempts: number;
  averagePercent: number | null;
  passRate: number | null;
  distribution: ScoreBucket[];
  questions: QuestionStatistics[];
}

export interface GetQuizStatisticsOptions {
  db: Db;
  viewer: Viewer | null;
  quizId: string;
}

/**
 * Per-question statistics, score distribution and totals of a quiz across all published
 * versions of its lesson, for the course's instructors and admins.
 */
export async function getQuizStatistics(
  options: GetQuizStatisticsOptions,
): Promise<QuizStatistics> {
  const { db } = options;
  const { quiz, courseId, quizIds } = await manageableQuizFamily(
    db,
    options.viewer,
    options.quizId,
  );

  const [questionRows, perQuestion, buckets, totals] = await Promise.all([
    db.question.findMany({
      where: { quizId: { in: quizIds } },
      select: {
        id: true,
        key: true,
        quizId: true,
        position: true,
        type: true,
        area: true,
        prompt: true,
        points: true,
      },
    }),
    questionStatistics(db, quizIds),
    scoreDistribution(db, quizIds),
    attemptTotals(db, quizIds),
  ]);

  // One row per question key: the asked-about quiz's version of it when it has one.
  const byKey = new Map<string, (typeof questionRows)[number]>();
  for (const row of questionRows) {
    const current = byKey.get(row.key);
    if (!current || row.quizId === quiz.id) byKey.set(row.key, row);
  }
  const stats = new Map(perQuestion.map((row) => [row.key, row]));
  const questions = [...byKey.values()]
    .map((row) => {
      const stat = stats.get(row.key);
      const inQuiz = row.quizId === quiz.id;
      return {
        questionKey: row.key,
        questionId: inQuiz ? row.id : null,
        position: inQuiz ? row.position : null,
        type: row.type,
        area: row.area,
        prompt: row.prompt,
        maxPoints: row.points,
        drawn: stat?.drawn ?? 0,
        answered: stat?.answered ?? 0,
        fullyCorrect: stat?.fullyCorrect ?? 0,
        averagePoints: stat?.averagePoints ? Number(stat.averagePoints) : null,
      };
    })
    .sort(
      (a, b) =>
        (a.position ?? 100_000) - (b.position ?? 100_000) ||
        a.questionKey.localeCompare(b.questionKey),
    );

  const counts = new Map(buckets.map((row) => [row.bucket, row.count]));
  const distribution = Array.from({ length: 10 }, (_, index) => ({
    fromPercent: index * 10,
    toPercent: index === 9 ? 100 : index * 10 + 9.99,
    count: counts.get(index) ?? 0,
  }));
  const total = totals[0]!;
  return {
    quizId: quiz.id,
    courseId,
    lessonTitle: quiz.lesson.title,
    mode: quiz.mode,
    passPercent: quiz.passPercent,
    quizIds,
    submittedAttempts: total.submitted,
    inProgressAttempts: total.inProgress,
    averagePercent: total.average === null ? null : Number(total.average),
    passRate:
      total.submitted === 0 ? null : Math.round((total.passed / total.submitted) * 10_000) / 100,
    distribution,
    questions,
  };
}
