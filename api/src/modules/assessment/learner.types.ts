import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AttemptStatus, CodeSystem, ExamArea, QuestionType, QuizMode } from './assessment.enums';

// Learner-facing types. None of the types reachable before submission has a field for the
// key (correct options, accepted answers, answer codes): only QuestionReview does, and it is
// filled only for submitted attempts of quizzes that allow review.

@ObjectType({ description: 'An option as the learner sees it: text only.' })
export class AttemptOption {
  @Field(() => ID, { description: 'Option id (send it in AnswerInput.optionIds).' })
  id!: string;

  @Field(() => String, { description: 'Option text.' })
  text!: string;
}

@ObjectType({ description: 'A learner’s saved answer.' })
export class LearnerAnswer {
  @Field(() => [ID], { description: 'Ticked options (choice questions).' })
  optionIds!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Typed text (short text and code questions), as typed.',
  })
  text!: string | null;

  @Field(() => [String], {
    description: 'CODE_SET: the codes understood from the text, normalised.',
  })
  codes!: string[];
}

@ObjectType({ description: 'A drawn question of an attempt, without its key.' })
export class AttemptQuestion {
  @Field(() => ID, { description: 'Question id (send it to saveAnswer).' })
  id!: string;

  @Field(() => Int, { description: 'Number in the attempt, from 1.' })
  number!: number;

  @Field(() => QuestionType, { description: 'How to answer it.' })
  type!: QuestionType;

  /** Not exposed: Markdown source, rendered by the promptHtml field resolver. */
  prompt!: string;

  @Field(() => ExamArea, { description: 'Exam area (the section in a mock exam).' })
  area!: ExamArea;

  @Field(() => CodeSystem, {
    nullable: true,
    description: 'CODE_SET: the code system to answer in.',
  })
  codeSystem!: CodeSystem | null;

  @Field(() => Int, { description: 'Points available.' })
  points!: number;

  @Field(() => [AttemptOption], {
    description: 'Options in this attempt’s fixed order (choice questions).',
  })
  options!: AttemptOption[];

  @Field(() => LearnerAnswer, {
    nullable: true,
    description: 'The saved answer; null when unanswered.',
  })
  response!: LearnerAnswer | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the answer was last saved.' })
  savedAt!: Date | null;
}

@ObjectType({ description: 'A mock exam section: the attempt’s questions of one exam area.' })
export class AttemptSection {
  @Field(() => ExamArea, { description: 'The exam area.' })
  area!: ExamArea;

  @Field(() => [ID], { description: 'Question ids in the section, in order.' })
  questionIds!: string[];
}

@ObjectType({ description: 'Score of one exam area in a submitted attempt.' })
export class AreaScore {
  @Field(() => ExamArea, { description: 'The exam area.' })
  area!: ExamArea;

  @Field(() => Float, { description: 'Points earned.' })
  points!: number;

  @Field(() => Int, { description: 'Points available.' })
  maxPoints!: number;

  @Field(() => Float, { description: 'Percent, 2 decimals.' })
  percent!: number;
}

@ObjectType({
  description: 'After submission, when the quiz allows review: one question with its answer key.',
})
export class QuestionReview {
  @Field(() => ID, { description: 'Question id.' })
  questionId!: string;

  @Field(() => Int, { description: 'Number in the attempt.' })
  number!: number;

  @Field(() => LearnerAnswer, {
    nullable: true,
    description: 'The learner’s answer (null when unanswered).',
  })
  response!: LearnerAnswer | null;

  @Field(() => Float, { description: 'Points earned.' })
  points!: number;

  @Field(() => Int, { description: 'Points available.' })
  maxPoints!: number;

  @Field(() => Boolean, { description: 'Full marks.' })
  correct!: boolean;

  @Field(() => [ID], { description: 'The correct options (choice questions).' })
  correctOptionIds!: string[];

  @Field(() => [String], { description: 'Accepted answers (short text).' })
  acceptedAnswers!: string[];

  @Field(() => [String], { description: 'The answer codes (code questions).' })
  answerCodes!: string[];

  /** Not exposed: Markdown source, rendered by the rationaleHtml field resolver. */
  rationale!: string;
}

@ObjectType({ description: 'The score of a submitted attempt.' })
export class AttemptResult {
  @Field(() => Float, { description: 'Points earned (partial credit has up to 3 decimals).' })
  scorePoints!: number;

  @Field(() => Int, { description: 'Points available.' })
  maxPoints!: number;

  @Field(() => Float, { description: 'Score in percent, 2 decimals.' })
  scorePercent!: number;

  @Field(() => Boolean, { description: 'Whether the score reached the pass mark.' })
  passed!: boolean;

  @Field(() => Int, { description: 'The pass mark in percent.' })
  passPercent!: number;

  @Field(() => [AreaScore], {
    description: 'Score per exam area (the mock exam report), in section order.',
  })
  areas!: AreaScore[];

  @Field(() => [QuestionReview], {
    nullable: true,
    description:
      'Per question: the answer, the key, points and rationale; null when the quiz does not allow review, and for a post-test until the learner has passed it or submitted the last allowed attempt.',
  })
  review!: QuestionReview[] | null;
}

@ObjectType({ description: 'One sitting of a quiz, as the learner sees it.' })
export class QuizAttemptView {
  @Field(() => ID, { description: 'Attempt id.' })
  id!: string;

