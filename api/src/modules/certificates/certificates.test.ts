import { gunzipSync } from 'node:zlib';
import {
  completeLesson,
  endEnrollment,
  getMyTranscript,
  getViewerByToken,
  issueCertificatesForCompletion,
} from '@lms/core';
import {
  generateIssuerKey,
  importIssuerKey,
  signCredentialJwt,
  verifyCredentialJwt,
} from '@lms/credentials';
import { createCourse } from '@lms/db/testing';
import { extractPdfTextLines } from '@lms/pdf/testing';
import { decodeJwt, importJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';
import * as quiz from '../../testing/assessment-operations';
import * as ops from '../../testing/authoring-operations';

const ENROLL = `mutation($courseId: ID!) { enrollInCourse(courseId: $courseId) { id } }`;
const COMPLETE = `mutation($lessonId: ID!) { completeLesson(lessonId: $lessonId) { courseCompleted courseNewlyCompleted } }`;
const CERT_FIELDS = `serial participantName programTitle sponsoringOrganization completionDate issuedAt
  credits { body bodyName indexNumber ceuAmount category } instructionalMinutes verifyUrl status revokedAt
  revocationReason supersedesSerial supersededBySerial`;
const MY_CERTIFICATES = `{ myCertificates { id courseId ${CERT_FIELDS} } }`;
const CERTIFICATE = `query($serial: String!) { certificate(serial: $serial) { id ${CERT_FIELDS} } }`;
const VERIFY = `query($serial: String!) { verifyCertificate(serial: $serial) { status serial certificate { ${CERT_FIELDS} } } }`;
const REVOKE = `mutation($id: ID!, $reason: String!) { revokeCertificate(id: $id, reason: $reason) { id status revokedAt revocationReason } }`;
const REISSUE = `mutation($id: ID!, $reason: String!, $name: String) { reissueCertificate(id: $id, reason: $reason, participantName: $name) { id ${CERT_FIELDS} } }`;
const ADD_CREDENTIAL = `mutation($input: LearnerCredentialInput!) { addCredential(input: $input) { id body credential certifiedOn } }`;
const REMOVE_CREDENTIAL = `mutation($id: ID!) { removeCredential(id: $id) }`;
const ADD_SELF = `mutation($input: SelfReportedCreditInput!) { addSelfReportedCredit(input: $input) { id ceuAmount } }`;
const REMOVE_SELF = `mutation($id: ID!) { removeSelfReportedCredit(id: $id) }`;
const TRANSCRIPT = `{ myTranscript { learnerName cycles { body credentials label cycleStart cycleEnd current required earned
  remaining coreMinimum coreEarned percent entries { date title body ceuAmount source serial indexNumber selfReportedId } } } }`;

type Cert = {
  id: string;
  serial: string;
  participantName: string;
  programTitle: string;
  credits: { body: string; indexNumber: string; ceuAmount: string }[];
  status: string;
  verifyUrl: string;
  supersededBySerial: string | null;
  supersedesSerial: string | null;
  revocationReason: string | null;
};

let api: TestApi;
let instructor: Actor;
let admin: Actor;

type Editable = { id: string; revision: number; modules: { id: string }[] };

interface ApprovalSpec {
  body: 'AAPC' | 'AHIMA' | 'PMI';
  number: string;
  validUntil?: string;
  ceuAmount?: string;
}

/** A day relative to the day the tests run, YYYY-MM-DD (approvals are valid at most a year). */
const isoDay = (daysFromToday: number) =>
  new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);

/**
 * A free CE course built through the authoring API: two required text lessons, the approvals
 * and, when one is AAPC's (AAPC requires it), a one-question post-test.
 */
async function ceCourse(approvals: ApprovalSpec[]) {
  const title = `Certificate Course ${Math.random().toString(36).slice(2, 8)}`;
  let course = await api.must<Editable>(
    ops.CREATE_COURSE,
    { input: { title, summary: 'CE.', kind: 'CE', priceCents: 0 } },
    instructor,
  );
  for (const approval of approvals) {
    course = await api.must<Editable>(
      ops.ADD_APPROVAL,
      {
        courseId: course.id,
        revision: course.revision,
        input: {
          body: approval.body,
          approvalNumber: approval.number,
          approvedTitle: title,
          ceuAmount: approval.ceuAmount ?? '2.00',
          category: 'core',
          validFrom: isoDay(-30),
          validUntil: approval.validUntil ?? isoDay(300),
        },
      },
      instructor,
    );
  }
  // The first approval set the default per-lesson minimum; this instructor explicitly asks
  // for none, so the lessons can be completed at once (seat time is tested in learning).
  course = await api.must<Editable>(
    ops.UPDATE_DETAILS,
    {
      courseId: course.id,
      revision: course.revision,
      input: { title, summary: 'CE.', kind: 'CE', priceCents: 0, minimumLessonTimePercent: 0 },
    },
    instructor,
  );
  course = await api.must<Editable>(
    ops.ADD_MODULE,
    { courseId: course.id, revision: course.revision, title: 'Module' },
    instructor,
  );
  for (const name of ['One', 'Two']) {
    course = await api.must<Editable>(
      ops.ADD_LESSON,
      {
        courseId: course.id,
        revision: course.revision,
        moduleId: course.modules[0]!.id,
        input: { ...ops.TEXT_LESSON, title: name, estimatedMinutes: 5 },
      },
      instructor,
    );
  }
  if (approvals.some((approval) => approval.body === 'AAPC')) {
    let editor = await api.must<quiz.Editor>(
      ops.ADD_LESSON,
      {
        courseId: course.id,
        revision: course.revision,
        moduleId: course.modules[0]!.id,
        input: { title: 'Post-test', kind: 'QUIZ', body: '', estimatedMinutes: 5 },
      },
      instructor,
    );
    editor = await api.must<quiz.Editor>(
      quiz.CONFIGURE_QUIZ,
      {
        courseId: course.id,
        revision: editor.revision,
        lessonId: (await quizLessonOf(course.id)).id,
        input: { ...quiz.POST_TEST, maxAttempts: null },
      },
      instructor,
    );
    const quizId = quiz.quizLesson(editor).quiz!.id;
    editor = await api.must<quiz.Editor>(
      quiz.ADD_QUESTION,
      {
        courseId: course.id,
        revision: editor.revision,
        quizId,
        input: quiz.QUESTIONS[2],
      },
      instructor,
    );
    course = { ...course, revision: editor.revision };
  }
  await api.must(ops.PUBLISH, { courseId: course.id, revision: course.revision }, instructor);
  const lessons = await api.database.db.lesson.findMany({
    where: { module: { version: { courseId: course.id, number: 1 } } },
    orderBy: { position: 'asc' },
    select: { id: true, kind: true },
  });
  return {
    courseId: course.id,
    title,
    lessons: lessons.filter((l) => l.kind !== 'QUIZ').map((l) => l.id),
    postTest: lessons.find((l) => l.kind === 'QUIZ')?.id ?? null,
  };
}

