import { randomUUID } from 'node:crypto';
import { hashPassword } from '@lms/password';
import type { Db } from './client';
import { createCourse, createUser } from './factories';
import { markVersionPublished } from './publish-version';
import { DEMO_COURSES } from './seed/demo-courses';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/users';

export { approvalDates } from './factories';
export { markVersionPublished } from './publish-version';

// Serialises concurrent seeders (several API processes starting on one empty database).
const SEED_LOCK_KEY = 72707370;

// Fixed so that the demo catalogue looks the same on every machine.
const DEMO_PUBLISHED_AT = new Date('2026-09-15T14:00:00.000Z');

/**
 * Loads the demo catalogue into an empty database, in one transaction, through the factories
 * the tests use (@lms/db/testing). Does nothing when any user exists, so it is safe to call on
 * every start.
 */
export async function seedDemoData(db: Db): Promise<{ seeded: boolean }> {
  if ((await db.user.count()) > 0) return { seeded: false };
  // Hash outside the transaction: argon2 takes ~50 ms a hash and would hold locks meanwhile.
  const passwordHashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));

  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      if ((await tx.user.count()) > 0) return { seeded: false };

      const userIds = new Map<string, string>();
      for (const [index, user] of DEMO_USERS.entries()) {
        const created = await createUser(tx, {
          ...user,
          passwordHash: passwordHashes[index]!,
          // Demo accounts are ready to use: their (example.com) addresses count as confirmed.
          emailVerifiedAt: true,
        });
        userIds.set(user.email, created.id);
      }
      for (const { ownerEmail, published, ...course } of DEMO_COURSES) {
        const ownerId = userIds.get(ownerEmail);
        if (!ownerId) throw new Error(`demo course ${course.slug}: unknown owner ${ownerEmail}`);
        await createCourse(tx, {
          ...course,
          ownerId,
          status: published ? 'PUBLISHED' : 'DRAFT',
          publishedAt: DEMO_PUBLISHED_AT,
          withNextDraft: true,
        });
      }
      return { seeded: true };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}

/**
 * Benchmark fixture: `count` published courses with one module and one lesson each, inserted
 * with createMany. Owned by `ownerId`, or by the first instructor (one is created if none exists).
 */
export async function seedManyCourses(
  db: Db,
  count: number,
  options: { ownerId?: string } = {},
): Promise<{ courseIds: string[] }> {
  const ownerId = options.ownerId ?? (await benchmarkOwnerId(db));
  const tag = randomUUID().slice(0, 8);
  const publishedAt = new Date();
  const courses = Array.from({ length: count }, (_, i) => ({
    courseId: randomUUID(),
    versionId: randomUUID(),
    moduleId: randomUUID(),
    index: i,
  }));

  // An interactive transaction per batch with its own time limit: on a busy machine a batch
  // can take longer than Prisma's default 5 s (benchmarks seed 10,000 courses).
  for (const batch of chunks(courses, 1000)) {
    await db.$transaction(
      async (tx) => {
        for (const step of [
          () =>
            tx.course.createMany({
              data: batch.map((c) => ({
                id: c.courseId,
                slug: `bench-${tag}-${c.index}`,
                ownerId,
                status: 'PUBLISHED' as const,
                publishedAt,
              })),
            }),
          () =>
            tx.courseVersion.createMany({
              data: batch.map((c) => ({
                id: c.versionId,
                courseId: c.courseId,
                number: 1,
                title: benchmarkTitle(c.index),
                summary: `Generated for load tests: ${BENCH_TOPICS[(c.index * 7) % BENCH_TOPICS.length]} in depth.`,
                kind: c.index % 3 === 0 ? ('EXAM_PREP' as const) : ('CE' as const),
                level: (['BEGINNER', 'INTERMEDIATE', 'ADVANCED'] as const)[c.index % 3],
                priceCents: (c.index % 5) * 1000,
                instructionalMinutes: 30,
              })),
            }),
          () =>
            tx.courseInstructor.createMany({
              data: batch.map((c) => ({
                courseId: c.courseId,
                userId: ownerId,
                role: 'OWNER' as const,
              })),
            }),
          () =>
            tx.module.createMany({
              data: batch.map((c) => ({
                id: c.moduleId,
                versionId: c.versionId,
                position: 1,
                title: 'Module 1',
              })),
            }),
          () =>
            tx.lesson.createMany({
              data: batch.map((c) => ({
                moduleId: c.moduleId,
                position: 1,
                title: 'Lesson 1',
                body: '## Benchmark lesson\n\nGenerated content.',
                estimatedMinutes: 30,
              })),
            }),
          () =>
            markVersionPublished(
              tx,
              batch.map((c) => c.versionId),
              publishedAt,
            ),
          () => tx.$executeRaw`UPDATE "Course" c SET "latestPublishedVersionId" = v.id
        FROM "CourseVersion" v
        WHERE v."courseId" = c.id AND c.id = ANY(${batch.map((b) => b.courseId)}::uuid[])`,
        ]) {
          await step();
        }
      },
      { timeout: 120_000 },
    );
  }
  return { courseIds: courses.map((c) => c.courseId) };
}

const BENCH_TOPICS = [
  'ICD-10-CM diabetes coding',
  'HCPCS Level II durable medical equipment',
  'risk adjustment documentation',
  'inpatient sequencing rules',
  'outpatient diagnostic coding',
  'injury and external cause coding',
  'pregnancy and perinatal coding',
  'neoplasm table navigation',
  'compliance and auditing',
  'medical terminology essentials',
  'anatomy for coders',
  'modifiers for supplies and drugs',
];

function benchmarkTitle(index: number): string {
  const topic = BENCH_TOPICS[index % BENCH_TOPICS.length]!;
  return `${topic.charAt(0).toUpperCase()}${topic.slice(1)}: Part ${Math.floor(index / BENCH_TOPICS.length) + 1}`;
}

async function benchmarkOwnerId(db: Db): Promise<string> {
  const instructor = await db.user.findFirst({
    where: { role: 'INSTRUCTOR' },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  if (instructor) return instructor.id;
  const created = await db.user.create({
    data: {
      email: `bench-instructor-${randomUUID()}@example.com`,
      name: 'Benchmark Instructor',
      role: 'INSTRUCTOR',
      // Not a valid argon2 hash on purpose: nobody can sign in as this user.
      passwordHash: '!benchmark-user',
    },
    select: { id: true },
  });
  return created.id;
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
