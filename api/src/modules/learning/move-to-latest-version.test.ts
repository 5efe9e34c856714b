import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';
import {
  createApprovalCourse,
  dayFromToday,
  publishNextVersion,
} from '../../testing/approval-courses';

// Issue 9 defect 2: a renewal must reach learners pinned to the old version.

const ENROLL = `mutation($courseId: ID!) { enrollInCourse(courseId: $courseId) { id } }`;
const COMPLETE = `mutation($lessonId: ID!) { completeLesson(lessonId: $lessonId) { courseCompleted } }`;
const LEARNING = `query($courseId: ID!) { learningCourse(courseId: $courseId) { versionNumber
  completedAt modules { lessons { id title completedAt } } } }`;
const MOVE = `mutation($courseId: ID!, $enrollmentId: ID) {
  moveLearnersToLatestVersion(courseId: $courseId, enrollmentId: $enrollmentId) {
    toVersionNumber moved skipped { learnerName reason } } }`;
const MY_CERTIFICATES = `{ myCertificates { serial credits { indexNumber } } }`;

type Lesson = { id: string; title: string; completedAt: string | null };
type Learning = {
  versionNumber: number;
  completedAt: string | null;
  modules: { lessons: Lesson[] }[];
};
type MoveResult = {
  toVersionNumber: number;
  moved: number;
  skipped: { learnerName: string; reason: string }[];
};

let api: TestApi;
let owner: Actor;

beforeAll(async () => {
  api = await startTestApi();
  owner = await registerActor(api, 'INSTRUCTOR', 'Dana Owner');
}, 60_000);
afterAll(async () => {
  await api?.close();
});

const learning = (actor: Actor, courseId: string) =>
  api.must<Learning>(LEARNING, { courseId }, actor);
const lessonsOf = (view: Learning) => view.modules.flatMap((module) => module.lessons);

/** A course at version 1 (PMI approval ending in 20 days), then version 2 with the renewal. */
async function renewedCourse(title: string) {
  const { course } = await createApprovalCourse(api.database.db, {
    title,
    ownerId: owner.id,
    approvals: [{ body: 'PMI', validUntil: dayFromToday(20), approvalNumber: `OLD-${title}` }],
  });
  return {
    course,
    renew: () =>
      publishNextVersion(api.database.db, course.id, async (draftId) => {
        await api.database.db.creditApproval.updateMany({
          where: { versionId: draftId },
          data: { approvalNumber: `NEW-${title}`, validUntil: dayFromToday(380) },
        });
      }),
  };
}

async function enrolAndComplete(actor: Actor, courseId: string, lessonCount: number) {
  await api.must(ENROLL, { courseId }, actor);
  const lessons = lessonsOf(await learning(actor, courseId));
  for (const lesson of lessons.slice(0, lessonCount)) {
    await api.must(COMPLETE, { lessonId: lesson.id }, actor);
  }
}

describe('moving in-progress learners to the renewed version', () => {
  it('moves every in-progress learner, carries their progress by lesson key, leaves completed ones, audits it', async () => {
    const { course, renew } = await renewedCourse('Renewal Course');
    const halfway = await registerActor(api, 'STUDENT', 'Halfway Learner');
    const finished = await registerActor(api, 'STUDENT', 'Finished Learner');
    await enrolAndComplete(halfway, course.id, 1);
    await enrolAndComplete(finished, course.id, 2);
    const [finishedCertificate] = await api.must<{ serial: string }[]>(
      MY_CERTIFICATES,
      {},
      finished,
    );
    await renew();

    const result = await api.must<MoveResult>(MOVE, { courseId: course.id }, owner);
    expect(result).toEqual({ toVersionNumber: 2, moved: 1, skipped: [] });

    const moved = await learning(halfway, course.id);
    expect(moved.versionNumber).toBe(2);
    const [one, two] = lessonsOf(moved);
    expect(one).toMatchObject({ title: 'Lesson one', completedAt: expect.any(String) });
    expect(two?.completedAt).toBeNull();
    // The lesson ids are version 2's: completing the rest earns the renewed approval.
    await api.must(COMPLETE, { lessonId: two!.id }, halfway);
    const certificates = await api.must<{ credits: { indexNumber: string }[] }[]>(
      MY_CERTIFICATES,
      {},
      halfway,
    );
    expect(certificates.map((c) => c.credits[0]?.indexNumber)).toEqual(['NEW-Renewal Course']);

    // The completed learner stays on version 1 with their certificate.
    const stayed = await learning(finished, course.id);
    expect(stayed.versionNumber).toBe(1);
    expect(await api.must<{ serial: string }[]>(MY_CERTIFICATES, {}, finished)).toEqual([
      finishedCertificate,
    ]);

    const audit = await api.database.db.auditLog.findMany({
      where: { action: 'enrollment.move-version', targetId: course.id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: owner.id,
      details: expect.objectContaining({ fromVersion: 1, toVersion: 2, lessonsCarried: 1 }),
    });

    // Nothing left to move: a second run moves nobody.
    expect(await api.must<MoveResult>(MOVE, { courseId: course.id }, owner)).toMatchObject({
      moved: 0,
    });
  });

  it('moves one learner by enrolment; refuses a completed one; strangers see NOT_FOUND', async () => {
    const { course, renew } = await renewedCourse('Single Move');
    const first = await registerActor(api, 'STUDENT', 'First Learner');
    const second = await registerActor(api, 'STUDENT', 'Second Learner');
    const done = await registerActor(api, 'STUDENT', 'Done Learner');
    await enrolAndComplete(first, course.id, 1);
    await enrolAndComplete(second, course.id, 0);
    await enrolAndComplete(done, course.id, 2);
    await renew();
    const enrollmentOf = async (actor: Actor) =>
      (
        await api.database.db.enrollment.findFirstOrThrow({
          where: { userId: actor.id, courseId: course.id },
          select: { id: true },
        })
      ).id;

    const one = await api.must<MoveResult>(
      MOVE,
      { courseId: course.id, enrollmentId: await enrollmentOf(first) },
      owner,
    );
    expect(one.moved).toBe(1);
    expect((await learning(first, course.id)).versionNumber).toBe(2);
    expect((await learning(second, course.id)).versionNumber).toBe(1);

    const refused = await api.gql(
      MOVE,
      { courseId: course.id, enrollmentId: await enrollmentOf(done) },
      { token: owner.token },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toMatch(/completed/);

    const stranger = await registerActor(api, 'INSTRUCTOR', 'Other Instructor');
    for (const actor of [stranger, second]) {
      const denied = await api.gql(MOVE, { courseId: course.id }, { token: actor.token });
      expect(denied.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect((await learning(second, course.id)).versionNumber).toBe(1);
  });
});
