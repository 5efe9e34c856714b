import {
  addQuestion,
  configureQuiz,
  deleteQuestion,
  deleteQuiz,
  getQuizAttempt,
  getQuizForLearner,
  getQuizStatistics,
  isStaleCodeSetYear,
  listQuizAttempts,
  moveQuestion,
  renderMarkdown,
  saveAnswer,
  startQuizAttempt,
  submitQuizAttempt,
  updateQuestion,
} from '@lms/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../context';
import { toEditableCourse } from '../authoring/authoring.mapper';
import { EditableCourse } from '../authoring/authoring.types';
import { toConnection } from '../common/connection';
import { DraftEditArgs } from '../common/draft-edit-args';
import { toAttemptView, toLearnerAnswer } from './assessment.mapper';
import {
  QuestionDetail,
  QuestionInput,
  QuizAttemptRowConnection,
  QuizSettingsInput,
  QuizStatistics,
} from './assessment.types';
import {
  AnswerInput,
  AttemptQuestion,
  LearnerQuiz,
  QuestionReview,
  QuizAttemptView,
  QuizSubmission,
  SavedAnswer,
} from './learner.types';

@Resolver()
export class AssessmentResolver {
  @Authorized()
  @Mutation(() => EditableCourse, {
    description:
      'Creates or replaces the settings of a QUIZ lesson’s quiz in the draft (created on first save).',
  })
  async configureQuiz(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('lessonId', () => ID, { description: 'The QUIZ lesson (in the draft).' }) lessonId: string,
    @Arg('input', () => QuizSettingsInput, { description: 'The quiz settings.' })
    input: QuizSettingsInput,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(
      await configureQuiz({ db: ctx.db, viewer: ctx.viewer, ...draft, lessonId, input }),
    );
  }

  @Authorized()
  @Mutation(() => EditableCourse, {
    description: 'Deletes a quiz (and its questions) from the draft.',
  })
  async deleteQuiz(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('quizId', () => ID, { description: 'The quiz (in the draft).' }) quizId: string,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(await deleteQuiz({ db: ctx.db, viewer: ctx.viewer, ...draft, quizId }));
  }

  @Authorized()
  @Mutation(() => EditableCourse, {
    description: 'Adds a question at the end of a draft quiz’s pool.',
  })
  async addQuestion(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('quizId', () => ID, { description: 'The quiz (in the draft).' }) quizId: string,
    @Arg('input', () => QuestionInput, { description: 'The question and its key.' })
    input: QuestionInput,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(
      await addQuestion({ db: ctx.db, viewer: ctx.viewer, ...draft, quizId, input }),
    );
  }

  @Authorized()
  @Mutation(() => EditableCourse, {
    description: 'Replaces a question of a draft quiz (its options are recreated).',
  })
  async updateQuestion(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('questionId', () => ID, { description: 'The question (in the draft).' })
    questionId: string,
    @Arg('input', () => QuestionInput, { description: 'The question and its key.' })
    input: QuestionInput,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(
      await updateQuestion({
        db: ctx.db,
        viewer: ctx.viewer,
        ...draft,
        questionId,
        input,
      }),
    );
  }

  @Authorized()
  @Mutation(() => EditableCourse, {
    description: 'Moves a question to a position in its pool (1 = first).',
  })
  async moveQuestion(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('questionId', () => ID, { description: 'The question (in the draft).' })
    questionId: string,
    @Arg('position', () => Int, { description: 'Target position, from 1 (clamped).' })
    position: number,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(
      await moveQuestion({
        db: ctx.db,
        viewer: ctx.viewer,
        ...draft,
        questionId,
        position,
      }),
    );
  }

  @Authorized()
  @Mutation(() => EditableCourse, { description: 'Deletes a question from a draft quiz.' })
  async deleteQuestion(
    @Args(() => DraftEditArgs) draft: DraftEditArgs,
    @Arg('questionId', () => ID, { description: 'The question (in the draft).' })
    questionId: string,
    @Ctx() ctx: Context,
  ) {
    return toEditableCourse(
      await deleteQuestion({ db: ctx.db, viewer: ctx.viewer, ...draft, questionId }),
    );
  }

  @Authorized()
  @Query(() => LearnerQuiz, {
    description:
      'A quiz lesson of a course the viewer is enrolled in: settings, attempt history and the open attempt. Not enrolled: FORBIDDEN. An expired open attempt is submitted first.',
  })
  quizForLearner(
    @Arg('lessonId', () => ID, { description: 'The QUIZ lesson.' }) lessonId: string,
    @Ctx() ctx: Context,
  ) {
    return getQuizForLearner({ db: ctx.db, viewer: ctx.viewer, lessonId });
  }

