import { extractPdfTextLines } from '@lms/pdf/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';
import { type Actor, registerActor } from '../../testing/actors';
import {
  completeApprovalCourse,
  createApprovalCourse,
  dayFromToday,
} from '../../testing/approval-courses';

// Issue 9 auditor tool: one audit packet per certificate, PDF and JSON.

const ENROLL = `mutation($courseId: ID!) { enrollInCourse(courseId: $courseId) { id } }`;
const MY_CERTIFICATES = `{ myCertificates { id serial } }`;
const REVOKE = `mutation($id: ID!, $reason: String!) { revokeCertificate(id: $id, reason: $reason) { status } }`;

let api: TestApi;
let learner: Actor;
let other: Actor;
let admin: Actor;
let certificate: { id: string; serial: string };

function download(path: string, actor?: Actor) {
  return fetch(`${api.url}${path}`, {
    headers: actor ? { authorization: `Bearer ${actor.token}` } : {},
  });
}

beforeAll(async () => {
  api = await startTestApi();
  const owner = await registerActor(api, 'INSTRUCTOR', 'Dana Owner');
  learner = await registerActor(api, 'STUDENT', 'Grace Okafor');
  other = await registerActor(api, 'STUDENT', 'Tomas Alvarez');
  admin = await registerActor(api, 'ADMIN', 'Ada Admin');
  const { course } = await createApprovalCourse(api.database.db, {
    title: 'Audit Packet Course',
    ownerId: owner.id,
    postTest: true,
    approvals: [{ body: 'PMI', validUntil: dayFromToday(200), approvalNumber: 'PMI-AUDIT-7' }],
  });
  await api.must(ENROLL, { courseId: course.id }, learner);
  expect((await completeApprovalCourse(api, learner, course.id)).courseCompleted).toBe(true);
  const [issued] = await api.must<{ id: string; serial: string }[]>(MY_CERTIFICATES, {}, learner);
  certificate = issued!;
}, 90_000);
afterAll(async () => {
  await api?.close();
});

describe('audit packet per certificate', () => {
  it('JSON: snapshot, completion evidence, the passing attempt, the approval as it stood, history', async () => {
    const response = await download(
      `/certificates/${certificate.serial}/audit-packet.json`,
      learner,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(
      `audit-packet-${certificate.serial}.json`,
    );
    // biome-ignore lint/suspicious/noExplicitAny: reading a JSON download
    const packet = (await response.json()) as any;
    expect(packet.certificate).toMatchObject({
      serial: certificate.serial,
      status: 'VALID',
      snapshot: { participantName: 'Grace Okafor', programTitle: 'Audit Packet Course' },
    });
    expect(packet.completion.lessons.map((l: { title: string }) => l.title)).toEqual([
      'Lesson one',
      'Lesson two',
      'Post-test',
    ]);
    expect(packet.completion.lessons[0].completedAt).toEqual(expect.any(String));
    expect(packet.completion.passingAttempt).toMatchObject({
      quiz: 'Post-test',
      number: 1,
      scorePercent: '100.00',
      passPercent: 70,
      passed: true,
    });
    expect(packet.approval).toMatchObject({
      body: 'PMI',
      approvalNumber: 'PMI-AUDIT-7',
      statusOnCompletionDate: 'VALID',
    });
    expect(packet.statusHistory.map((entry: { event: string }) => entry.event)).toEqual(['ISSUED']);
  });

  it('PDF: one document whose text holds the serial, the name and the index number', async () => {
    const response = await download(
      `/certificates/${certificate.serial}/audit-packet.pdf`,
      learner,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await extractPdfTextLines(pdf)).join('\n');
    expect(text).toContain(certificate.serial);
    expect(text).toContain('Grace Okafor');
    expect(text).toContain('PMI-AUDIT-7');
    expect(text).toContain('Passing post-test attempt');
    // Times are the provider's (America/New_York by default), with the zone named, not UTC.
    expect(text).toMatch(/Issued:\n[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M E[SD]T/);
    expect(text).not.toMatch(/\d{2}:\d{2}:\d{2} UTC/);
  });

  it('for the holder and admins only; the history shows a revocation', async () => {
    for (const format of ['pdf', 'json']) {
      const path = `/certificates/${certificate.serial}/audit-packet.${format}`;
      expect((await download(path, other)).status).toBe(404);
      expect((await download(path)).status).toBe(401);
      expect((await download(path, admin)).status).toBe(200);
    }
    expect(
      (await download('/certificates/CEU-0000-0000-0000/audit-packet.json', admin)).status,
    ).toBe(404);
    await api.must(
      REVOKE,
      { id: certificate.id, reason: 'Audit found a duplicate enrolment' },
      admin,
    );
    const packet = (await (
      await download(`/certificates/${certificate.serial}/audit-packet.json`, admin)
    ).json()) as { certificate: { status: string }; statusHistory: unknown[] };
    expect(packet.certificate.status).toBe('REVOKED');
    expect(packet.statusHistory).toEqual([
      expect.objectContaining({ event: 'ISSUED' }),
      expect.objectContaining({
        event: 'REVOKED',
        detail: 'Audit found a duplicate enrolment (by Ada Admin).',
      }),
    ]);
    // The holder can still read the evidence about their own (revoked) certificate.
    expect(
      (await download(`/certificates/${certificate.serial}/audit-packet.json`, learner)).status,
    ).toBe(200);
  });
});
