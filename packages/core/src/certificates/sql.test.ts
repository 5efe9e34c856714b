// Each statement of certificates/sql.ts, run against the migrated schema with the demo data.
import type { CertificateSnapshot } from '@lms/credentials';
import { createPrismaClient, hotReads, Prisma, seedDemoData } from '@lms/db';
import { useTestDatabase } from '@lms/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { chargeRateLimitStatement } from '../rate-limit/sql';
import {
  certificateKeyTaken,
  insertCertificateRow,
  loadCompletionForIssue,
  maxStatusListIndex,
  nextStatusListIndexAfterMax,
  revokeLiveCertificatesOfEnrollment,
  selectCertificateForUpdate,
  selectCertificateForVerification,
  selectCertificateForVerificationCharged,
  selectCertificateRows,
  selectCertificateSearchPage,
  selectNameCorrectionForUpdate,
} from './sql';

const database = useTestDatabase();

let learner: { id: string; name: string; email: string };
let base: {
  userId: string;
  enrollmentId: string;
  completionId: string;
  courseId: string;
  versionId: string;
};

/** The learner, granted the version's course, with a completion of it (60 seat minutes). */
async function completedEnrollment(version: { id: string; courseId: string }) {
  const enrollment = await database.db.enrollment.create({
    data: {
      userId: learner.id,
      courseId: version.courseId,
      versionId: version.id,
      source: 'GRANT',
    },
  });
  const completion = await database.db.courseCompletion.create({
    data: { enrollmentId: enrollment.id, versionId: version.id, seatMinutes: 60, evidence: {} },
  });
  return { enrollment, completion };
}

beforeAll(async () => {
  await seedDemoData(database.db);
  learner = await database.db.user.findUniqueOrThrow({
    where: { email: 'priya.shah@example.com' },
  });
  const version = await database.db.courseVersion.findFirstOrThrow({
    where: { publishedAt: { not: null } },
  });
  const { enrollment, completion } = await completedEnrollment(version);
  base = {
    userId: learner.id,
    enrollmentId: enrollment.id,
    completionId: completion.id,
    courseId: version.courseId,
    versionId: version.id,
  };
}, 120_000);

const snapshot = (serial: string) =>
  ({ serial, programTitle: 'Fake Coding Basics ZZ001' }) as unknown as CertificateSnapshot;

