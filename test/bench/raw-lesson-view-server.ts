// Baseline for the lesson-view benchmark: what the API's learnerLesson does (session, lesson
// with its module and version, enrolment check, the version's lesson order, the learner's
// progress, the Markdown rendered to sanitised HTML with core's own renderer, once per body
// text as the API does), in
// hand-written SQL over `pg` behind a bare node:http server answering POST {"lessonId"} with
// a bearer token. No GraphQL, no ORM.
import { createHash } from 'node:crypto';
import http from 'node:http';
import { renderMarkdown } from '@lms/core';
import pg from 'pg';

const [databaseUrl, portArg] = process.argv.slice(2);
if (!databaseUrl) throw new Error('usage: raw-lesson-view-server <databaseUrl> <port>');
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, min: 10 });

// Fixed statements run prepared (named), as the API's fixed hot reads are (ARCHITECTURE.md,
// "GraphQL served in front of Express; prepared statements for the fixed hot reads").
const prepared = (name: string, text: string, values: unknown[]) =>
  pool.query({ name, text, values });
// Each body text rendered once, as the API does (api/src/modules/learning/lesson-html.ts): the
// comparison stays like for like.
const rendered = new Map<string, string>();
function bodyHtml(body: string): string {
  let html = rendered.get(body);
  if (html === undefined) {
    html = renderMarkdown(body);
    rendered.set(body, html);
  }
  return html;
}

async function lessonView(token: string, lessonId: string) {
  const viewer = await prepared(
    'viewer',
    `SELECT u.id FROM "Session" s JOIN "User" u ON u.id = s."userId"
      WHERE s."tokenHash" = $1 AND s."expiresAt" > now()`,
    [createHash('sha256').update(token).digest('hex')],
  );
  const userId = viewer.rows[0]?.id;
  if (!userId) throw new Error('unauthenticated');
  const lesson = await prepared(
    'lesson',
    `SELECT l.id, l.title, l.kind, l.body, l."videoUrl", l."videoSeconds", l."estimatedMinutes",
            l.required, m.title AS "moduleTitle", m."versionId", v."courseId", v."minimumLessonTimePercent"
       FROM "Lesson" l JOIN "Module" m ON m.id = l."moduleId" JOIN "CourseVersion" v ON v.id = m."versionId"
      WHERE l.id = $1 AND v."publishedAt" IS NOT NULL`,
    [lessonId],
  );
  const row = lesson.rows[0];
  if (!row) throw new Error('not found');
  const enrollment = await prepared(
    'enrollment',
    `SELECT id, "versionId", status FROM "Enrollment"
      WHERE "userId" = $1 AND "courseId" = $2 AND "supersededAt" IS NULL`,
    [userId, row.courseId],
  );
  const enrolled = enrollment.rows[0];
  if (enrolled?.status !== 'ACTIVE' || enrolled.versionId !== row.versionId) {
    throw new Error('forbidden');
  }
  const [order, progress] = await Promise.all([
    prepared(
      'order',
      `SELECT l.id FROM "Module" m JOIN "Lesson" l ON l."moduleId" = m.id
        WHERE m."versionId" = $1 ORDER BY m.position, l.position`,
      [row.versionId],
    ),
    prepared(
      'progress',
      `SELECT "seatSeconds", "completedAt" FROM "LessonProgress"
        WHERE "enrollmentId" = $1 AND "lessonId" = $2`,
      [enrolled.id, lessonId],
    ),
  ]);
  const ids = order.rows.map((r) => r.id as string);
  const index = ids.indexOf(lessonId);
  const seconds = row.estimatedMinutes * 60;
  return {
    id: row.id,
    courseId: row.courseId,
    title: row.title,
    moduleTitle: row.moduleTitle,
    kind: row.kind,
    bodyHtml: bodyHtml(row.body),
    videoSeconds: row.videoSeconds,
    estimatedMinutes: row.estimatedMinutes,
    required: row.required,
    previousLessonId: ids[index - 1] ?? null,
    nextLessonId: ids[index + 1] ?? null,
    seatSeconds: progress.rows[0]?.seatSeconds ?? 0,
    completedAt: progress.rows[0]?.completedAt ?? null,
    requiredSeconds: Math.ceil((seconds * row.minimumLessonTimePercent) / 100),
    heartbeatIntervalSeconds: 30,
  };
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST') {
    res.end('ok');
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const { lessonId } = JSON.parse(Buffer.concat(chunks).toString()) as { lessonId: string };
      const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const data = await lessonView(token, lessonId);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { learnerLesson: data } }));
    } catch (error) {
      res.writeHead(500);
      res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});
server.listen(Number(portArg ?? 0), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