  @Field(() => ID, { description: 'The quiz.' })
  quizId!: string;

  @Field(() => ID, { description: 'The quiz lesson.' })
  lessonId!: string;

  @Field(() => Int, { description: 'Attempt number, from 1.' })
  number!: number;

  @Field(() => AttemptStatus, { description: 'In progress or submitted.' })
  status!: AttemptStatus;

  @Field(() => QuizMode, { description: 'Quiz mode.' })
  mode!: QuizMode;

  @Field(() => DateTimeResolver, { description: 'When the attempt started.' })
  startedAt!: Date;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'Deadline (server time); null when untimed.',
  })
  deadlineAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was submitted.' })
  submittedAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Seconds left; null when untimed or submitted.',
  })
  secondsRemaining!: number | null;

  @Field(() => [AttemptQuestion], {
    description: 'The drawn questions in order, with saved answers.',
  })
  questions!: AttemptQuestion[];

  @Field(() => [AttemptSection], {
    description: 'Mock exams: questions grouped by exam area; empty otherwise.',
  })
  sections!: AttemptSection[];

  @Field(() => AttemptResult, { nullable: true, description: 'Score and review once submitted.' })
  result!: AttemptResult | null;
}

@ObjectType({ description: 'The result of submitting an attempt.' })
export class QuizSubmission {
  @Field(() => QuizAttemptView, { description: 'The graded attempt.' })
  attempt!: QuizAttemptView;

  @Field(() => Boolean, { description: 'Whether the enrolment now has a course completion.' })
  courseCompleted!: boolean;

  @Field(() => [String], { description: 'What is still missing for course completion, in words.' })
  completionMissing!: string[];
}

@ObjectType({ description: 'An answer just saved.' })
export class SavedAnswer {
  @Field(() => ID, { description: 'The attempt.' })
  attemptId!: string;

  @Field(() => ID, { description: 'The question.' })
  questionId!: string;

  @Field(() => LearnerAnswer, { description: 'The answer as stored.' })
  response!: LearnerAnswer;

  @Field(() => DateTimeResolver, { description: 'When it was saved (server time).' })
  savedAt!: Date;

  @Field(() => Int, { nullable: true, description: 'Seconds left; null when untimed.' })
  secondsRemaining!: number | null;
}

@ObjectType({ description: 'One attempt in the learner’s history.' })
export class QuizAttemptSummary {
  @Field(() => ID, { description: 'Attempt id.' })
  id!: string;

  @Field(() => Int, { description: 'Attempt number, from 1.' })
  number!: number;

  @Field(() => AttemptStatus, { description: 'In progress or submitted.' })
  status!: AttemptStatus;

  @Field(() => DateTimeResolver, { description: 'When it started.' })
  startedAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was submitted.' })
  submittedAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'Score in percent once submitted.' })
  scorePercent!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it passed, once submitted.' })
  passed!: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Percentage points gained over the previous submitted attempt; null for the first.',
  })
  improvement!: number | null;
}

@ObjectType({
  description: 'A quiz lesson as an enrolled learner sees it: settings and their attempts.',
})
export class LearnerQuiz {
  @Field(() => ID, { description: 'Quiz id.' })
  quizId!: string;

  @Field(() => ID, { description: 'The quiz lesson.' })
  lessonId!: string;

  @Field(() => String, { description: 'Lesson title.' })
  title!: string;

  @Field(() => QuizMode, { description: 'Quiz mode.' })
  mode!: QuizMode;

  @Field(() => Int, { description: 'Pass mark in percent.' })
  passPercent!: number;

  @Field(() => Int, { nullable: true, description: 'Time limit in minutes; null: untimed.' })
  timeLimitMinutes!: number | null;

  @Field(() => Int, { nullable: true, description: 'Attempts allowed; null: unlimited.' })
  maxAttempts!: number | null;

  @Field(() => Int, { description: 'Questions per attempt.' })
  questionsPerAttempt!: number;

  @Field(() => Boolean, {
    description:
      'Whether answers and rationales are shown after submission; a post-test shows them only once the learner has passed it or submitted the last allowed attempt.',
  })
  allowReview!: boolean;

  @Field(() => Int, { description: 'Attempts started so far.' })
  attemptsUsed!: number;

  @Field(() => Int, { nullable: true, description: 'Attempts left; null: unlimited.' })
  attemptsRemaining!: number | null;

  @Field(() => Float, { nullable: true, description: 'Best score in percent so far.' })
  bestPercent!: number | null;

  @Field(() => Boolean, { description: 'Whether any attempt passed.' })
  passed!: boolean;

  @Field(() => [QuizAttemptSummary], {
    description: 'Attempt history, oldest first, with improvement.',
  })
  attempts!: QuizAttemptSummary[];

  /** Not exposed: resolved into openAttempt. */
  openAttemptId!: string | null;
}

@InputType({
  description:
    'An answer: option ids for choice questions, text for short-text and code questions.',
})
export class AnswerInput {
  @Field(() => [ID], { nullable: true, description: 'Ticked option ids (choice questions).' })
  optionIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Short text, or codes separated by spaces, commas, semicolons or new lines (e.g. "E11.9, I10").',
  })
  text?: string | null;
}
