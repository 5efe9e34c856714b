import type { AttemptStatus, CodeSystem, ExamArea, QuestionType, QuizMode } from '@lms/db';
import { EXAM_AREA_ORDER } from './draw';
import type { LearnerResponse } from './scoring';
import { percentOf } from './scoring';

/** A drawn question as the learner sees it: no key of any kind. */
export interface LearnerQuestion {
  id: string;
  /** 1-based number in the attempt. */
  number: number;
  type: QuestionType;
  /** Markdown source (transports render it, e.g. with renderMarkdown, only when asked). */
  prompt: string;
  area: ExamArea;
  codeSystem: CodeSystem | null;
  points: number;
  /** Options in the attempt's fixed order: id and text only. */
  options: { id: string; text: string }[];
  response: LearnerResponse | null;
  savedAt: Date | null;
}

export interface AttemptSection {
  area: ExamArea;
  questionIds: string[];
}

export interface AreaScore {
  area: ExamArea;
  points: number;
  maxPoints: number;
  percent: number;
}

/** After submission (and only when the quiz allows review): the key, per question. */
export interface QuestionReview {
  questionId: string;
  number: number;
  response: LearnerResponse | null;
  points: number;
  maxPoints: number;
  correct: boolean;
  correctOptionIds: string[];
  acceptedAnswers: string[];
  answerCodes: string[];
  /** Markdown source of the explanation. */
  rationale: string;
}

export interface AttemptResult {
  scorePoints: number;
  maxPoints: number;
  scorePercent: number;
  passed: boolean;
  passPercent: number;
  areas: AreaScore[];
  /** Null when the quiz does not allow review. */
  review: QuestionReview[] | null;
}

export interface LearnerAttempt {
  id: string;
  quizId: string;
  lessonId: string;
  number: number;
  status: AttemptStatus;
  mode: QuizMode;
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  /** Seconds left before the deadline (0 when past); null when untimed or submitted. */
  secondsRemaining: number | null;
  questions: LearnerQuestion[];
  /** Mock exams: the questions grouped by exam area, in order. Empty otherwise. */
  sections: AttemptSection[];
  result: AttemptResult | null;
}

/** An attempt's line in a list (the learner's history, an instructor's attempt list). */
export const attemptSummarySelect = {
  id: true,
  number: true,
  status: true,
  startedAt: true,
  submittedAt: true,
  scorePercent: true,
  passed: true,
} as const;

/** Everything a view needs, loaded by loadAttemptRecord (sql.ts). */
export interface AttemptRecord {
  id: string;
  quizId: string;
  enrollmentId: string;
  number: number;
  status: AttemptStatus;
  questionIds: string[];
  optionOrder: unknown;
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  scorePoints: number | null;
  maxPoints: number | null;
  scorePercent: number | null;
  passed: boolean | null;
  quiz: {
    lessonId: string;
    mode: QuizMode;
    passPercent: number;
    allowReview: boolean;
    maxAttempts: number | null;
    questions: {
      id: string;
      type: QuestionType;
      prompt: string;
      rationale: string;
      area: ExamArea;
      codeSystem: CodeSystem | null;
      points: number;
      acceptedAnswers: string[];
      answerCodes: string[];
      options: { id: string; text: string; correct: boolean }[];
    }[];
  };
  answers: {
    questionId: string;
    response: unknown;
    savedAt: Date;
    points: number | null;
    correct: boolean | null;
  }[];
}

export function asResponse(value: unknown): LearnerResponse | null {
  if (!value || typeof value !== 'object') return null;
  const raw = value as Record<string, unknown>;
  const response: LearnerResponse = {};
  if (Array.isArray(raw.optionIds)) response.optionIds = raw.optionIds.map(String);
  if (typeof raw.text === 'string') response.text = raw.text;
  if (Array.isArray(raw.codes)) response.codes = raw.codes.map(String);
  return response;
}

/** Groups drawn questions by exam area, in the order they appear. */
export function sectionsOf(questions: { id: string; area: ExamArea }[]): AttemptSection[] {
  const sections: AttemptSection[] = [];
  for (const question of questions) {
    const last = sections.at(-1);
    if (last && last.area === question.area) last.questionIds.push(question.id);
    else sections.push({ area: question.area, questionIds: [question.id] });
  }
  return sections;
}

/** The learner's submitted attempts of one quiz: what decides whether a post-test's key shows. */
export interface AttemptHistory {
  submittedAttempts: number;
  passedAny: boolean;
}

