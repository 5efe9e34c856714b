import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection';
import { AttemptStatus, CodeSystem, ExamArea, QuestionType, QuizMode } from './assessment.enums';

// Instructor-facing types: these carry the answer key and are reachable only through the
// course editor (EditableLesson.quiz) and the statistics, both limited to the course's
// instructors and admins.

@ObjectType({
  description: 'An option of a choice question, with whether it is correct (instructors only).',
})
export class QuestionOptionDetail {
  @Field(() => ID, { description: 'Option id (in this draft).' })
  id!: string;

  @Field(() => Int, { description: 'Order within the question, from 1.' })
  position!: number;

  @Field(() => String, { description: 'Option text.' })
  text!: string;

  @Field(() => Boolean, { description: 'Whether ticking this option is correct.' })
  correct!: boolean;
}

@ObjectType({ description: 'A question of a quiz pool with its key, as its instructors edit it.' })
export class QuestionDetail {
  @Field(() => ID, { description: 'Question id (in this draft).' })
  id!: string;

  @Field(() => Int, { description: 'Order in the pool, from 1.' })
  position!: number;

  @Field(() => QuestionType, { description: 'How the question is answered and scored.' })
  type!: QuestionType;

  @Field(() => String, { description: 'Markdown source of the question.' })
  prompt!: string;

  @Field(() => String, {
    description: 'Markdown explanation shown in the review after submission.',
  })
  rationale!: string;

  @Field(() => ExamArea, { description: 'Exam area (mock exams draw and report per area).' })
  area!: ExamArea;

  @Field(() => Int, {
    nullable: true,
    description: 'Code-set year the item was written for, e.g. 2027.',
  })
  codeSetYear!: number | null;

  @Field(() => CodeSystem, { nullable: true, description: 'Code system of a CODE_SET question.' })
  codeSystem!: CodeSystem | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'CODE_SET: the release the key is checked against (null: flagged, choose one, or none of the system is loaded).',
  })
  codeSetReleaseId!: string | null;

  @Field(() => Int, { description: 'Points for a fully correct answer (1–10).' })
  points!: number;

  @Field(() => [String], { description: 'SHORT_TEXT: the accepted answers.' })
  acceptedAnswers!: string[];

  @Field(() => [String], { description: 'CODE_SET: the answer codes.' })
  answerCodes!: string[];

  @Field(() => [QuestionOptionDetail], { description: 'Choice questions: options in order.' })
  options!: QuestionOptionDetail[];
}

@ObjectType({
  description: 'The quiz of a QUIZ lesson with its question pool and key (instructors only).',
})
export class QuizDetail {
  @Field(() => ID, { description: 'Quiz id (in this draft).' })
  id!: string;

  @Field(() => QuizMode, { description: 'Practice, post-test or mock exam.' })
  mode!: QuizMode;

  @Field(() => Int, { description: 'Pass mark in percent (1–100).' })
  passPercent!: number;

  @Field(() => Int, { nullable: true, description: 'Time limit in minutes; null: untimed.' })
  timeLimitMinutes!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Attempts allowed per learner; null: unlimited.',
  })
  maxAttempts!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Questions drawn per attempt; null: the whole pool.',
  })
  questionsPerAttempt!: number | null;

  @Field(() => Boolean, { description: 'Shuffle the order of questions per attempt.' })
  shuffleQuestions!: boolean;

  @Field(() => Boolean, { description: 'Shuffle the order of options per attempt.' })
  shuffleOptions!: boolean;

  @Field(() => Boolean, {
    description:
      'Show answers and rationales after submission (a post-test: only after a pass or the last attempt).',
  })
  allowReview!: boolean;

  @Field(() => [QuestionDetail], { description: 'The question pool in order.' })
  questions!: QuestionDetail[];
}

@InputType({ description: 'A quiz’s settings.' })
export class QuizSettingsInput {
  @Field(() => QuizMode, {
    description: 'Practice, post-test (at most one per course) or mock exam.',
  })
  mode!: QuizMode;

  @Field(() => Int, { description: 'Pass mark in percent, 1–100.' })
  passPercent!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Time limit in minutes (e.g. 240 for a mock exam); omit for untimed.',
  })
  timeLimitMinutes?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Attempts allowed per learner; omit for unlimited.',
  })
  maxAttempts?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Questions drawn per attempt (at most the pool size); omit for all.',
  })
  questionsPerAttempt?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Shuffle questions per attempt (default true).',
  })
  shuffleQuestions?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Shuffle options per attempt (default true).',
  })
  shuffleOptions?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Show answers and rationales after submission (default true; a post-test: only after a pass or the last attempt).',
  })
  allowReview?: boolean;
}

@InputType({ description: 'An option of a choice question.' })
export class QuestionOptionInput {
  @Field(() => String, { description: 'Option text, at most 1,000 characters.' })
  text!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the option is correct (default false).',
  })
  correct?: boolean;
}

@InputType({ description: 'A question and its key. Which fields apply depends on the type.' })
export class QuestionInput {
  @Field(() => QuestionType, { description: 'How the question is answered and scored.' })
  type!: QuestionType;

