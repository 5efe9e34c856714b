// Each statement of certificates/sql.ts, run against the migrated schema with the demo data.
import type { CertificateSnapshot } from '@lms/credentials';
import { type Db, seedDemoData } from '@lms/db';
import { createTestDatabase, type TestDatabase } from '@lms/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertCertificateRow,
  maxStatusListIndex,
  nextStatusListIndexAfterMax,
  revokeLiveCertificatesOfEnrollment,
  selectCertificateForUpdate,
  selectCertificateForVerification,
  selectCertificateRows,
  selectCertificateSearchPage,
  selectNameCorrectionForUpdate,
} from './sql';

let database: TestDatabase;
let db: Db;
let learner: { id: string; name: string; email: string };
let base: {
  userId: string;
  enrollmentId: string;
  completionId: string;
  courseId: string;
  versionId: string;
};

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await seedDemoData(db);
  learner = await db.user.findUniqueOrThrow({ where: { email: 'priya.shah@example.com' } });
  const version = await db.courseVersion.findFirstOrThrow({
    where: { publishedAt: { not: null } },
  });
  const enrollment = await db.enrollment.create({
    data: {
      userId: learner.id,
      courseId: version.courseId,
      versionId: version.id,
      source: 'GRANT',
    },
  });
  const completion = await db.courseCompletion.create({
    data: { enrollmentId: enrollment.id, versionId: version.id, seatMinutes: 60, evidence: {} },
  });
  base = {
    userId: learner.id,
    enrollmentId: enrollment.id,
    completionId: completion.id,
    courseId: version.courseId,
    versionId: version.id,
  };
}, 120_000);
afterAll(async () => {
  await database?.drop();
});

const snapshot = (serial: string) =>
  ({ serial, programTitle: 'Fake Coding Basics ZZ001' }) as unknown as CertificateSnapshot;

describe('certificates sql', () => {
  it('inserts, reads, searches, locks and revokes certificates', async () => {
    expect(await maxStatusListIndex(db)).toBeNull();
    expect(await db.$transaction((tx) => nextStatusListIndexAfterMax(tx, 131_072))).toBe(131_072);

    const row = {
      ...base,
      creditApprovalId: null,
      creditKey: 'NONE',
      generation: 0,
      issuedAt: new Date('2026-11-01T12:00:00Z'),
      supersedesId: null,
    };
    const first = await db.$transaction((tx) =>
      insertCertificateRow(tx, {
        ...row,
        serial: 'SQLT-0001',
        snapshot: snapshot('SQLT-0001'),
        statusListIndex: 7,
      }),
    );
    expect(first).toEqual({ id: expect.any(String) });
    // The same completion, credit and generation: nothing inserted.
    expect(
      await db.$transaction((tx) =>
        insertCertificateRow(tx, {
          ...row,
          serial: 'SQLT-0002',
          snapshot: snapshot('SQLT-0002'),
          statusListIndex: 8,
        }),
      ),
    ).toBeNull();
    const second = await db.$transaction((tx) =>
      insertCertificateRow(tx, {
        ...row,
        generation: 1,
        supersedesId: first?.id ?? null,
        issuedAt: new Date('2026-11-02T12:00:00Z'),
        serial: 'SQLT-0003',
        snapshot: snapshot('SQLT-0003'),
        statusListIndex: 9,
      }),
    );
    expect(await maxStatusListIndex(db)).toBe(9);
    expect(await db.$transaction((tx) => nextStatusListIndexAfterMax(tx, 0))).toBe(10);

    const mine = await selectCertificateRows(db, { userId: learner.id });
    expect(mine.map((c) => [c.serial, c.supersededBySerial])).toEqual([
      ['SQLT-0003', null],
      ['SQLT-0001', 'SQLT-0003'],
    ]);
    expect((await selectCertificateRows(db, { serial: 'SQLT-0001' }))[0]?.userId).toBe(learner.id);
    expect(await selectCertificateRows(db, { completionId: base.completionId })).toHaveLength(2);
    const [verified] = await selectCertificateForVerification(db, 'SQLT-0001');
    expect(verified).toMatchObject({ serial: 'SQLT-0001', supersededBySerial: 'SQLT-0003' });
    expect(verified).not.toHaveProperty('userId');

    const page = await selectCertificateSearchPage(db, {
      text: 'priya',
      serial: null,
      status: 'SUPERSEDED',
      after: null,
      first: 10,
    });
    expect(page.totalCount).toBe(1);
    expect(page.rows.map((r) => [r.serial, r.holderName, r.holderEmail])).toEqual([
      ['SQLT-0001', learner.name, learner.email],
    ]);
    const afterFirst = await selectCertificateSearchPage(db, {
      text: 'SQLT',
      serial: null,
      status: null,
      after: { createdAt: new Date('2026-11-02T12:00:00Z'), id: second?.id ?? '' },
      first: 1,
    });
    expect(afterFirst.totalCount).toBe(2);
    expect(afterFirst.rows.map((r) => r.serial)).toEqual(['SQLT-0001']);

    const [locked] = await db.$transaction((tx) =>
      selectCertificateForUpdate(tx, second?.id ?? ''),
    );
    expect(locked).toMatchObject({ serial: 'SQLT-0003', generation: 1, revokedAt: null });

    const now = new Date('2026-11-03T12:00:00Z');
    const revocation = { enrollmentId: base.enrollmentId, reason: 'Refunded', now, actorId: null };
    expect(await revokeLiveCertificatesOfEnrollment(db, revocation)).toBe(2);
    expect(await revokeLiveCertificatesOfEnrollment(db, revocation)).toBe(0);
    const valid = await selectCertificateSearchPage(db, {
      text: '',
      serial: null,
      status: 'VALID',
      after: null,
      first: 10,
    });
    expect(valid.totalCount).toBe(0);
  });

  it('locks and reads a name-correction request', async () => {
    const correction = await db.certificateNameCorrection.create({
      data: { userId: learner.id, currentName: 'Priya Shah', requestedName: 'Priya R. Shah' },
    });
    const [row] = await db.$transaction((tx) => selectNameCorrectionForUpdate(tx, correction.id));
    expect(row).toEqual({
      id: correction.id,
      userId: learner.id,
      status: 'PENDING',
      currentName: 'Priya Shah',
      requestedName: 'Priya R. Shah',
    });
  });
});
