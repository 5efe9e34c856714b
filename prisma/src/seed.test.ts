import { verifyPassword } from '@lms/password';
import { describe, expect, it } from 'vitest';
import { createPrismaClient } from './client';
import { seedDemoData, seedManyCourses } from './seed';
import { DEMO_PASSWORD } from './seed/users';
import { useTestDatabase } from './testing';

describe('seedDemoData', () => {
  const t = useTestDatabase();

  it('seeds once even when two processes start on an empty database together', async () => {
    const other = createPrismaClient({ databaseUrl: t.url, poolMax: 2 });
    try {
      const results = await Promise.all([seedDemoData(t.db), seedDemoData(other)]);
      expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    } finally {
      await other.$disconnect();
    }
    expect(await seedDemoData(t.db)).toEqual({ seeded: false });
    expect(await t.db.user.count()).toBe(6);
  });

  it('creates the admin, two instructors with bios and three students, all with the demo password', async () => {
    const users = await t.db.user.findMany({
      select: { email: true, role: true, bio: true, passwordHash: true },
    });
    expect(users.filter((u) => u.role === 'ADMIN').map((u) => u.email)).toEqual([
      'admin@example.com',
    ]);
    const instructors = users.filter((u) => u.role === 'INSTRUCTOR');
    expect(instructors).toHaveLength(2);
    expect(instructors.every((u) => /\bC(PC|CS)\b/.test(u.bio ?? ''))).toBe(true);
    expect(users.filter((u) => u.role === 'STUDENT')).toHaveLength(3);
    expect(await verifyPassword(users[0]!.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it('publishes at least four courses, each pointing at its published version 1', async () => {
    const published = await t.db.course.findMany({
      where: { status: 'PUBLISHED' },
      include: { latestPublishedVersion: { include: { modules: { include: { lessons: true } } } } },
    });
    expect(published.length).toBeGreaterThanOrEqual(4);
    for (const course of published) {
      const version = course.latestPublishedVersion!;
      expect(course.publishedAt).toBeInstanceOf(Date);
      expect(version.number).toBe(1);
      expect(version.publishedAt).toBeInstanceOf(Date);
      expect(version.modules.length).toBeGreaterThanOrEqual(2);
      expect(version.modules.length).toBeLessThanOrEqual(4);
      const lessons = version.modules.flatMap((m) => m.lessons);
      expect(version.instructionalMinutes).toBe(
        lessons.reduce((s, l) => s + l.estimatedMinutes, 0),
      );
    }
    const prices = published.map((c) => c.latestPublishedVersion!.priceCents);
    expect(prices).toContain(0);
    expect(prices.some((p) => p > 0)).toBe(true);
  });

  it('keeps the draft course unpublished', async () => {
    const drafts = await t.db.course.findMany({
      where: { status: 'DRAFT' },
      include: { versions: true },
    });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.latestPublishedVersionId).toBeNull();
    expect(drafts[0]!.versions.map((v) => v.publishedAt)).toEqual([null]);
  });

  it('gives the CE course an AAPC approval whose title equals the version title', async () => {
    const approval = await t.db.creditApproval.findFirstOrThrow({
      where: { body: 'AAPC' },
      include: { version: true },
    });
    expect(approval.approvedTitle).toBe(approval.version.title);
    expect(approval.version.kind).toBe('CE');
    expect(approval.approvalNumber).toMatch(/DEMO/);
    expect(approval.ceuAmount.toFixed(2)).toBe('2.00');
    // Valid on the seeding day, for at most one year (AAPC), whatever year the seed runs in.
    const today = new Date().toISOString().slice(0, 10);
    const day = (date: Date) => date.toISOString().slice(0, 10);
    expect(day(approval.validFrom) <= today).toBe(true);
    expect(day(approval.validUntil) >= today).toBe(true);
    const from = approval.validFrom;
    const lastDay = new Date(
      Date.UTC(from.getUTCFullYear() + 1, from.getUTCMonth(), from.getUTCDate()) - 86_400_000,
    );
    expect(day(approval.validUntil) <= day(lastDay)).toBe(true);
    // The demo course could not have been published with an AAPC approval otherwise.
    const postTests = await t.db.quiz.count({
      where: { mode: 'POST_TEST', lesson: { module: { versionId: approval.versionId } } },
    });
    expect(postTests).toBe(1);
  });

  it('asks for seat time on every credit-bearing demo course: it cannot be completed in seconds', async () => {
    const versions = await t.db.courseVersion.findMany({
      where: { creditApprovals: { some: {} } },
      select: { title: true, minimumLessonTimePercent: true },
    });
    expect(versions.length).toBeGreaterThan(0);
    for (const version of versions) {
      expect(version.minimumLessonTimePercent, version.title).toBeGreaterThanOrEqual(50);
    }
  });

  it('dates every demo approval relative to the seeding day: nothing has expired', async () => {
    const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    const expired = await t.db.creditApproval.count({ where: { validUntil: { lt: today } } });
    expect(expired).toBe(0);
  });

  it('contains no CPT-style codes and no dental HCPCS codes', async () => {
    const lessons = await t.db.lesson.findMany({ select: { body: true, title: true } });
    const versions = await t.db.courseVersion.findMany({
      select: { title: true, summary: true, description: true },
    });
    const text = [
      ...lessons.flatMap((l) => [l.title, l.body]),
      ...versions.flatMap(Object.values),
    ].join('\n');
    // CPT codes are five digits, or four digits plus F/T/U; dental HCPCS codes are D + four digits.
    expect(text).not.toMatch(/\b\d{5}\b|\b\d{4}[FTU]\b|\bD\d{4}\b/);
    expect(text).toContain('Source: CDC/NCHS');
  });
});

describe('seedManyCourses', () => {
  const t = useTestDatabase();

  it('inserts published courses with a module and a lesson each', async () => {
    const { courseIds } = await seedManyCourses(t.db, 1200);
    expect(courseIds).toHaveLength(1200);
    expect(
      await t.db.course.count({
        where: { status: 'PUBLISHED', latestPublishedVersionId: { not: null } },
      }),
    ).toBe(1200);
    expect(await t.db.lesson.count()).toBe(1200);
  });
});