async function quizLessonOf(courseId: string) {
  return api.database.db.lesson.findFirstOrThrow({
    where: { kind: 'QUIZ', module: { version: { courseId, publishedAt: null } } },
    select: { id: true },
  });
}

/** Takes the post-test, answering True (wrong) or False (right); returns the attempt id. */
async function takePostTest(course: { postTest?: string | null }, learner: Actor, answer: string) {
  const attempt = await api.must<{
    id: string;
    questions: { id: string; options: { id: string; text: string }[] }[];
  }>(quiz.START_ATTEMPT, { lessonId: course.postTest }, learner);
  const question = attempt.questions[0]!;
  await api.must(
    quiz.SAVE_ANSWER,
    {
      attemptId: attempt.id,
      questionId: question.id,
      answer: { optionIds: [question.options.find((o) => o.text === answer)!.id] },
    },
    learner,
  );
  await api.must(quiz.SUBMIT_ATTEMPT, { attemptId: attempt.id }, learner);
  return attempt.id;
}

/** Passes the course's post-test, if it has one (the true/false question's answer is False). */
async function passPostTest(course: { postTest?: string | null }, learner: Actor) {
  if (!course.postTest) return;
  await takePostTest(course, learner, 'False');
}

async function completeCourse(
  course: { courseId: string; lessons: string[]; postTest?: string | null },
  learner: Actor,
) {
  await api.must(ENROLL, { courseId: course.courseId }, learner);
  await passPostTest(course, learner);
  for (const lessonId of course.lessons) await api.must(COMPLETE, { lessonId }, learner);
}

async function myCertificates(learner: Actor) {
  return api.must<Cert[]>(MY_CERTIFICATES, {}, learner);
}

async function download(path: string, token?: string) {
  return fetch(`${api.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

beforeAll(async () => {
  api = await startTestApi();
  instructor = await registerActor(api, 'INSTRUCTOR', 'Ines Instructor');
  admin = await registerActor(api, 'ADMIN', 'Ada Admin');
}, 60_000);
afterAll(async () => {
  await api?.close();
});

describe('issuing', () => {
  it('issues one certificate per qualifying approval at completion, from the stored evidence', async () => {
    const course = await ceCourse([
      { body: 'AAPC', number: 'AAPC-T-1', ceuAmount: '2.00' },
      { body: 'AHIMA', number: 'AHIMA-T-1', ceuAmount: '1.50' },
    ]);
    const learner = await registerActor(api, 'STUDENT', 'Jordan Rivera');
    await api.must(ENROLL, { courseId: course.courseId }, learner);
    await passPostTest(course, learner);
    await api.must(COMPLETE, { lessonId: course.lessons[0] }, learner);
    expect(await myCertificates(learner)).toEqual([]); // nothing (no index number) before completion
    await api.must(COMPLETE, { lessonId: course.lessons[1] }, learner);
    const certificates = await myCertificates(learner);
    expect(certificates).toHaveLength(2);
    const byBody = Object.fromEntries(certificates.map((c) => [c.credits[0]!.body, c]));
    expect(byBody.AAPC).toMatchObject({
      participantName: 'Jordan Rivera',
      programTitle: course.title,
      status: 'VALID',
      credits: [{ body: 'AAPC', indexNumber: 'AAPC-T-1', ceuAmount: '2.00' }],
    });
    expect(byBody.AHIMA?.credits).toEqual([
      expect.objectContaining({ body: 'AHIMA', indexNumber: 'AHIMA-T-1', ceuAmount: '1.50' }),
    ]);
    for (const certificate of certificates) {
      expect(certificate.serial).toMatch(
        /^CEU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
      );
      expect(certificate.verifyUrl).toBe(`http://127.0.0.1:3000/verify/${certificate.serial}`);
    }
    const completion = await api.database.db.courseCompletion.findFirstOrThrow({
      where: { enrollment: { userId: learner.id } },
    });
    const rows = await api.database.db.certificate.findMany({ where: { userId: learner.id } });
    expect(rows.every((row) => row.completionId === completion.id)).toBe(true);
    expect(rows.map((row) => row.issuedAt.getTime())).toEqual([
      completion.completedAt.getTime(),
      completion.completedAt.getTime(),
    ]);
  });

  it('issues exactly once per learner and approval, whatever the concurrent or repeated completions', async () => {
    const course = await ceCourse([
      { body: 'AAPC', number: 'AAPC-T-2' },
      { body: 'AHIMA', number: 'AHIMA-T-2' },
    ]);
    const learner = await registerActor(api, 'STUDENT');
    await api.must(ENROLL, { courseId: course.courseId }, learner);
    await passPostTest(course, learner);
    // Both lessons completed at once, many times over: every call may be the one that completes.
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api.gql<{ completeLesson: { courseNewlyCompleted: boolean } }>(
          COMPLETE,
          { lessonId: course.lessons[i % 2] },
          { token: learner.token },
        ),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(results.filter((r) => r.data?.completeLesson.courseNewlyCompleted)).toHaveLength(1);
    // A retake of the same lessons and a direct re-run of the issuer change nothing.
    await Promise.all(course.lessons.map((lessonId) => api.must(COMPLETE, { lessonId }, learner)));
    const completion = await api.database.db.courseCompletion.findFirstOrThrow({
      where: { enrollment: { userId: learner.id } },
    });
    const again = await Promise.all(
      [1, 2, 3].map(() =>
        api.database.db.$transaction((tx) =>
          issueCertificatesForCompletion(tx, completion.id, new Date()),
        ),
      ),
    );
    expect(again.flat()).toEqual([]);
    const rows = await api.database.db.certificate.findMany({ where: { userId: learner.id } });
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((row) => row.creditApprovalId)).size).toBe(2);
    // The database itself refuses a second certificate for the same approval.
    await expect(
      api.database.db.certificate.create({
        data: {
          ...rows[0]!,
          id: undefined,
          serial: 'CEU-0000-0000-0001',
          statusListIndex: undefined,
          snapshot: {},
        },
      }),
    ).rejects.toThrow();
  });

  it('gives no AAPC credit when the approval had expired on the completion date', async () => {
    const course = await ceCourse([
      { body: 'AAPC', number: 'AAPC-T-3', validUntil: isoDay(30) },
      { body: 'AHIMA', number: 'AHIMA-T-3', validUntil: isoDay(300) },
    ]);
    const learner = await registerActor(api, 'STUDENT');
    await api.must(ENROLL, { courseId: course.courseId }, learner);
    await passPostTest(course, learner);
    const viewer = await getViewerByToken({ db: api.database.db, token: learner.token });
    const later = new Date(`${isoDay(45)}T10:00:00Z`);
    for (const lessonId of course.lessons) {
      await completeLesson({ db: api.database.db, viewer, lessonId, now: later });
    }
    const certificates = await myCertificates(learner);
    expect(certificates.map((c) => c.credits.map((credit) => credit.indexNumber))).toEqual([
      ['AHIMA-T-3'],
    ]);
    expect(certificates[0]).toMatchObject({ completionDate: isoDay(45) });
  });

  it('issues a certificate of completion without credit when no approval qualifies', async () => {
    const course = await ceCourse([{ body: 'AAPC', number: 'AAPC-T-4', validUntil: isoDay(30) }]);
    const learner = await registerActor(api, 'STUDENT');
    await api.must(ENROLL, { courseId: course.courseId }, learner);
    await passPostTest(course, learner);
    const viewer = await getViewerByToken({ db: api.database.db, token: learner.token });
    for (const lessonId of course.lessons) {
      await completeLesson({
        db: api.database.db,
        viewer,
        lessonId,
        now: new Date(`${isoDay(60)}T00:00:00Z`),
      });
    }
    const certificates = await myCertificates(learner);
    expect(certificates).toHaveLength(1);
    expect(certificates[0]!.credits).toEqual([]);
    const row = await api.database.db.certificate.findFirstOrThrow({
      where: { userId: learner.id },
    });
    expect(row).toMatchObject({ creditApprovalId: null, creditKey: 'completion', generation: 0 });
  });

  it('gives no AAPC credit when the approved title no longer matches the program title', async () => {
    // Authoring refuses to publish such a version, so build it in the database directly.
    const { course, lessons } = await createCourse(api.database.db, {
      ownerId: instructor.id,
      title: 'Outpatient Coding Update 2027',
      instructionalMinutes: 60,
      modules: [{ title: 'M', lessons: [{ title: 'L', estimatedMinutes: 5 }] }],
      creditApprovals: [
        {
          body: 'AAPC',
          approvalNumber: 'AAPC-T-5',
          approvedTitle: 'Outpatient Coding Update 2026',
          validFrom: new Date('2026-01-01'),
          validUntil: new Date('2099-12-31'),
        },
        {
          body: 'AHIMA',
          approvalNumber: 'AHIMA-T-5',
          approvedTitle: 'Anything',
          validFrom: new Date('2026-01-01'),
          validUntil: new Date('2099-12-31'),
        },
      ],
    });
    const lesson = lessons[0]!;
    const learner = await registerActor(api, 'STUDENT');
    await completeCourse({ courseId: course.id, lessons: [lesson.id] }, learner);
    const certificates = await myCertificates(learner);
    expect(certificates.map((c) => c.credits.map((credit) => credit.indexNumber))).toEqual([
      ['AHIMA-T-5'],
    ]);
  });
});