  @Authorized()
  @Query(() => QuizAttemptView, {
    description:
      'One of the viewer’s attempts. The answer key is never included before submission.',
  })
  async quizAttempt(
    @Arg('id', () => ID, { description: 'Attempt id.' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return toAttemptView(await getQuizAttempt({ db: ctx.db, viewer: ctx.viewer, attemptId: id }));
  }

  @Authorized()
  @Query(() => QuizStatistics, {
    description:
      'Statistics of a quiz (every version of its lesson) for the course’s instructors and admins; anyone else: NOT_FOUND.',
  })
  quizStatistics(
    @Arg('quizId', () => ID, { description: 'A quiz id of any version.' }) quizId: string,
    @Ctx() ctx: Context,
  ) {
    return getQuizStatistics({ db: ctx.db, viewer: ctx.viewer, quizId });
  }

  @Authorized()
  @Mutation(() => QuizAttemptView, {
    description:
      'Starts an attempt (or resumes the open one while its time lasts). PRECONDITION_FAILED when no attempts are left.',
  })
  async startQuizAttempt(
    @Arg('lessonId', () => ID, { description: 'The QUIZ lesson.' }) lessonId: string,
    @Ctx() ctx: Context,
  ) {
    return toAttemptView(await startQuizAttempt({ db: ctx.db, viewer: ctx.viewer, lessonId }));
  }

  @Authorized()
  @Mutation(() => SavedAnswer, {
    description:
      'Saves (replaces) the answer to one question of an open attempt. Refused after the deadline or submission; a refused answer leaves the saved one unchanged.',
  })
  async saveAnswer(
    @Arg('attemptId', () => ID, { description: 'The attempt.' }) attemptId: string,
    @Arg('questionId', () => ID, { description: 'A question of the attempt.' }) questionId: string,
    @Arg('answer', () => AnswerInput, { description: 'The answer.' }) answer: AnswerInput,
    @Ctx() ctx: Context,
  ) {
    const saved = await saveAnswer({
      db: ctx.db,
      viewer: ctx.viewer,
      attemptId,
      questionId,
      answer,
    });
    return { ...saved, response: toLearnerAnswer(saved.response) };
  }

  @Authorized()
  @Mutation(() => QuizSubmission, {
    description: 'Submits and grades an attempt, once (repeating it answers the same result).',
  })
  async submitQuizAttempt(
    @Arg('attemptId', () => ID, { description: 'The attempt.' }) attemptId: string,
    @Ctx() ctx: Context,
  ) {
    const { completion, ...attempt } = await submitQuizAttempt({
      db: ctx.db,
      viewer: ctx.viewer,
      attemptId,
    });
    return {
      attempt: toAttemptView(attempt),
      courseCompleted: completion?.completed ?? false,
      completionMissing: completion?.missing ?? [],
    };
  }
}

@Resolver(() => LearnerQuiz)
export class LearnerQuizResolver {
  @FieldResolver(() => QuizAttemptView, {
    nullable: true,
    description: 'The attempt in progress, if any.',
  })
  async openAttempt(@Root() quiz: LearnerQuiz, @Ctx() ctx: Context) {
    if (!quiz.openAttemptId) return null;
    return toAttemptView(
      await getQuizAttempt({ db: ctx.db, viewer: ctx.viewer, attemptId: quiz.openAttemptId }),
    );
  }
}

@Resolver(() => AttemptQuestion)
export class AttemptQuestionResolver {
  @FieldResolver(() => String, { description: 'The question rendered to sanitised HTML.' })
  promptHtml(@Root() question: AttemptQuestion): string {
    return renderMarkdown(question.prompt);
  }
}

@Resolver(() => QuestionReview)
export class QuestionReviewResolver {
  @FieldResolver(() => String, { description: 'The rationale rendered to sanitised HTML.' })
  rationaleHtml(@Root() review: QuestionReview): string {
    return renderMarkdown(review.rationale);
  }
}

@Resolver(() => QuestionDetail)
export class QuestionDetailResolver {
  @FieldResolver(() => String, { description: 'The question rendered to sanitised HTML.' })
  promptHtml(@Root() question: QuestionDetail): string {
    return renderMarkdown(question.prompt);
  }

  @FieldResolver(() => String, { description: 'The rationale rendered to sanitised HTML.' })
  rationaleHtml(@Root() question: QuestionDetail): string {
    return renderMarkdown(question.rationale);
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when the item was written for an older code-set year than the one in force today (ICD-10 years start October 1): review it for the yearly code update.',
  })
  codeSetStale(@Root() question: QuestionDetail): boolean {
    return isStaleCodeSetYear(question, new Date());
  }
}

@Resolver(() => QuizStatistics)
export class QuizStatisticsResolver {
  @FieldResolver(() => QuizAttemptRowConnection, {
    description: 'Attempts at the quiz, newest first.',
  })
  async attempts(
    @Root() statistics: QuizStatistics,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, 1–100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' }) after:
      | string
      | null,
    @Ctx() ctx: Context,
  ) {
    const page = await listQuizAttempts({
      db: ctx.db,
      viewer: ctx.viewer,
      quizId: statistics.quizId,
      first,
      after,
    });
    return toConnection(page, ({ createdAt: _createdAt, ...row }) => row);
  }
}