/**
 * Whether a submitted attempt's review (the key, per question) may be shown. Practice quizzes
 * and mock exams: when the quiz allows review. A post-test (the test that earns CE credit):
 * only once the learner has passed it or has submitted the last allowed attempt, so a failed
 * attempt never hands over the key for the retake (AAPC's ethics rule). This holds whatever
 * the quiz's review setting says; that setting can only turn review off.
 */
export function reviewVisible(
  quiz: { mode: QuizMode; allowReview: boolean; maxAttempts: number | null },
  history: AttemptHistory,
): boolean {
  if (!quiz.allowReview) return false;
  if (quiz.mode !== 'POST_TEST') return true;
  if (history.passedAny) return true;
  return quiz.maxAttempts !== null && history.submittedAttempts >= quiz.maxAttempts;
}

/**
 * The learner's view of an attempt. Before submission nothing of the key is included; after
 * it, the score and per-area report, and the review when `reviewVisible` allows it.
 */
export function toLearnerAttempt(
  record: AttemptRecord,
  now: Date,
  history: AttemptHistory,
): LearnerAttempt {
  const byId = new Map(record.quiz.questions.map((question) => [question.id, question]));
  const answers = new Map(record.answers.map((answer) => [answer.questionId, answer]));
  const optionOrder = (record.optionOrder ?? {}) as Record<string, string[]>;
  const drawn = record.questionIds.map((id) => byId.get(id)).filter((q) => q !== undefined);
  const submitted = record.status === 'SUBMITTED';

  const questions: LearnerQuestion[] = drawn.map((question, index) => {
    const order = optionOrder[question.id] ?? question.options.map((option) => option.id);
    const options = new Map(question.options.map((option) => [option.id, option.text]));
    const answer = answers.get(question.id);
    return {
      id: question.id,
      number: index + 1,
      type: question.type,
      prompt: question.prompt,
      area: question.area,
      codeSystem: question.codeSystem,
      points: question.points,
      options: order.filter((id) => options.has(id)).map((id) => ({ id, text: options.get(id)! })),
      response: answer ? asResponse(answer.response) : null,
      savedAt: answer?.savedAt ?? null,
    };
  });

  let result: AttemptResult | null = null;
  if (submitted) {
    const areaTotals = new Map<ExamArea, { points: number; maxPoints: number }>();
    for (const question of drawn) {
      const total = areaTotals.get(question.area) ?? { points: 0, maxPoints: 0 };
      total.points += answers.get(question.id)?.points ?? 0;
      total.maxPoints += question.points;
      areaTotals.set(question.area, total);
    }
    const areas = EXAM_AREA_ORDER.filter((area) => areaTotals.has(area)).map((area) => {
      const total = areaTotals.get(area)!;
      return {
        area,
        points: Math.round(total.points * 1000) / 1000,
        maxPoints: total.maxPoints,
        percent: percentOf(total.points, total.maxPoints),
      };
    });
    result = {
      scorePoints: record.scorePoints ?? 0,
      maxPoints: record.maxPoints ?? 0,
      scorePercent: record.scorePercent ?? 0,
      passed: record.passed ?? false,
      passPercent: record.quiz.passPercent,
      areas,
      review: reviewVisible(record.quiz, history)
        ? drawn.map((question, index) => {
            const answer = answers.get(question.id);
            return {
              questionId: question.id,
              number: index + 1,
              response: answer ? asResponse(answer.response) : null,
              points: answer?.points ?? 0,
              maxPoints: question.points,
              correct: answer?.correct ?? false,
              correctOptionIds: question.options.filter((o) => o.correct).map((o) => o.id),
              acceptedAnswers: question.acceptedAnswers,
              answerCodes: question.answerCodes,
              rationale: question.rationale,
            };
          })
        : null,
    };
  }

  return {
    id: record.id,
    quizId: record.quizId,
    lessonId: record.quiz.lessonId,
    number: record.number,
    status: record.status,
    mode: record.quiz.mode,
    startedAt: record.startedAt,
    deadlineAt: record.deadlineAt,
    submittedAt: record.submittedAt,
    secondsRemaining:
      submitted || !record.deadlineAt
        ? null
        : Math.max(0, Math.floor((record.deadlineAt.getTime() - now.getTime()) / 1000)),
    questions,
    sections: record.quiz.mode === 'MOCK_EXAM' ? sectionsOf(drawn) : [],
    result,
  };
}
