// Baseline for the complete-lesson benchmark: the same reads and writes as the API's
// completeLesson (session, lesson, enrolment, seat-time upsert, completion check), issued
// straight through `pg` in one transaction, behind a bare node:http server.
import { createHash } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

const [databaseUrl, portArg] = process.argv.slice(2);
if (!databaseUrl) throw new Error('usage: raw-lesson-server <databaseUrl> <port>');
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, min: 10 });

async function completeLesson(token: string, lessonId: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const viewer = await client.query(
      `SELECT u.id FROM "Session" s JOIN "User" u ON u.id = s."userId"
        WHERE s."tokenHash" = $1 AND s."expiresAt" > now()`,
      [createHash('sha256').update(token).digest('hex')],
    );
    const userId = viewer.rows[0]?.id;
    if (!userId) throw new Error('unauthenticated');
    const lesson = await client.query(
      `SELECT l.id, l."estimatedMinutes", l."videoSeconds", m."versionId", v."courseId"
         FROM "Lesson" l JOIN "Module" m ON m.id = l."moduleId" JOIN "CourseVersion" v ON v.id = m."versionId"
        WHERE l.id = $1`,
      [lessonId],
    );
    const { courseId, estimatedMinutes } = lesson.rows[0];
    const enrollment = await client.query(
      `SELECT id, "versionId", status FROM "Enrollment" WHERE "userId" = $1 AND "courseId" = $2`,
      [userId, courseId],
    );
    const enrollmentId = enrollment.rows[0].id;
    const previous = await client.query(
      `SELECT "lastSeenAt" FROM "LessonProgress" WHERE "enrollmentId" = $1 AND "lessonId" = $2`,
      [enrollmentId, lessonId],
    );
    const elapsed = previous.rows[0]
      ? (Date.now() - previous.rows[0].lastSeenAt.getTime()) / 1000
      : 0;
    const credit = Math.min(Math.floor(Math.max(elapsed, 0)), Math.max(120, estimatedMinutes * 75));
    await client.query(
      `INSERT INTO "LessonProgress" ("enrollmentId", "lessonId", "firstOpenedAt", "lastSeenAt", "seatSeconds")
       VALUES ($1, $2, now(), now(), 0)
       ON CONFLICT ("enrollmentId", "lessonId") DO UPDATE SET
         "seatSeconds" = "LessonProgress"."seatSeconds" + $3::int, "lastSeenAt" = now()
       RETURNING "seatSeconds", "completedAt"`,
      [enrollmentId, lessonId, credit],
    );
    await client.query(`UPDATE "Enrollment" SET "lastActivityAt" = now() WHERE id = $1`, [
      enrollmentId,
    ]);
    await client.query(`SELECT "minimumLessonTimePercent" FROM "CourseVersion" WHERE id = $1`, [
      enrollment.rows[0].versionId,
    ]);
    await client.query(
      `UPDATE "LessonProgress" SET "completedAt" = COALESCE("completedAt", now())
        WHERE "enrollmentId" = $1 AND "lessonId" = $2`,
      [enrollmentId, lessonId],
    );
    await client.query(`SELECT 1 FROM "Enrollment" WHERE id = $1 FOR UPDATE`, [enrollmentId]);
    const done = await client.query(`SELECT id FROM "CourseCompletion" WHERE "enrollmentId" = $1`, [
      enrollmentId,
    ]);
    if (!done.rows[0]) {
      await client.query(
        `SELECT l.id, l.required, q.mode FROM "Lesson" l JOIN "Module" m ON m.id = l."moduleId"
           LEFT JOIN "Quiz" q ON q."lessonId" = l.id WHERE m."versionId" = $1`,
        [enrollment.rows[0].versionId],
      );
      await client.query(
        `SELECT "lessonId", "completedAt", "seatSeconds" FROM "LessonProgress" WHERE "enrollmentId" = $1`,
        [enrollmentId],
      );
    }
    const progress = await client.query(
      `SELECT "seatSeconds", "completedAt" FROM "LessonProgress" WHERE "enrollmentId" = $1 AND "lessonId" = $2`,
      [enrollmentId, lessonId],
    );
    await client.query('COMMIT');
    return progress.rows[0];
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString());
      const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
      const data = await completeLesson(token, body.variables.lessonId);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data }));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});
server.listen(Number(portArg ?? 0), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
