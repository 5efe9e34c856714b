// Fixtures shared by the benchmarks, written straight through `pg` or Prisma.
import { createHash, randomBytes } from 'node:crypto';
import { createPrismaClient, seedManyCourses } from '@lms/db';
import pg from 'pg';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function serial(): string {
  const bytes = randomBytes(12);
  const symbols = [...bytes].map((b) => ALPHABET[b & 31]).join('');
  return `CEU-${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8, 12)}`;
}

export async function buildCertificates(databaseUrl: string, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const {
      rows: [user],
    } = await client.query(
      `INSERT INTO "User" ("email", "name", "passwordHash") VALUES ('bench@example.com', 'Bench Learner', '!') RETURNING "id"`,
    );
    const {
      rows: [course],
    } = await client.query(
      `INSERT INTO "Course" ("slug", "ownerId", "status") VALUES ('bench-verify', $1, 'PUBLISHED') RETURNING "id"`,
      [user.id],
    );
    const {
      rows: [version],
    } = await client.query(
      `INSERT INTO "CourseVersion" ("courseId", "number", "title", "summary", "kind") VALUES ($1, 1, 'Bench CE course', 'S', 'CE') RETURNING "id"`,
      [course.id],
    );
    const {
      rows: [enrollment],
    } = await client.query(
      `INSERT INTO "Enrollment" ("userId", "courseId", "versionId", "source") VALUES ($1, $2, $3, 'GRANT') RETURNING "id"`,
      [user.id, course.id, version.id],
    );
    const {
      rows: [completion],
    } = await client.query(
      `INSERT INTO "CourseCompletion" ("enrollmentId", "versionId", "seatMinutes", "evidence") VALUES ($1, $2, 0, '{}') RETURNING "id"`,
      [enrollment.id, version.id],
    );
    const serials = Array.from({ length: count }, serial);
    const snapshots = serials.map((s, i) =>
      JSON.stringify({
        serial: s,
        participantName: `Learner ${i}`,
        programTitle: 'Bench CE course',
        sponsoringOrganization: 'CodeCred LMS',
        completionDate: '2026-11-20',
        issuedAt: '2026-11-20T10:00:00.000Z',
        credits: [
          {
            body: 'AAPC',
            bodyName: 'AAPC',
            indexNumber: `AAPC-B-${i}`,
            ceuAmount: '1.00',
            category: 'core',
          },
        ],
        instructionalMinutes: 60,
        verifyUrl: `http://127.0.0.1:3000/verify/${s}`,
        statusListIndex: i + 1,
      }),
    );
    await client.query(
      `INSERT INTO "Certificate" ("serial", "userId", "enrollmentId", "completionId", "courseId", "versionId", "creditKey", "snapshot")
       SELECT s, $1, $2, $3, $4, $5, 'bench-' || ord, snap::jsonb
         FROM unnest($6::text[], $7::text[]) WITH ORDINALITY AS t(s, snap, ord)`,
      [user.id, enrollment.id, completion.id, course.id, version.id, serials, snapshots],
    );
    // A tenth revoked, so both answers are exercised.
    await client.query(
      `UPDATE "Certificate" SET "revokedAt" = now(), "revocationReason" = 'bench' WHERE "statusListIndex" % 10 = 0`,
    );
    await client.query('ANALYZE "Certificate"');
    return serials;
  } finally {
    await client.end();
  }
}

/**
 * `count` learners with a live session each, enrolled (FREE) in the first free published
 * course of the demo data; answers their bearer tokens and the course's non-quiz lessons.
 */
export async function enrolLearners(databaseUrl: string, count: number, prefix = 'bench-learner') {
  const db = createPrismaClient({ databaseUrl });
  try {
    const course = await db.course.findFirstOrThrow({
      where: { status: 'PUBLISHED', latestPublishedVersion: { priceCents: 0 } },
      orderBy: { slug: 'asc' },
      select: {
        id: true,
        latestPublishedVersionId: true,
        latestPublishedVersion: {
          select: {
            modules: {
              select: { lessons: { where: { kind: { not: 'QUIZ' } }, select: { id: true } } },
            },
          },
        },
      },
    });
    const lessons = course.latestPublishedVersion!.modules.flatMap((module) =>
      module.lessons.map((l) => l.id),
    );
    const tokens: string[] = [];
    for (let index = 0; index < count; index++) {
      const token = randomBytes(32).toString('base64url');
      tokens.push(token);
      const user = await db.user.create({
        data: {
          email: `${prefix}-${index}@example.com`,
          name: `Bench Learner ${index}`,
          passwordHash: '!bench',
          sessions: {
            create: {
              tokenHash: createHash('sha256').update(token).digest('hex'),
              expiresAt: new Date(Date.now() + 86_400_000),
            },
          },
        },
        select: { id: true },
      });
      await db.enrollment.create({
        data: {
          userId: user.id,
          courseId: course.id,
          versionId: course.latestPublishedVersionId!,
          source: 'FREE',
        },
      });
    }
    return { tokens, lessons, courseId: course.id };
  } finally {
    await db.$disconnect();
  }
}

/** The benchmarks' catalog: `count` more published courses (default 10,000), then ANALYZE. */
export async function seedCatalog(
  databaseUrl: string,
  count = Number(process.env.BENCH_COURSES ?? 10_000),
) {
  const db = createPrismaClient({ databaseUrl });
  try {
    await seedManyCourses(db, count);
    await db.$executeRawUnsafe('ANALYZE');
  } finally {
    await db.$disconnect();
  }
}
