// Certificate issuance on completion, called directly on a real database: once per qualifying
// approval, only after the learner confirmed the name to print; revocation; reissue when an
// admin applies a name correction.
import {
  createCourse,
  createEnrollment,
  createUser,
  latch,
  useTestDatabase,
  viewerFor,
} from '@lms/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../access/viewer';
import { writeTransaction } from '../db/hot-transaction';
import { lockEnrollment } from '../db/locks';
import { completeLesson } from '../learning/complete-lesson';
import { insertCourseCompletion } from '../learning/sql';
import { deleteMyAccount } from '../privacy/delete-my-account';
import { providerDay, providerDayAsDate } from '../time/provider-day';
import { confirmCertificateName } from './confirm-certificate-name';
import { issueCertificatesForCompletion } from './issue-certificates';
import { requestCertificateNameCorrection } from './request-certificate-name-correction';
import { resolveCertificateNameCorrection } from './resolve-certificate-name-correction';
import { revokeCertificate } from './revoke-certificate';

const t = useTestDatabase();
let admin: Viewer;
let courseId: string;
let lessonId: string;
let aapcApprovalId: string;

const dayFromToday = (offset: number) =>
  new Date(providerDayAsDate(new Date()).getTime() + offset * 86_400_000);

beforeAll(async () => {
  admin = viewerFor(await createUser(t.db, { role: 'ADMIN' }));
  const owner = await createUser(t.db, { role: 'INSTRUCTOR' });
  const created = await createCourse(t.db, {
    ownerId: owner.id,
    title: 'ICD-10-CM Sequencing Refresher',
    modules: [{ title: 'Rules', lessons: [{ title: 'Etiology and manifestation' }] }],
    creditApprovals: [
      { body: 'AAPC', approvalNumber: 'AAPC-CORE-1', ceuAmount: '1.50' },
      // Not valid yet on the completion date: no credit from it.
      {
        body: 'PMI',
        approvalNumber: 'PMI-LATER-1',
        validFrom: dayFromToday(10),
        validUntil: dayFromToday(300),
      },
    ],
  });
  courseId = created.course.id;
  lessonId = created.lessons[0]!.id;
  aapcApprovalId = (
    await t.db.creditApproval.findFirstOrThrow({ where: { approvalNumber: 'AAPC-CORE-1' } })
  ).id;
}, 60_000);

async function learner(options: { certificateName?: string } = {}): Promise<Viewer> {
  const viewer = viewerFor(await createUser(t.db, { emailVerifiedAt: true, ...options }));
  await createEnrollment(t.db, { userId: viewer.id, courseId });
  return viewer;
}

const certificatesOf = (viewer: Viewer) =>
  t.db.certificate.findMany({ where: { userId: viewer.id }, orderBy: { generation: 'asc' } });