describe('immutability, revocation and reissue', () => {
  it('keeps the row an immutable snapshot: only the revocation can be recorded, once', async () => {
    const course = await ceCourse([{ body: 'AAPC', number: 'AAPC-T-6' }]);
    const learner = await registerActor(api, 'STUDENT');
    await completeCourse(course, learner);
    const [certificate] = await myCertificates(learner);
    const db = api.database.db;
    const before = await db.certificate.findUniqueOrThrow({
      where: { serial: certificate!.serial },
    });

    for (const data of [
      { snapshot: { ...(before.snapshot as object), participantName: 'Someone Else' } },
      { serial: 'CEU-AAAA-AAAA-AAAA' },
      { userId: admin.id },
      { issuedAt: new Date('2020-01-01') },
      { statusListIndex: 99_999 },
    ]) {
      await expect(db.certificate.update({ where: { id: before.id }, data })).rejects.toThrow(
        /immutable snapshot/,
      );
    }
    await expect(db.certificate.delete({ where: { id: before.id } })).rejects.toThrow(
      /cannot be deleted/,
    );
    await expect(db.$executeRawUnsafe('TRUNCATE "Certificate" CASCADE')).rejects.toThrow(
      /cannot be truncated/,
    );
    await expect(
      db.certificate.update({ where: { id: before.id }, data: { revokedAt: new Date() } }),
    ).rejects.toThrow(/needs a time and a reason/);

    // Every API path: the owner and an instructor cannot revoke or reissue; an admin revokes once.
    for (const actor of [learner, instructor]) {
      for (const [query, variables] of [
        [REVOKE, { id: before.id, reason: 'mine now' }],
        [REISSUE, { id: before.id, reason: 'rename me', name: 'Someone Else' }],
      ] as const) {
        const refused = await api.gql(query, variables, { token: actor.token });
        expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    }
    const anonymous = await api.gql(REVOKE, { id: before.id, reason: 'anon' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const revoked = await api.must<{ status: string; revocationReason: string }>(
      REVOKE,
      { id: before.id, reason: 'Issued in error' },
      admin,
    );
    expect(revoked).toMatchObject({ status: 'REVOKED', revocationReason: 'Issued in error' });
    const twice = await api.gql(REVOKE, { id: before.id, reason: 'again' }, { token: admin.token });
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await expect(
      db.certificate.update({ where: { id: before.id }, data: { revocationReason: 'rewritten' } }),
    ).rejects.toThrow(/already revoked/);
    const after = await db.certificate.findUniqueOrThrow({ where: { id: before.id } });
    expect({ ...after, revokedAt: null, revocationReason: null, revokedById: null }).toEqual(
      before,
    );
    expect(after.revokedById).toBe(admin.id);
  });

  it('reissues with a corrected name: the old serial verifies as SUPERSEDED, the new one VALID', async () => {
    const course = await ceCourse([{ body: 'AAPC', number: 'AAPC-T-7' }]);
    const learner = await registerActor(api, 'STUDENT', 'Jordn Rivra');
    await completeCourse(course, learner);
    const [old] = await myCertificates(learner);
    const [first, second] = await Promise.all(
      [1, 2].map(() =>
        api.gql<{ reissueCertificate: Cert }>(
          REISSUE,
          { id: old!.id, reason: 'Name misspelt', name: 'Jordan Rivera' },
          { token: admin.token },
        ),
      ),
    );
    const winners = [first!, second!].filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect([first!, second!].find((r) => r.errors)?.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const fresh = winners[0]!.data!.reissueCertificate;
    expect(fresh).toMatchObject({
      participantName: 'Jordan Rivera',
      status: 'VALID',
      supersedesSerial: old!.serial,
      credits: old!.credits,
    });
    expect(fresh.serial).not.toBe(old!.serial);
    const oldNow = await api.must<{ status: string; certificate: Cert }>(VERIFY, {
      serial: old!.serial,
    });
    expect(oldNow.status).toBe('SUPERSEDED');
    expect(oldNow.certificate).toMatchObject({
      supersededBySerial: fresh.serial,
      revocationReason: 'Name misspelt',
      participantName: 'Jordn Rivra',
    });
    const list = await myCertificates(learner);
    expect(list.map((c) => c.status).sort()).toEqual(['SUPERSEDED', 'VALID']);
  });

  it('revokes every certificate of an enrolment when it ends for a refund', async () => {
    const course = await ceCourse([
      { body: 'AAPC', number: 'AAPC-T-8' },
      { body: 'AHIMA', number: 'AHIMA-T-8' },
    ]);
    const learner = await registerActor(api, 'STUDENT');
    await completeCourse(course, learner);
    await api.database.db.$transaction((tx) =>
      endEnrollment(tx, { userId: learner.id, courseId: course.courseId, reason: 'refunded' }),
    );
    const certificates = await myCertificates(learner);
    expect(certificates).toHaveLength(2);
    expect(certificates.map((c) => [c.status, c.revocationReason])).toEqual([
      ['REVOKED', 'refunded'],
      ['REVOKED', 'refunded'],
    ]);
    const pdf = await download(`/certificates/${certificates[0]!.serial}.pdf`, learner.token);
    expect(pdf.status).toBe(409);
  });
});

describe('admin certificate search', () => {
  const SEARCH = `query($search: String, $status: CertificateStatus, $first: Int, $after: String) {
    certificates(search: $search, status: $status, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { holderName holderEmail revokedByName certificate { id serial programTitle status revocationReason } } } } }`;
  type Hit = {
    holderName: string;
    holderEmail: string;
    revokedByName: string | null;
    certificate: {
      id: string;
      serial: string;
      programTitle: string;
      status: string;
      revocationReason: string | null;
    };
  };
  type Found = {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Hit }[];
  };
  const search = (variables: Record<string, unknown>) => api.must<Found>(SEARCH, variables, admin);
  const serials = (found: Found) => found.edges.map((edge) => edge.node.certificate.serial).sort();

  it('finds certificates by learner name or email, course title or serial; pages; shows who revoked and why', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const course = await ceCourse([{ body: 'AHIMA', number: `AHIMA-S-${tag}` }]);
    const other = await ceCourse([{ body: 'AHIMA', number: `AHIMA-S2-${tag}` }]);
    const zoe = await registerActor(api, 'STUDENT', `Zoë Searchfield ${tag}`);
    const yann = await registerActor(api, 'STUDENT', `Yann Otherly ${tag}`);
    await completeCourse(course, zoe);
    await completeCourse(other, zoe);
    await completeCourse(course, yann);
    const [zoeFirst, zoeSecond] = await myCertificates(zoe);
    const [yanns] = await myCertificates(yann);

    // Learner name (a fragment, any case) and email.
    expect(serials(await search({ search: `searchFIELD ${tag}` }))).toEqual(
      [zoeFirst!.serial, zoeSecond!.serial].sort(),
    );
    const byEmail = await search({ search: yann.email.toUpperCase() });
    expect(byEmail.edges.map((edge) => edge.node)).toEqual([
      {
        holderName: `Yann Otherly ${tag}`,
        holderEmail: yann.email,
        revokedByName: null,
        certificate: expect.objectContaining({ serial: yanns!.serial, status: 'VALID' }),
      },
    ]);
    // Course title as printed: both learners of the first course.
    const byCourse = await search({ search: course.title.toLowerCase() });
    expect(byCourse.totalCount).toBe(2);
    expect(
      byCourse.edges.every((edge) => edge.node.certificate.programTitle === course.title),
    ).toBe(true);
    // A serial typed loosely (lower case, no dashes) finds exactly that certificate.
    const loose = yanns!.serial.toLowerCase().replaceAll('-', '');
    expect(serials(await search({ search: loose }))).toEqual([yanns!.serial]);
    // A search matching nothing, and LIKE wildcards taken literally.
    expect((await search({ search: `nobody-${tag}` })).totalCount).toBe(0);
    expect((await search({ search: '%' })).totalCount).toBe(0);

    // Pages of one: every certificate once, in order, then no next page.
    const first = await search({ search: tag, first: 1 });
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search({ search: tag, first: 1, after: first.pageInfo.endCursor });
    const third = await search({ search: tag, first: 2, after: second.pageInfo.endCursor });
    expect(third.pageInfo.hasNextPage).toBe(false);
    expect([...serials(first), ...serials(second), ...serials(third)].sort()).toEqual(
      [zoeFirst!.serial, zoeSecond!.serial, yanns!.serial].sort(),
    );

    // Revoked: the status filter finds it, with the reason and who revoked it.
    await api.must(REVOKE, { id: yanns!.id, reason: 'Completed under a shared account' }, admin);
    const revoked = await search({ search: tag, status: 'REVOKED' });
    expect(revoked.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({
        revokedByName: 'Ada Admin',
        certificate: expect.objectContaining({
          serial: yanns!.serial,
          status: 'REVOKED',
          revocationReason: 'Completed under a shared account',
        }),
      }),
    ]);
    expect((await search({ search: tag, status: 'VALID' })).totalCount).toBe(2);
  });

  it('refuses the search to learners, instructors and anonymous callers, and a bad cursor clearly', async () => {
    const learner = await registerActor(api, 'STUDENT');
    for (const [token, code] of [
      [learner.token, 'FORBIDDEN'],
      [instructor.token, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const refused = await api.gql(SEARCH, {}, { token });
      expect(refused.errors?.[0]?.extensions?.code).toBe(code);
    }
    const bad = await api.gql(SEARCH, { after: 'nope' }, { token: admin.token });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.fieldErrors?.after?.[0]).toMatch(/cursor is not valid/);
  });
});

describe('the results page of the attempt that completed the course', () => {
  const COMPLETION = `query($attemptId: ID!) { attemptCompletion(attemptId: $attemptId) {
    completedCourse awaitingCertificateName certificates { serial status programTitle } } }`;
  type Completion = {
    completedCourse: boolean;
    awaitingCertificateName: boolean;
    certificates: { serial: string; status: string; programTitle: string }[];
  };

  it('names the certificates the passing post-test’s completion issued, to the learner only', async () => {
    const course = await ceCourse([{ body: 'AAPC', number: 'AAPC-R-1' }]);
    const learner = await registerActor(api, 'STUDENT', 'Rosa Results');
    await api.must(ENROLL, { courseId: course.courseId }, learner);
    for (const lessonId of course.lessons) await api.must(COMPLETE, { lessonId }, learner);
    const failed = await takePostTest(course, learner, 'True');
    const passed = await takePostTest(course, learner, 'False');
    const [certificate] = await myCertificates(learner);
    expect(certificate).toBeDefined();
    expect(await api.must<Completion>(COMPLETION, { attemptId: passed }, learner)).toEqual({
      completedCourse: true,
      awaitingCertificateName: false,
      certificates: [{ serial: certificate!.serial, status: 'VALID', programTitle: course.title }],
    });
    expect(await api.must<Completion>(COMPLETION, { attemptId: failed }, learner)).toEqual({
      completedCourse: false,
      awaitingCertificateName: false,
      certificates: [],
    });
    // Reissued: the results page points at the certificate in force, not the superseded one.
    const reissued = await api.must<{ serial: string }>(
      REISSUE,
      { id: certificate!.id, reason: 'Typo', name: 'Rosa Resultado' },
      admin,
    );
    const after = await api.must<Completion>(COMPLETION, { attemptId: passed }, learner);
    expect(after.certificates.map((c) => c.serial)).toEqual([reissued.serial]);
    // Someone else's attempt, or no attempt at all: NOT_FOUND.
    const other = await registerActor(api, 'STUDENT');
    for (const attemptId of [passed, 'not-an-id']) {
      const refused = await api.gql(COMPLETION, { attemptId }, { token: other.token });
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('says the certificate waits for the learner’s name when it is not confirmed yet', async () => {
    const course = await ceCourse([{ body: 'AAPC', number: 'AAPC-R-2' }]);
    const learner = await registerActor(api, 'STUDENT', 'Nameless Learner', {
      confirmCertificateName: false,
    });
    await api.must(ENROLL, { courseId: course.courseId }, learner);
    for (const lessonId of course.lessons) await api.must(COMPLETE, { lessonId }, learner);
    const passed = await takePostTest(course, learner, 'False');
    expect(await api.must<Completion>(COMPLETION, { attemptId: passed }, learner)).toEqual({
      completedCourse: true,
      awaitingCertificateName: true,
      certificates: [],
    });
  });
});

describe('public verification and downloads', () => {
  it('verifies by serial, typed loosely, without any private data', async () => {
    const course = await ceCourse([{ body: 'AAPC', number: 'AAPC-T-9' }]);
    const learner = await registerActor(api, 'STUDENT', 'Priya Verified');
    await completeCourse(course, learner);
    const [certificate] = await myCertificates(learner);
    const typed = certificate!.serial.toLowerCase().replaceAll('-', ' ').replace('0', 'o');
    const result = await api.gql<{ verifyCertificate: { status: string; serial: string } }>(
      VERIFY,
      {
        serial: typed,
      },
    );
    expect(result.data?.verifyCertificate).toMatchObject({
      status: 'VALID',
      serial: certificate!.serial,
    });
    const raw = JSON.stringify(result);
    expect(raw).toContain('Priya Verified');
    expect(raw).toContain('AAPC-T-9');
    expect(raw).not.toContain(learner.email);
    expect(raw).not.toContain(learner.id);
    expect(
      (await api.must<{ status: string }>(VERIFY, { serial: 'CEU-ZZZZ-ZZZZ-ZZZZ' })).status,
    ).toBe('NOT_FOUND');
    expect(await api.must(VERIFY, { serial: 'not a serial' })).toEqual({
      status: 'NOT_FOUND',
      serial: null,
      certificate: null,
    });
  });

  it('lets only the holder (or an admin) read and download a certificate', async () => {
    const course = await ceCourse([{ body: 'AAPC', number: 'AAPC-T-10' }]);
    const learner = await registerActor(api, 'STUDENT');
    const stranger = await registerActor(api, 'STUDENT');
    await completeCourse(course, learner);
    const [certificate] = await myCertificates(learner);
    const serial = certificate!.serial;
    expect(
      (await api.gql(CERTIFICATE, { serial }, { token: stranger.token })).errors?.[0]?.extensions
        ?.code,
    ).toBe('NOT_FOUND');
    expect((await api.must<Cert>(CERTIFICATE, { serial }, admin)).serial).toBe(serial);
    for (const size of ['a4', 'letter']) {
      const response = await download(`/certificates/${serial}.pdf?size=${size}`, learner.token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const pdf = Buffer.from(await response.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toContain(`/URI (http://127.0.0.1:3000/verify/${serial})`);
    }
    expect((await download(`/certificates/${serial}.pdf`, stranger.token)).status).toBe(404);
    expect((await download(`/certificates/${serial}.pdf`)).status).toBe(401);
    expect((await download(`/certificates/${serial}/credential.jwt`, stranger.token)).status).toBe(
      404,
    );
    expect((await download(`/certificates/${serial}.pdf?size=a3`, learner.token)).status).toBe(400);
  });

  it('gives the holder the Open Badge credential URL: absolute, on the configured public API URL', async () => {
    const course = await ceCourse([{ body: 'AAPC', number: 'AAPC-T-OB' }]);
    const learner = await registerActor(api, 'STUDENT');
    await completeCourse(course, learner);
    const [certificate] = await api.must<{ serial: string; openBadgeUrl: string }[]>(
      '{ myCertificates { serial openBadgeUrl } }',
      {},
      learner,
    );
    const { serial, openBadgeUrl } = certificate!;
    // The test API runs with the default PUBLIC_API_URL.
    expect(openBadgeUrl).toBe(`http://127.0.0.1:4000/certificates/${serial}/credential.jwt`);
    const response = await download(new URL(openBadgeUrl).pathname, learner.token);
    expect(response.status).toBe(200);
    expect((await response.text()).split('.')).toHaveLength(3);
    // Public verification never exposes it (the badge names the holder).
    const verification = await api.gql(
      'query($serial: String!) { verifyCertificate(serial: $serial) { certificate { openBadgeUrl } } }',
      { serial },
    );
    expect(verification.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('prints a Vietnamese name exactly on the certificate and the transcript PDFs', async () => {
    const name = 'Nguyễn Thị Minh Khai';
    const course = await ceCourse([{ body: 'AAPC', number: 'AAPC-T-VN' }]);
    const learner = await registerActor(api, 'STUDENT', name);
    await completeCourse(course, learner);
    const [certificate] = await myCertificates(learner);
    expect(certificate!.participantName).toBe(name);
    const pdf = await download(`/certificates/${certificate!.serial}.pdf`, learner.token);
    expect(pdf.status).toBe(200);
    expect(await extractPdfTextLines(Buffer.from(await pdf.arrayBuffer()))).toContain(name);
    const transcript = await download('/transcript.pdf', learner.token);
    expect(transcript.status).toBe(200);
    expect(await extractPdfTextLines(Buffer.from(await transcript.arrayBuffer()))).toContain(
      `Learner: ${name}`,
    );
  });

  it('signs an Open Badges 3.0 credential that jose verifies with the served key; revocation sets its status bit', async () => {
    const course = await ceCourse([{ body: 'AAPC', number: 'AAPC-T-11', ceuAmount: '1.50' }]);
    const learner = await registerActor(api, 'STUDENT', 'Badge Holder');
    await completeCourse(course, learner);
    const [certificate] = await myCertificates(learner);
    const response = await download(
      `/certificates/${certificate!.serial}/credential.jwt`,
      learner.token,
    );
    expect(response.status).toBe(200);
    const jwt = await response.text();

    const issuer = (await (await download('/issuer')).json()) as {
      id: string;
      verificationMethod: { id: string; publicKeyJwk: { kty: string; crv: string; x: string } }[];
    };
    const method = issuer.verificationMethod[0]!;
    const key = await importJWK(method.publicKeyJwk, 'EdDSA');
    const { payload, protectedHeader } = await jwtVerify(jwt, key, { algorithms: ['EdDSA'] });
    expect(protectedHeader).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: method.id });
    expect(payload.sub).toMatch(/^urn:uuid:/);
    expect(payload.sub).not.toContain(learner.id);
    const credential = payload as unknown as {
      type: string[];
      issuer: { id: string };
      credentialSubject: {
        id: string;
        name: string;
        achievement: {
          achievementType: string;
          name: string;
          otherIdentifier: { identifier: string }[];
        };
        result: { value: string }[];
      };
      credentialStatus: {
        statusListIndex: string;
        statusListCredential: string;
        statusPurpose: string;
      };
    };
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.issuer.id).toBe(issuer.id);
    expect(credential.credentialSubject).toMatchObject({
      name: 'Badge Holder',
      achievement: { achievementType: 'CertificateOfCompletion', name: course.title },
      result: [{ value: '1.50' }],
    });
    expect(credential.credentialSubject.id).toBe(payload.sub);
    expect(credential.credentialSubject.achievement.otherIdentifier[0]?.identifier).toBe(
      'AAPC-T-11',
    );
    expect(credential.credentialStatus.statusListCredential).toMatch(/\/credentials\/status\/1$/);
    const index = Number(credential.credentialStatus.statusListIndex);

    async function bit(): Promise<boolean> {
      const list = await (await download('/credentials/status/1')).text();
      const verified = await jwtVerify(list, key, { algorithms: ['EdDSA'] });
      const subject = (
        verified.payload as { credentialSubject: { encodedList: string; statusPurpose: string } }
      ).credentialSubject;
      expect(subject.statusPurpose).toBe('revocation');
      const bytes = gunzipSync(Buffer.from(subject.encodedList.slice(1), 'base64url'));
      expect(bytes.length * 8).toBeGreaterThanOrEqual(131_072);
      return (bytes[index >> 3]! & (0x80 >> (index & 7))) !== 0;
    }
    expect(await bit()).toBe(false);
    await api.must(REVOKE, { id: certificate!.id, reason: 'Test revocation' }, admin);
    expect(await bit()).toBe(true);
  });

  it('allocates status-list bits at random: unique, inside the list, not in issue order', async () => {
    const course = await ceCourse([
      { body: 'AAPC', number: 'AAPC-T-R1' },
      { body: 'AHIMA', number: 'AHIMA-T-R1' },
      { body: 'PMI', number: 'PMI-T-R1' },
    ]);
    const learners = await Promise.all([1, 2, 3].map(() => registerActor(api, 'STUDENT')));
    for (const learner of learners) await completeCourse(course, learner);
    const rows = await api.database.db.certificate.findMany({
      where: { courseId: course.courseId },
      orderBy: { issuedAt: 'asc' },
      select: { statusListIndex: true, snapshot: true },
    });
    expect(rows).toHaveLength(9);
    const indexes = rows.map((r) => r.statusListIndex);
    expect(new Set(indexes).size).toBe(9);
    for (const index of indexes) {
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(131_072);
    }
    // The snapshot (what the badge carries) holds the same bit as the row.
    expect(rows.map((r) => (r.snapshot as { statusListIndex: number }).statusListIndex)).toEqual(
      indexes,
    );
    // A sequence would give nine consecutive numbers; random bits spread over the list.
    expect(Math.max(...indexes) - Math.min(...indexes)).toBeGreaterThan(1000);
  });

  it('publishes retired keys in the issuer profile so badges they signed still verify', async () => {
    const retired = await generateIssuerKey();
    const server = await startTestApi({ retiredIssuerKeys: [retired.publicJwk] });
    try {
      const profile = (await (await fetch(`${server.url}/issuer`)).json()) as {
        id: string;
        verificationMethod: { id: string; publicKeyJwk: Record<string, string> }[];
        assertionMethod: string[];
      };
      expect(profile.verificationMethod).toHaveLength(2);
      expect(profile.verificationMethod[1]!.id).toBe(`${profile.id}#${retired.kid}`);
      expect(profile.assertionMethod).toContain(`${profile.id}#${retired.kid}`);
      expect(JSON.stringify(profile)).not.toContain(retired.privateJwk.d);
      const oldBadge = await signCredentialJwt(
        { id: 'urn:uuid:old-badge', issuer: { id: profile.id } },
        await importIssuerKey(retired.privateJwk),
      );
      await expect(
        verifyCredentialJwt(
          oldBadge,
          profile.verificationMethod.map((m) => m.publicKeyJwk),
        ),
      ).resolves.toMatchObject({ id: 'urn:uuid:old-badge' });
    } finally {
      await server.close();
    }
  });
});

describe('badge criteria', () => {
  async function narrativeFor(course: Awaited<ReturnType<typeof ceCourse>>) {
    const learner = await registerActor(api, 'STUDENT', 'Criteria Reader');
    await completeCourse(course, learner);
    const [certificate] = await myCertificates(learner);
    const jwt = await (
      await download(`/certificates/${certificate!.serial}/credential.jwt`, learner.token)
    ).text();
    const payload = decodeJwt(jwt) as {
      credentialSubject: { achievement: { criteria: { narrative: string } } };
    };
    return payload.credentialSubject.achievement.criteria.narrative;
  }

  it('states the post-test only when the version has one', async () => {
    const withPostTest = await narrativeFor(
      await ceCourse([{ body: 'AAPC', number: 'AAPC-T-CRIT' }]),
    );
    expect(withPostTest).toMatch(/all 3 required lessons/); // two texts and the post-test
    expect(withPostTest).toMatch(/pass its post-test with at least 70%/);
    expect(withPostTest).not.toMatch(/study time|estimated time/);

    const withoutPostTest = await narrativeFor(
      await ceCourse([{ body: 'PMI', number: 'PMI-T-CRIT' }]),
    );
    expect(withoutPostTest).toMatch(/^Complete all 2 required lessons of "Certificate Course/);
    expect(withoutPostTest).not.toMatch(/post-test|minimum/);
  });
});

describe('CEU transcript', () => {
  it('counts certificates and self-reported credit per body and cycle, never mixing bodies', async () => {
    const course = await ceCourse([
      { body: 'AAPC', number: 'AAPC-T-12', ceuAmount: '2.00' },
      { body: 'AHIMA', number: 'AHIMA-T-12', ceuAmount: '1.25' },
    ]);
    const learner = await registerActor(api, 'STUDENT', 'Transcript Learner');
    await completeCourse(course, learner);
    const cpc = await api.must<{ id: string }>(
      ADD_CREDENTIAL,
      { input: { body: 'AAPC', credential: 'cpc', certifiedOn: '2025-06-01' } },
      learner,
    );
    await api.must(
      ADD_CREDENTIAL,
      { input: { body: 'AHIMA', credential: 'CCS', certifiedOn: '2026-03-10' } },
      learner,
    );
    const self = await api.must<{ id: string; ceuAmount: string }>(
      ADD_SELF,
      {
        input: {
          body: 'AAPC',
          title: 'Chapter meeting',
          provider: 'Local chapter',
          completedOn: '2026-02-02',
          ceuAmount: '1.5',
        },
      },
      learner,
    );
    expect(self.ceuAmount).toBe('1.50');
    await api.must(
      ADD_SELF,
      {
        input: {
          body: 'PMI',
          title: 'PMI webinar',
          provider: 'PMI',
          completedOn: '2026-02-02',
          ceuAmount: '3',
        },
      },
      learner,
    );
    // Outside the cycle: does not count.
    await api.must(
      ADD_SELF,
      {
        input: {
          body: 'AAPC',
          title: 'Old seminar',
          provider: 'Elsewhere',
          completedOn: '2025-01-10',
          ceuAmount: '5',
        },
      },
      learner,
    );

    const transcript = await api.must<{
      cycles: {
        body: string;
        label: string;
        cycleStart: string;
        cycleEnd: string;
        required: string;
        earned: string;
        remaining: string;
        percent: number;
        entries: { body: string; source: string; ceuAmount: string }[];
      }[];
    }>(TRANSCRIPT, {}, learner);
    const aapc = transcript.cycles.find((c) => c.body === 'AAPC')!;
    expect(aapc).toMatchObject({
      label: 'CPC (AAPC)',
      cycleStart: '2025-06-01',
      cycleEnd: '2027-05-31',
      required: '36.00',
      earned: '3.50',
      remaining: '32.50',
      percent: 9,
    });
    expect(aapc.entries.map((e) => [e.source, e.ceuAmount])).toEqual([
      ['CERTIFICATE', '2.00'],
      ['SELF_REPORTED', '1.50'],
    ]);
    const ahima = transcript.cycles.find((c) => c.body === 'AHIMA')!;
    expect(ahima).toMatchObject({
      label: 'CCS (AHIMA)',
      required: '20.00',
      earned: '1.25',
      cycleEnd: '2028-03-09',
    });
    expect(ahima.entries.every((e) => e.body === 'AHIMA')).toBe(true);
    expect(transcript.cycles.some((c) => c.body === 'PMI')).toBe(false);

    const csv = await download('/transcript.csv', learner.token);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toMatch(/^"Credential","Cycle start"/);
    expect(text).toContain('"CPC (AAPC)","2025-06-01","2027-05-31","36.00","3.50","32.50"');
    const pdf = await download('/transcript.pdf?size=letter', learner.token);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await download('/transcript.csv')).status).toBe(401);

    // Another learner cannot remove these; the owner can.
    const stranger = await registerActor(api, 'STUDENT');
    expect(
      (await api.gql(REMOVE_CREDENTIAL, { id: cpc.id }, { token: stranger.token })).errors?.[0]
        ?.extensions?.code,
    ).toBe('NOT_FOUND');
    expect(
      (await api.gql(REMOVE_SELF, { id: self.id }, { token: stranger.token })).errors?.[0]
        ?.extensions?.code,
    ).toBe('NOT_FOUND');
    expect(await api.must(REMOVE_SELF, { id: self.id }, learner)).toBe(true);
    expect(await api.must(REMOVE_CREDENTIAL, { id: cpc.id }, learner)).toBe(true);
    const after = await api.must<{ cycles: { body: string }[] }>(TRANSCRIPT, {}, learner);
    expect(after.cycles.map((c) => c.body)).toEqual(['AHIMA']);
  });

  it('validates credentials and self-reported credit', async () => {
    const learner = await registerActor(api, 'STUDENT');
    const future = await api.gql(
      ADD_CREDENTIAL,
      { input: { body: 'AAPC', credential: 'CPC', certifiedOn: '2999-01-01' } },
      { token: learner.token },
    );
    expect(future.errors?.[0]?.extensions?.fieldErrors).toHaveProperty('certifiedOn');
    await api.must(
      ADD_CREDENTIAL,
      { input: { body: 'AAPC', credential: 'CPC', certifiedOn: '2024-01-01' } },
      learner,
    );
    const duplicate = await api.gql(
      ADD_CREDENTIAL,
      { input: { body: 'AAPC', credential: 'CPC', certifiedOn: '2024-01-01' } },
      { token: learner.token },
    );
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const bad = await api.gql(
      ADD_SELF,
      {
        input: {
          body: 'AAPC',
          title: 'T',
          provider: 'P',
          completedOn: 'yesterday',
          ceuAmount: '-1',
        },
      },
      { token: learner.token },
    );
    expect(Object.keys(bad.errors?.[0]?.extensions?.fieldErrors ?? {}).sort()).toEqual([
      'ceuAmount',
      'completedOn',
      'provider',
      'title',
    ]);
    // The optional fields left empty: a form sends null (or ''), and the credit counts as core.
    for (const empty of [null, '']) {
      await api.must(
        ADD_SELF,
        {
          input: {
            body: 'AAPC',
            title: 'Chapter meeting',
            provider: 'Local chapter',
            completedOn: '2026-02-02',
            ceuAmount: '1',
            category: empty,
            note: empty,
          },
        },
        learner,
      );
    }
    const saved = await api.database.db.selfReportedCredit.findMany({
      where: { userId: learner.id },
      select: { category: true, note: true },
    });
    expect(saved).toEqual([
      { category: 'core', note: '' },
      { category: 'core', note: '' },
    ]);
  });

  it('lets only an admin read and change the renewal rules', async () => {
    const LIST = `{ ceuRequirements { id body credential baseCeus additionalCeus maxAdditional coreMinimum cycleMonths cycleAnchor effectiveFrom coreCategory note } }`;
    const UPDATE = `mutation($id: ID!, $input: CeuRequirementInput!) { updateCeuRequirement(id: $id, input: $input) { baseCeus } }`;
    const learner = await registerActor(api, 'STUDENT');
    expect((await api.gql(LIST, {}, { token: learner.token })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const rules = await api.must<
      {
        id: string;
        body: string;
        credential: string;
        baseCeus: string;
        coreMinimum: string | null;
      }[]
    >(LIST, {}, admin);
    expect(rules.map((r) => `${r.body}/${r.credential}/${r.baseCeus}`)).toEqual([
      'AAPC/*/36.00',
      'AHIMA/*/20.00',
      'AHIMA/CCS/20.00',
      'AHIMA/CDIP/30.00',
      'AHIMA/CHDA/30.00',
      'AHIMA/CHPS/30.00',
      'AHIMA/RHIA/30.00',
      'PMI/CMC/12.00',
    ]);
    const rhia = rules.find((r) => r.credential === 'RHIA') as Record<string, unknown>;
    const { id, body: _b, credential: _c, ...input } = rhia;
    // A rule in force is history: rewriting it in place (same effective date) is refused.
    const inPlace = await api.gql(
      UPDATE,
      { id, input: { ...input, baseCeus: '35.00' } },
      { token: admin.token },
    );
    expect(inPlace.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(inPlace.errors?.[0]?.message).toMatch(/in force since 2000-01-01/);
    // A change takes effect from a date: it is a new dated row; the old one stays.
    const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(
      await api.must(
        UPDATE,
        { id, input: { ...input, baseCeus: '35.00', effectiveFrom: from } },
        admin,
      ),
    ).toEqual({ baseCeus: '35.00' });
    const rows = await api.database.db.ceuRequirement.findMany({
      where: { body: 'AHIMA', credential: 'RHIA' },
      orderBy: { effectiveFrom: 'asc' },
    });
    expect(
      rows.map((r) => [r.effectiveFrom.toISOString().slice(0, 10), r.baseCeus.toFixed(2)]),
    ).toEqual([
      ['2000-01-01', '30.00'],
      [from, '35.00'],
    ]);
    expect(
      await api.database.db.auditLog.count({
        where: { targetType: 'CeuRequirement', action: 'ceuRequirement.add' },
      }),
    ).toBe(1);
    // A learner's cycle that began before that date still needs 30.
    const holder = await registerActor(api, 'STUDENT');
    await api.must(
      ADD_CREDENTIAL,
      { input: { body: 'AHIMA', credential: 'RHIA', certifiedOn: '2025-06-01' } },
      holder,
    );
    const transcript = await api.must<{ cycles: { required: string; cycleStart: string }[] }>(
      TRANSCRIPT,
      {},
      holder,
    );
    expect(transcript.cycles[0]).toMatchObject({ cycleStart: '2025-06-01', required: '30.00' });
  });
});

describe('credit day in the provider’s time zone (America/New_York by default)', () => {
  /** The instant it is `hh:mm` in New York on the calendar day `day` (EST or EDT). */
  function newYorkTime(day: string, hhmm: string): Date {
    for (const offset of ['-05:00', '-04:00']) {
      const instant = new Date(`${day}T${hhmm}:00${offset}`);
      const local = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'America/New_York',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(instant);
      if (local === `${day}, ${hhmm}`) return instant;
    }
    throw new Error(`no instant for ${day} ${hhmm} in New York`);
  }
  const nextDay = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  async function completeAt(course: Awaited<ReturnType<typeof ceCourse>>, at: Date) {
    const learner = await registerActor(api, 'STUDENT');
    await api.must(ENROLL, { courseId: course.courseId }, learner);
    await passPostTest(course, learner);
    const viewer = await getViewerByToken({ db: api.database.db, token: learner.token });
    for (const lessonId of course.lessons) {
      await completeLesson({ db: api.database.db, viewer, lessonId, now: at });
    }
    return myCertificates(learner);
  }

  it('grants the credit at 23:30 local on the approval’s last valid day, dated that local day', async () => {
    const lastDay = isoDay(30);
    const course = await ceCourse([{ body: 'AAPC', number: 'AAPC-TZ-1', validUntil: lastDay }]);
    const certificates = await completeAt(course, newYorkTime(lastDay, '23:30'));
    expect(certificates).toHaveLength(1);
    expect(certificates[0]!.credits.map((credit) => credit.indexNumber)).toEqual(['AAPC-TZ-1']);
    // 23:30 in New York is already the next day in UTC: the certificate keeps the local day.
    expect(certificates[0]).toMatchObject({ completionDate: lastDay });
  });

  it('keeps a calendar-year renewal cycle current until local midnight on 31 December', async () => {
    const learner = await registerActor(api, 'STUDENT');
    await api.must(
      ADD_CREDENTIAL,
      { input: { body: 'PMI', credential: 'CMC', certifiedOn: '2025-03-01' } },
      learner,
    );
    const viewer = await getViewerByToken({ db: api.database.db, token: learner.token });
    const current = async (at: Date) => {
      const transcript = await getMyTranscript({ db: api.database.db, viewer, now: at });
      return transcript.cycles.find((cycle) => cycle.current)?.cycleEnd;
    };
    expect(await current(newYorkTime('2026-12-31', '23:30'))).toBe('2026-12-31');
    expect(await current(newYorkTime('2027-01-01', '00:05'))).toBe('2027-12-31');
  });

  it('refuses the credit just after local midnight the next day', async () => {
    const lastDay = isoDay(30);
    const course = await ceCourse([{ body: 'AAPC', number: 'AAPC-TZ-2', validUntil: lastDay }]);
    const certificates = await completeAt(course, newYorkTime(nextDay(lastDay), '00:05'));
    expect(certificates).toHaveLength(1);
    expect(certificates[0]!.credits).toEqual([]);
    expect(certificates[0]).toMatchObject({ completionDate: nextDay(lastDay) });
  });
});
