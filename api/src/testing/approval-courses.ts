import { providerDayAsDate } from '@lms/core';
import { copyVersionAsDraft, markVersionPublished } from '@lms/db';
import { createCourse, type TestDatabase } from '@lms/db/testing';
import type { TestApi } from '../test-support';
import type { Actor } from './actors';

type Db = TestDatabase['db'];
type Body = 'AAPC' | 'AHIMA' | 'PMI' | 'IACET' | 'OTHER';

let sequence = 0;

/**
 * The day `offset` days from today on the provider's calendar (negative: in the past), as a
 * `date` value (00:00 UTC of that day): "today" is the provider's, as the code judges it.
 */
export function dayFromToday(offset: number): Date {
  const today = providerDayAsDate(new Date());
  return new Date(today.getTime() + offset * 86_400_000);
}

export interface ApprovalSpec {
  body: Body;
  validFrom?: Date;
  validUntil: Date;
  approvalNumber?: string;
  ceuAmount?: string;
}

/**
 * A published course (version 1) whose approvals carry the given dates, built straight in the
 * database (publishing through the API refuses expired approvals, which these tests need) and
 * published with markVersionPublished, as authoring does. Two required text lessons.
 */
export async function createApprovalCourse(
  db: Db,
  options: {
    title: string;
    approvals: ApprovalSpec[];
    ownerId: string;
    priceCents?: number;
    instructionalMinutes?: number;
    /** Adds a required POST_TEST lesson: one single-choice question, "Right" is correct. */
    postTest?: boolean;
  },
) {
  sequence += 1;
  const minutes = options.instructionalMinutes ?? 120;
  const { course, version } = await createCourse(db, {
    ownerId: options.ownerId,
    title: options.title,
    priceCents: options.priceCents,
    instructionalMinutes: minutes,
    modules: [
      {
        title: 'Module one',
        lessons: [
          { title: 'Lesson one', body: 'Text.', estimatedMinutes: minutes / 2 },
          { title: 'Lesson two', body: 'Text.', estimatedMinutes: minutes / 2 },
          ...(options.postTest
            ? [
                {
                  title: 'Post-test',
                  body: 'Good luck.',
                  quiz: {
                    mode: 'POST_TEST' as const,
                    passPercent: 70,
                    maxAttempts: 3,
                    questions: [
                      {
                        type: 'SINGLE_CHOICE' as const,
                        prompt: 'Which answer is right?',
                        options: [{ text: 'Right', correct: true }, { text: 'Wrong' }],
                      },
                    ],
                  },
                },
              ]
            : []),
        ],
      },
    ],
    creditApprovals: options.approvals.map((approval, index) => ({
      body: approval.body,
      approvalNumber: approval.approvalNumber ?? `${approval.body}-LIFE-${sequence}-${index}`,
      ceuAmount: approval.ceuAmount ?? '2.00',
      validFrom: approval.validFrom ?? dayFromToday(-300),
      validUntil: approval.validUntil,
    })),
  });
  return { course, version };
}

/**
 * Publishes the next version of a course as authoring does: copies the latest published version
 * (keys kept), lets the caller change the draft, marks it published and points the course at it.
 */
export async function publishNextVersion(
  db: Db,
  courseId: string,
  change: (draftVersionId: string) => Promise<void> = async () => {},
) {
  const course = await db.course.findUniqueOrThrow({
    where: { id: courseId },
    select: { latestPublishedVersion: { select: { id: true, number: true } } },
  });
  const latest = course.latestPublishedVersion!;
  const draftId = await db.$transaction((tx) =>
    copyVersionAsDraft(tx, latest.id, latest.number + 1, 0),
  );
  await change(draftId);
  const publishedAt = new Date();
  await markVersionPublished(db, [draftId], publishedAt);
  await db.course.update({
    where: { id: courseId },
    data: { latestPublishedVersionId: draftId },
  });
  return draftId;
}

const LEARNING = `query($courseId: ID!) { learningCourse(courseId: $courseId) { modules { lessons { id kind } } } }`;
const COMPLETE = `mutation($lessonId: ID!) { completeLesson(lessonId: $lessonId) { courseCompleted } }`;
const START = `mutation($lessonId: ID!) { startQuizAttempt(lessonId: $lessonId) { id questions { id options { id text } } } }`;
const SAVE = `mutation($attemptId: ID!, $questionId: ID!, $answer: AnswerInput!) {
  saveAnswer(attemptId: $attemptId, questionId: $questionId, answer: $answer) { savedAt } }`;
const SUBMIT = `mutation($attemptId: ID!) { submitQuizAttempt(attemptId: $attemptId) { courseCompleted } }`;

/**
 * An enrolled learner completes a createApprovalCourse course with `postTest` through the API:
 * every text lesson, then the post-test passed with "Right". Returns the version's lessons and
 * whether the submission completed the course.
 */
export async function completeApprovalCourse(api: TestApi, learner: Actor, courseId: string) {
  const lessons = (
    await api.must<{ modules: { lessons: { id: string; kind: string }[] }[] }>(
      LEARNING,
      { courseId },
      learner,
    )
  ).modules.flatMap((module) => module.lessons);
  for (const lesson of lessons.filter((l) => l.kind !== 'QUIZ')) {
    await api.must(COMPLETE, { lessonId: lesson.id }, learner);
  }
  const attempt = await api.must<{
    id: string;
    questions: { id: string; options: { id: string; text: string }[] }[];
  }>(START, { lessonId: lessons.find((l) => l.kind === 'QUIZ')!.id }, learner);
  const question = attempt.questions[0]!;
  await api.must(
    SAVE,
    {
      attemptId: attempt.id,
      questionId: question.id,
      answer: { optionIds: [question.options.find((o) => o.text === 'Right')!.id] },
    },
    learner,
  );
  const submitted = await api.must<{ courseCompleted: boolean }>(
    SUBMIT,
    { attemptId: attempt.id },
    learner,
  );
  return { lessons, courseCompleted: submitted.courseCompleted };
}