describe('issuance', () => {
  it('issues one certificate per qualifying approval when the course is completed', async () => {
    const viewer = await learner({ certificateName: 'Amara Osei' });
    const done = await completeLesson({ db: t.db, viewer, lessonId });
    expect(done.completion.newlyCompleted).toBe(true);
    const [certificate, ...others] = await certificatesOf(viewer);
    expect(others).toEqual([]);
    expect(certificate).toMatchObject({
      completionId: done.completion.completionId,
      courseId,
      creditApprovalId: aapcApprovalId,
      creditKey: aapcApprovalId,
      generation: 0,
      revokedAt: null,
    });
    expect(certificate!.serial).toMatch(/^CEU-/);
    expect(certificate!.snapshot).toMatchObject({
      participantName: 'Amara Osei',
      programTitle: 'ICD-10-CM Sequencing Refresher',
      credits: [{ body: 'AAPC', indexNumber: 'AAPC-CORE-1', ceuAmount: '1.50' }],
    });
  });

  it('issues nothing more when issuance runs again for the same completion', async () => {
    const viewer = await learner({ certificateName: 'Bao Tran' });
    const done = await completeLesson({ db: t.db, viewer, lessonId });
    const again = await t.db.$transaction((tx) =>
      issueCertificatesForCompletion(tx, done.completion.completionId!, new Date()),
    );
    expect(again).toEqual([]);
    await completeLesson({ db: t.db, viewer, lessonId });
    expect(await certificatesOf(viewer)).toHaveLength(1);
  });

  it('finds a taken certificate key in the hot transaction (raw SQL on a pg connection)', async () => {
    // A refused insert (this key taken; or, at random, a taken serial or status-list bit, which
    // a burst of completions meets) checks for the key: on the quiz submission's hot path
    // (`tx.sql`, no Prisma) that check runs on the transaction's pg connection.
    const viewer = await learner({ certificateName: 'Ines Duarte' });
    const done = await completeLesson({ db: t.db, viewer, lessonId });
    const paths: string[] = [];
    const again = await writeTransaction(t.db, (tx) => {
      paths.push(tx.prisma ? 'prisma' : 'hot');
      return issueCertificatesForCompletion(tx.sql, done.completion.completionId!, new Date());
    });
    expect(paths).toEqual(['hot']);
    expect(again).toEqual([]);
    expect(await certificatesOf(viewer)).toHaveLength(1);
  });

  it('waits for the name to print, then issues dated with the completion', async () => {
    const viewer = await learner();
    // A name on file that the learner has not confirmed yet is not printed.
    await t.db.user.update({ where: { id: viewer.id }, data: { certificateName: 'C. Ruiz' } });
    const done = await completeLesson({ db: t.db, viewer, lessonId });
    expect(done.completion.completed).toBe(true);
    expect(await certificatesOf(viewer)).toEqual([]);
    // Confirmed three days later: the certificate is issued then, dated with the completion day.
    const later = new Date(Date.now() + 3 * 86_400_000);
    await confirmCertificateName({ db: t.db, viewer, name: 'Carmen Ruiz', now: later });
    const certificates = await certificatesOf(viewer);
    const completion = await t.db.courseCompletion.findUniqueOrThrow({
      where: { id: done.completion.completionId! },
    });
    expect(certificates[0]!.snapshot).toMatchObject({
      completionDate: providerDay(completion.completedAt),
      issuedAt: later.toISOString(),
    });
    expect(
      certificates.map((c) => [
        c.creditKey,
        (c.snapshot as { participantName: string }).participantName,
      ]),
    ).toEqual([[aapcApprovalId, 'Carmen Ruiz']]);
  });
});

