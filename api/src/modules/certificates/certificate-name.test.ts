// Name on the certificate: confirmed by the learner before the first certificate is issued;
// later changes are correction requests that an admin applies by reissuing.
import { providerDay } from '@lms/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourse, startTestApi, type TestApi } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';

const NAME_STATE = `{ myCertificateName { name confirmed pendingCompletions
  pendingCorrection { id requestedName status } } }`;
const CONFIRM = `mutation($name: String!) { confirmCertificateName(name: $name) { name confirmed pendingCompletions } }`;
const REQUEST = `mutation($name: String!, $note: String) { requestCertificateNameCorrection(name: $name, note: $note) { id currentName requestedName status } }`;
const LIST = `query($status: NameCorrectionStatus) { certificateNameCorrections(status: $status) { id learnerEmail requestedName status } }`;
const RESOLVE = `mutation($id: ID!, $apply: Boolean!, $note: String) { resolveCertificateNameCorrection(id: $id, apply: $apply, note: $note) { id status resolution } }`;
const CERTS = `{ myCertificates { serial participantName status completionDate revocationReason supersedesSerial supersededBySerial } }`;
const ENROLL = `mutation($courseId: ID!) { enrollInCourse(courseId: $courseId) { id } }`;
const COMPLETE = `mutation($lessonId: ID!) { completeLesson(lessonId: $lessonId) { courseCompleted } }`;

type Cert = {
  serial: string;
  participantName: string;
  status: string;
  completionDate: string;
  revocationReason: string | null;
  supersedesSerial: string | null;
  supersededBySerial: string | null;
};

let api: TestApi;
let admin: Actor;

async function completeFreeCourse(learner: Actor) {
  const { course } = await createCourse(api.database.db, { title: `Name Course ${Date.now()}` });
  const lesson = await api.database.db.lesson.findFirstOrThrow({
    where: { module: { version: { courseId: course.id } } },
  });
  await api.must(ENROLL, { courseId: course.id }, learner);
  await api.must(COMPLETE, { lessonId: lesson.id }, learner);
  const completion = await api.database.db.courseCompletion.findFirstOrThrow({
    where: { enrollment: { userId: learner.id, courseId: course.id } },
  });
  return { course, completion };
}

beforeAll(async () => {
  api = await startTestApi();
  admin = await registerActor(api, 'ADMIN', 'Ada Admin');
}, 60_000);
afterAll(async () => {
  await api?.close();
});

describe('confirming the name to print', () => {
  it('holds the certificate until the learner confirms the name, then issues it with that name and the completion date', async () => {
    const learner = await registerActor(api, 'STUDENT', 'nguyen thi minh khai', {
      confirmCertificateName: false,
    });
    expect(await api.must(NAME_STATE, {}, learner)).toEqual({
      name: 'nguyen thi minh khai',
      confirmed: false,
      pendingCompletions: 0,
      pendingCorrection: null,
    });
    const { completion } = await completeFreeCourse(learner);
    expect(await api.must<Cert[]>(CERTS, {}, learner)).toEqual([]);
    expect(await api.must(NAME_STATE, {}, learner)).toMatchObject({ pendingCompletions: 1 });

    const empty = await api.gql(CONFIRM, { name: '   ' }, { token: learner.token });
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const confirmed = await api.must(CONFIRM, { name: '  Nguyễn   Thị Minh Khai ' }, learner);
    expect(confirmed).toEqual({
      name: 'Nguyễn Thị Minh Khai',
      confirmed: true,
      pendingCompletions: 0,
    });
    const certificates = await api.must<Cert[]>(CERTS, {}, learner);
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({
      participantName: 'Nguyễn Thị Minh Khai',
      status: 'VALID',
      // The provider's calendar day of the completion (not the UTC day: they differ in the evening).
      completionDate: providerDay(completion.completedAt),
    });

    // Once a certificate carries the name, changing it is a correction request.
    const change = await api.gql(CONFIRM, { name: 'Someone Else' }, { token: learner.token });
    expect(change.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // Confirming the same name again changes nothing.
    await api.must(CONFIRM, { name: 'Nguyễn Thị Minh Khai' }, learner);
    expect(await api.must<Cert[]>(CERTS, {}, learner)).toHaveLength(1);
  });

  it('issues at completion when the name was confirmed first', async () => {
    const learner = await registerActor(api, 'STUDENT', 'Jordan Rivera');
    await completeFreeCourse(learner);
    expect(await api.must<Cert[]>(CERTS, {}, learner)).toMatchObject([
      { participantName: 'Jordan Rivera', status: 'VALID' },
    ]);
  });
});

describe('correcting the name', () => {
  it('goes to an admin, whose approval reissues the certificate with the new name and records why', async () => {
    const learner = await registerActor(api, 'STUDENT', 'Jon Smyth');
    await completeFreeCourse(learner);
    const [original] = await api.must<Cert[]>(CERTS, {}, learner);

    const same = await api.gql(REQUEST, { name: 'Jon Smyth' }, { token: learner.token });
    expect(same.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const request = await api.must<{ id: string; currentName: string; status: string }>(
      REQUEST,
      { name: 'John Smith', note: 'Typo at registration' },
      learner,
    );
    expect(request).toMatchObject({ currentName: 'Jon Smyth', status: 'PENDING' });
    const twice = await api.gql(REQUEST, { name: 'John Smyth' }, { token: learner.token });
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    // Only an admin sees and resolves requests.
    const asLearner = await api.gql(LIST, {}, { token: learner.token });
    expect(asLearner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const queue = await api.must<{ id: string; learnerEmail: string }[]>(LIST, {}, admin);
    expect(queue).toContainEqual(
      expect.objectContaining({ id: request.id, learnerEmail: learner.email }),
    );
    const byLearner = await api.gql(
      RESOLVE,
      { id: request.id, apply: true },
      { token: learner.token },
    );
    expect(byLearner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    expect(
      await api.must(RESOLVE, { id: request.id, apply: true, note: 'ID checked' }, admin),
    ).toEqual({
      id: request.id,
      status: 'APPLIED',
      resolution: 'ID checked',
    });
    const again = await api.gql(RESOLVE, { id: request.id, apply: false }, { token: admin.token });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const certificates = await api.must<Cert[]>(CERTS, {}, learner);
    const old = certificates.find((c) => c.serial === original!.serial)!;
    const replacement = certificates.find((c) => c.serial !== original!.serial)!;
    expect(old).toMatchObject({
      status: 'SUPERSEDED',
      participantName: 'Jon Smyth',
      supersededBySerial: replacement.serial,
      revocationReason: 'Name corrected from "Jon Smyth" to "John Smith" at the learner\'s request',
    });
    expect(replacement).toMatchObject({
      status: 'VALID',
      participantName: 'John Smith',
      supersedesSerial: original!.serial,
      completionDate: original!.completionDate,
    });
    expect(await api.must(NAME_STATE, {}, learner)).toMatchObject({
      name: 'John Smith',
      confirmed: true,
      pendingCorrection: null,
    });
  });

  it('a rejected request changes nothing', async () => {
    const learner = await registerActor(api, 'STUDENT', 'Ana Lima');
    await completeFreeCourse(learner);
    const request = await api.must<{ id: string }>(REQUEST, { name: 'Anna Lima' }, learner);
    await api.must(RESOLVE, { id: request.id, apply: false, note: 'Matches your ID' }, admin);
    expect(await api.must<Cert[]>(CERTS, {}, learner)).toMatchObject([
      { participantName: 'Ana Lima', status: 'VALID' },
    ]);
  });
});