  @Field(() => String, { description: 'The question in Markdown, at most 20 KB.' })
  prompt!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Explanation shown in the review (Markdown, at most 20 KB).',
  })
  rationale?: string;

  @Field(() => ExamArea, { nullable: true, description: 'Exam area (default GENERAL).' })
  area?: ExamArea;

  @Field(() => Int, {
    nullable: true,
    description: 'Code-set year the item was written for, e.g. 2027.',
  })
  codeSetYear?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Points for a fully correct answer, 1–10 (default 1).',
  })
  points?: number;

  @Field(() => [QuestionOptionInput], {
    nullable: true,
    description:
      'SINGLE_CHOICE (exactly one correct) and MULTIPLE_CHOICE (at least one correct): 2–10 options.',
  })
  options?: QuestionOptionInput[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'TRUE_FALSE: whether the statement is true.',
  })
  trueFalseAnswer?: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description: 'SHORT_TEXT: accepted answers (case and spacing ignored).',
  })
  acceptedAnswers?: string[] | null;

  @Field(() => CodeSystem, {
    nullable: true,
    description: 'CODE_SET: the code system of the answer codes.',
  })
  codeSystem?: CodeSystem | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'CODE_SET: the code-set release the item is written for; required once a release of the system is loaded (see codeSetReleases). Every answer code must be a billable code of it.',
  })
  codeSetReleaseId?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'CODE_SET: the answer codes, each valid in the code system (CPT and dental D-codes are refused).',
  })
  answerCodes?: string[] | null;
}

@ObjectType({
  description: 'How learners did on one question (matched across versions by its key).',
})
export class QuestionStatistics {
  @Field(() => ID, { description: 'Cross-version identity of the question.' })
  questionKey!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The question’s id in the quiz asked about; null if it left that quiz.',
  })
  questionId!: string | null;

  @Field(() => Int, { nullable: true, description: 'Position in the quiz asked about.' })
  position!: number | null;

  @Field(() => QuestionType, { description: 'Question type.' })
  type!: QuestionType;

  @Field(() => ExamArea, { description: 'Exam area.' })
  area!: ExamArea;

  @Field(() => String, { description: 'Markdown source of the question.' })
  prompt!: string;

  @Field(() => Int, { description: 'Points for a fully correct answer.' })
  maxPoints!: number;

  @Field(() => Int, { description: 'Submitted attempts that drew the question.' })
  drawn!: number;

  @Field(() => Int, { description: 'Submitted attempts that answered it (in time).' })
  answered!: number;

  @Field(() => Int, { description: 'Answers with full marks.' })
  fullyCorrect!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Average points of the answers; null when unanswered.',
  })
  averagePoints!: number | null;
}

@ObjectType({ description: 'Submitted attempts whose score falls in a 10-point band.' })
export class ScoreBucket {
  @Field(() => Float, { description: 'Lowest percent of the band (0, 10, … 90).' })
  fromPercent!: number;

  @Field(() => Float, { description: 'Highest percent of the band (9.99, 19.99, … 100).' })
  toPercent!: number;

  @Field(() => Int, { description: 'Number of submitted attempts in the band.' })
  count!: number;
}

@ObjectType({ description: 'An attempt as the course’s instructors see it in the attempts list.' })
export class QuizAttemptRow {
  @Field(() => ID, { description: 'Attempt id.' })
  id!: string;

  @Field(() => ID, { description: 'The learner’s user id.' })
  learnerId!: string;

  @Field(() => String, { description: 'The learner’s name.' })
  learnerName!: string;

  @Field(() => String, { description: 'The learner’s email.' })
  learnerEmail!: string;

  @Field(() => Int, { description: 'Course version the learner is enrolled in.' })
  versionNumber!: number;

  @Field(() => Int, { description: 'The learner’s attempt number, from 1.' })
  number!: number;

  @Field(() => AttemptStatus, { description: 'In progress or submitted.' })
  status!: AttemptStatus;

  @Field(() => DateTimeResolver, { description: 'When the attempt started.' })
  startedAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was submitted.' })
  submittedAt!: Date | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Score in percent (2 decimals) once submitted.',
  })
  scorePercent!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it passed, once submitted.' })
  passed!: boolean | null;
}

export const QuizAttemptRowConnection = Connection(
  QuizAttemptRow,
  'QuizAttemptRow',
  'quiz attempt',
);

@ObjectType({
  description:
    'Statistics of a quiz across every published version of its lesson, for the course’s instructors and admins.',
})
export class QuizStatistics {
  @Field(() => ID, { description: 'The quiz asked about.' })
  quizId!: string;

  @Field(() => ID, { description: 'Its course.' })
  courseId!: string;

  @Field(() => String, { description: 'Title of the quiz lesson.' })
  lessonTitle!: string;

  @Field(() => QuizMode, { description: 'Quiz mode.' })
  mode!: QuizMode;

  @Field(() => Int, { description: 'Pass mark in percent.' })
  passPercent!: number;

  @Field(() => Int, { description: 'Submitted attempts.' })
  submittedAttempts!: number;

  @Field(() => Int, { description: 'Attempts still in progress.' })
  inProgressAttempts!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Average score of submitted attempts in percent.',
  })
  averagePercent!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of submitted attempts that passed, in percent.',
  })
  passRate!: number | null;

  @Field(() => [ScoreBucket], {
    description: 'Score distribution in 10 bands: 0–9%, 10–19% … 90–100%.',
  })
  distribution!: ScoreBucket[];

  @Field(() => [QuestionStatistics], { description: 'Per-question statistics, in pool order.' })
  questions!: QuestionStatistics[];
}
