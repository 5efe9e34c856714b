import { providerDayAsDate } from '@lms/core';
import { copyVersionAsDraft, markVersionPublished } from '@lms/db';
import type { TestDatabase } from '@lms/db/testing';

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
  const course = await db.course.create({
    data: {
      slug: `approval-course-${sequence}-${Date.now()}`,
      ownerId: options.ownerId,
      status: 'DRAFT',
      instructors: { create: [{ userId: options.ownerId, role: 'OWNER' }] },
    },
  });
  const minutes = options.instructionalMinutes ?? 120;
  const version = await db.courseVersion.create({
    data: {
      courseId: course.id,
      number: 1,
      title: options.title,
      summary: 'A summary.',
      kind: 'CE',
      priceCents: options.priceCents ?? 0,
      instructionalMinutes: minutes,
      modules: {
        create: [
          {
            position: 1,
            title: 'Module one',
            lessons: {
              create: [
                { position: 1, title: 'Lesson one', body: 'Text.', estimatedMinutes: minutes / 2 },
                { position: 2, title: 'Lesson two', body: 'Text.', estimatedMinutes: minutes / 2 },
                ...(options.postTest
                  ? [
                      {
                        position: 3,
                        title: 'Post-test',
                        kind: 'QUIZ' as const,
                        body: 'Good luck.',
                        estimatedMinutes: 0,
                        quiz: {
                          create: {
                            mode: 'POST_TEST' as const,
                            passPercent: 70,
                            maxAttempts: 3,
                            questions: {
                              create: [
                                {
                                  position: 1,
                                  type: 'SINGLE_CHOICE' as const,
                                  prompt: 'Which answer is right?',
                                  options: {
                                    create: [
                                      { position: 1, text: 'Right', correct: true },
                                      { position: 2, text: 'Wrong' },
                                    ],
                                  },
                                },
                              ],
                            },
                          },
                        },
                      },
                    ]
                  : []),
              ],
            },
          },
        ],
      },
      creditApprovals: {
        create: options.approvals.map((approval, index) => ({
          body: approval.body,
          approvalNumber: approval.approvalNumber ?? `${approval.body}-LIFE-${sequence}-${index}`,
          approvedTitle: options.title,
          ceuAmount: approval.ceuAmount ?? '2.00',
          validFrom: approval.validFrom ?? dayFromToday(-300),
          validUntil: approval.validUntil,
        })),
      },
    },
  });
  const publishedAt = new Date();
  await markVersionPublished(db, [version.id], publishedAt);
  await db.course.update({
    where: { id: course.id },
    data: { status: 'PUBLISHED', latestPublishedVersionId: version.id, publishedAt },
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