describe('issuance racing the name confirmation', () => {
  it('issues when the learner confirms the name while the completion commits (real parallel)', async () => {
    // Each transaction reads the other's work before it commits: the completion reads a name
    // not yet confirmed, the confirmation looks for completions without a certificate before the
    // completion commits. Without a conflict between them the completion ended certificate-less.
    const viewer = await learner();
    const enrollment = await t.db.enrollment.findFirstOrThrow({ where: { userId: viewer.id } });
    const read = latch();
    const release = latch();
    const completing = t.db.$transaction(async (tx) => {
      const completion = await insertCourseCompletion(tx, {
        enrollmentId: enrollment.id,
        versionId: enrollment.versionId,
        completedAt: new Date(),
        seatMinutes: 30,
        passedAttemptId: null,
        evidence: {},
      });
      expect(await issueCertificatesForCompletion(tx, completion, new Date())).toEqual([]);
      read.open();
      await release.opened;
    });
    await read.opened;
    let confirmedEarly = false;
    const confirming = confirmCertificateName({ db: t.db, viewer, name: 'Ines Duarte' }).then(
      (state) => {
        confirmedEarly = true;
        return state;
      },
    );
    try {
      // The confirmation either waits on the completion's lock of the learner or has finished.
      await expect
        .poll(async () => {
          if (confirmedEarly) return 'finished';
          const [row] = await t.db.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE wait_event_type = 'Lock' AND datname = current_database()`;
          return row!.n > 0 ? 'waiting' : 'running';
        })
        .not.toBe('running');
    } finally {
      release.open();
    }
    await completing;
    await confirming;
    expect(confirmedEarly).toBe(true);
    const certificates = await certificatesOf(viewer);
    expect(
      certificates.map((c) => (c.snapshot as { participantName: string }).participantName),
    ).toEqual(['Ines Duarte']);
  });
  it('lets a completion and the learner deleting the account both finish, in lock order (real parallel)', async () => {
    // Lock order: enrolment, then learner. The completion holds its enrolment and then reads the
    // learner FOR SHARE; the deletion must take the enrolments before the learner, or each
    // waits for the other and PostgreSQL fails one of them (deadlock).
    const viewer = viewerFor(
      await createUser(t.db, { emailVerifiedAt: true, password: 'pw-Delete-9' }),
    );
    const enrollment = await createEnrollment(t.db, { userId: viewer.id, courseId });
    const locked = latch();
    const release = latch();
    const completing = t.db.$transaction(
      async (tx) => {
        await lockEnrollment(tx, enrollment.id);
        locked.open();
        await release.opened;
        const completion = await insertCourseCompletion(tx, {
          enrollmentId: enrollment.id,
          versionId: enrollment.versionId,
          completedAt: new Date(),
          seatMinutes: 30,
          passedAttemptId: null,
          evidence: {},
        });
        return issueCertificatesForCompletion(tx, completion, new Date());
      },
      { timeout: 30_000 },
    );
    await locked.opened;
    const deleting = deleteMyAccount({
      db: t.db,
      viewer,
      input: { password: 'pw-Delete-9', confirmation: 'delete my account' },
    });
    try {
      // The deletion is waiting on a lock (the enrolment, or the learner then the enrolment).
      await expect
        .poll(async () => {
          const [row] = await t.db.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE wait_event_type = 'Lock' AND datname = current_database()`;
          return row!.n;
        })
        .toBe(1);
    } finally {
      release.open();
    }
    const [completed, deleted] = await Promise.allSettled([completing, deleting]);
    expect([completed.status, deleted.status]).toEqual(['fulfilled', 'fulfilled']);
    expect(await t.db.courseCompletion.count({ where: { enrollmentId: enrollment.id } })).toBe(1);
    expect(
      await t.db.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { deletedAt: true } }),
    ).toEqual({ deletedAt: expect.any(Date) });
  });
});

describe('revocation and reissue', () => {
  it('reissues every live certificate when an admin applies a name correction', async () => {
    const viewer = await learner({ certificateName: 'Dana Smyth' });
    await completeLesson({ db: t.db, viewer, lessonId });
    // The name on issued certificates is no longer the learner's to change alone.
    await expect(
      confirmCertificateName({ db: t.db, viewer, name: 'Dana Smith' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const correction = await requestCertificateNameCorrection({
      db: t.db,
      viewer,
      name: 'Dana Smith',
    });
    await resolveCertificateNameCorrection({
      db: t.db,
      viewer: admin,
      correctionId: correction.id,
      apply: true,
    });
    const [old, current] = await certificatesOf(viewer);
    expect(old).toMatchObject({ generation: 0, revokedById: admin.id });
    expect(old!.revokedAt).toBeInstanceOf(Date);
    expect(old!.revocationReason).toBe(
      'Name corrected from "Dana Smyth" to "Dana Smith" at the learner\'s request',
    );
    expect(current).toMatchObject({
      generation: 1,
      supersedesId: old!.id,
      creditKey: old!.creditKey,
      completionId: old!.completionId,
      revokedAt: null,
    });
    expect(current!.serial).not.toBe(old!.serial);
    expect((current!.snapshot as { participantName: string }).participantName).toBe('Dana Smith');
  });

  it('revokes a certificate once, with the reason, and only by an admin', async () => {
    const viewer = await learner({ certificateName: 'Elif Kaya' });
    await completeLesson({ db: t.db, viewer, lessonId });
    const [certificate] = await certificatesOf(viewer);
    const revoke = (by: Viewer) =>
      revokeCertificate({
        db: t.db,
        viewer: by,
        certificateId: certificate!.id,
        reason: 'Issued in error',
      });
    await expect(revoke(viewer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await revoke(admin);
    const row = await t.db.certificate.findUniqueOrThrow({ where: { id: certificate!.id } });
    expect(row).toMatchObject({ revocationReason: 'Issued in error', revokedById: admin.id });
    await expect(revoke(admin)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