describe('certificates sql', () => {
  it('reads a completion for issuance in one statement, as the nested select reads it', async () => {
    // A published version with credit approvals, several modules and a post-test.
    const version = await database.db.courseVersion.findFirstOrThrow({
      where: {
        publishedAt: { not: null },
        creditApprovals: { some: {} },
        modules: { some: { lessons: { some: { quiz: { mode: 'POST_TEST' } } } } },
      },
    });
    const { completion } = await completedEnrollment(version);
    const nested = await database.db.courseCompletion.findUniqueOrThrow({
      where: { id: completion.id },
      select: {
        id: true,
        completedAt: true,
        enrollment: {
          select: {
            id: true,
            userId: true,
            courseId: true,
            user: {
              select: {
                email: true,
                name: true,
                certificateName: true,
                certificateNameConfirmedAt: true,
              },
            },
          },
        },
        version: {
          select: {
            id: true,
            title: true,
            instructionalMinutes: true,
            minimumLessonTimePercent: true,
            minimumSeatMinutes: true,
            modules: {
              orderBy: { position: 'asc' },
              select: {
                lessons: {
                  orderBy: { position: 'asc' },
                  select: { required: true, quiz: { select: { mode: true, passPercent: true } } },
                },
              },
            },
            creditApprovals: {
              orderBy: [{ body: 'asc' }, { approvalNumber: 'asc' }],
              select: {
                id: true,
                body: true,
                bodyName: true,
                approvalNumber: true,
                approvedTitle: true,
                ceuAmount: true,
                category: true,
                validFrom: true,
                validUntil: true,
              },
            },
          },
        },
      },
    });
    const read = await loadCompletionForIssue(database.db, completion.id);
    expect(nested.version.creditApprovals.length).toBeGreaterThan(0);
    expect(nested.version.modules.length).toBeGreaterThan(1);
    expect(read).toEqual({
      ...nested,
      version: {
        ...nested.version,
        creditApprovals: nested.version.creditApprovals.map((approval) => ({
          ...approval,
          ceuAmount: approval.ceuAmount.toFixed(2),
        })),
      },
    });
    expect(await loadCompletionForIssue(database.db, base.enrollmentId)).toBeNull();
  });

  it('inserts, reads, searches, locks and revokes certificates', async () => {
    expect(await maxStatusListIndex(database.db)).toBeNull();
    expect(await database.db.$transaction((tx) => nextStatusListIndexAfterMax(tx, 131_072))).toBe(
      131_072,
    );

    const row = {
      ...base,
      creditApprovalId: null,
      creditKey: 'NONE',
      generation: 0,
      issuedAt: new Date('2026-11-01T12:00:00Z'),
      supersedesId: null,
    };
    const first = await database.db.$transaction((tx) =>
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
      await database.db.$transaction((tx) =>
        insertCertificateRow(tx, {
          ...row,
          serial: 'SQLT-0002',
          snapshot: snapshot('SQLT-0002'),
          statusListIndex: 8,
        }),
      ),
    ).toBeNull();
    const key = { completionId: row.completionId, creditKey: 'NONE' };
    expect(await certificateKeyTaken(database.db, { ...key, generation: 0 })).toBe(true);
    expect(await certificateKeyTaken(database.db, { ...key, generation: 1 })).toBe(false);
    const second = await database.db.$transaction((tx) =>
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
    expect(await maxStatusListIndex(database.db)).toBe(9);
    expect(await database.db.$transaction((tx) => nextStatusListIndexAfterMax(tx, 0))).toBe(10);

    const mine = await selectCertificateRows(database.db, { userId: learner.id });
    expect(mine.map((c) => [c.serial, c.supersededBySerial])).toEqual([
      ['SQLT-0003', null],
      ['SQLT-0001', 'SQLT-0003'],
    ]);
    expect((await selectCertificateRows(database.db, { serial: 'SQLT-0001' }))[0]?.userId).toBe(
      learner.id,
    );
    expect(
      await selectCertificateRows(database.db, { completionId: base.completionId }),
    ).toHaveLength(2);
    const [verified] = await selectCertificateForVerification(database.db, 'SQLT-0001');
    expect(verified).toMatchObject({ serial: 'SQLT-0001', supersededBySerial: 'SQLT-0003' });
    expect(verified).not.toHaveProperty('userId');
    // The same read with a rate-limit counter charged in the statement: counted each time,
    // known serial or not.
    const chargedAt = new Date('2026-11-30T12:00:00Z');
    const charge = () =>
      chargeRateLimitStatement(['verifyPerAddress:ip:sql-test'], [60], chargedAt);
    expect(
      await selectCertificateForVerificationCharged(database.db, 'SQLT-0001', charge()),
    ).toEqual({
      snapshot: verified?.snapshot,
      revokedAt: verified?.revokedAt,
      revocationReason: verified?.revocationReason,
      supersededBySerial: 'SQLT-0003',
      rateHits: 1,
      rateWindowEndMs: new Date('2026-11-30T12:01:00Z').getTime(),
    });
    expect(
      await selectCertificateForVerificationCharged(database.db, 'SQLT-NONE', charge()),
    ).toMatchObject({ snapshot: null, supersededBySerial: null, rateHits: 2 });
    // A prepared statement: parsing and planning the charged look-up cost PostgreSQL several
    // times its execution. One connection, where the session's prepared statements show.
    const single = createPrismaClient({ databaseUrl: database.url, poolMax: 1 });
    try {
      await selectCertificateForVerificationCharged(single, 'SQLT-0001', charge());
      const prepared = await hotReads(single).rows<{ statement: string }>(
        Prisma.sql`SELECT statement FROM pg_prepared_statements`,
      );
      expect(prepared.filter((row) => row.statement.includes('WITH charge AS'))).toHaveLength(1);
    } finally {
      await single.$disconnect();
    }

    const page = await selectCertificateSearchPage(database.db, {
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
    const afterFirst = await selectCertificateSearchPage(database.db, {
      text: 'SQLT',
      serial: null,
      status: null,
      after: { createdAt: new Date('2026-11-02T12:00:00Z'), id: second?.id ?? '' },
      first: 1,
    });
    expect(afterFirst.totalCount).toBe(2);
    expect(afterFirst.rows.map((r) => r.serial)).toEqual(['SQLT-0001']);

    const [locked] = await database.db.$transaction((tx) =>
      selectCertificateForUpdate(tx, second?.id ?? ''),
    );
    expect(locked).toMatchObject({ serial: 'SQLT-0003', generation: 1, revokedAt: null });

    const now = new Date('2026-11-03T12:00:00Z');
    const revocation = { enrollmentId: base.enrollmentId, reason: 'Refunded', now, actorId: null };
    expect(await revokeLiveCertificatesOfEnrollment(database.db, revocation)).toBe(2);
    expect(await revokeLiveCertificatesOfEnrollment(database.db, revocation)).toBe(0);
    const valid = await selectCertificateSearchPage(database.db, {
      text: '',
      serial: null,
      status: 'VALID',
      after: null,
      first: 10,
    });
    expect(valid.totalCount).toBe(0);
  });

  it('locks and reads a name-correction request', async () => {
    const correction = await database.db.certificateNameCorrection.create({
      data: { userId: learner.id, currentName: 'Priya Shah', requestedName: 'Priya R. Shah' },
    });
    const [row] = await database.db.$transaction((tx) =>
      selectNameCorrectionForUpdate(tx, correction.id),
    );
    expect(row).toEqual({
      id: correction.id,
      userId: learner.id,
      status: 'PENDING',
      currentName: 'Priya Shah',
      requestedName: 'Priya R. Shah',
    });
  });
});
