// Baseline for bench/quiz-submit.ts: the same grading reads and writes as submitQuizAttempt
// (lock enrolment and attempt, score, update answers and attempt, complete the lesson and the
// course on a pass), in hand-written SQL over pg, behind a bare node:http server. No GraphQL,
// no session lookup, no ORM.
import http from 'node:http';
import pg from 'pg';

const [databaseUrl, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, min: 10 });

type Question = {
  id: string;
  type: string;
  points: number;
  answerCodes: string[];
  correct: string[];
};

const key = (code: string) => code.toUpperCase().replace(/\./g, '');

function score(question: Question, response: { optionIds?: string[]; codes?: string[] }): number {
  if (question.type === 'CODE_SET') {
    const answer = new Set(question.answerCodes.map(key));
    let hits = 0;
    let extras = 0;
    for (const code of new Set((response.codes ?? []).map(key))) {
      if (answer.has(code)) hits += 1;
      else extras += 1;
    }
    return Math.round(Math.max(0, (hits - extras) / answer.size) * question.points * 1000) / 1000;
  }
  const ticked = response.optionIds ?? [];
  return ticked.length === 1 && question.correct.includes(ticked[0]!) ? question.points : 0;
}

async function submit(attemptId: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const owner = await client.query(
      'SELECT t."enrollmentId", t."quizId", q."lessonId", q."passPercent" FROM "QuizAttempt" t JOIN "Quiz" q ON q.id = t."quizId" WHERE t.id = $1',
      [attemptId],
    );
    const { enrollmentId, lessonId, passPercent } = owner.rows[0];
    await client.query('SELECT 1 FROM "Enrollment" WHERE id = $1 FOR UPDATE', [enrollmentId]);
    const locked = await client.query(
      'SELECT status, "questionIds", "deadlineAt" FROM "QuizAttempt" WHERE id = $1 FOR UPDATE',
      [attemptId],
    );
    const attempt = locked.rows[0];
    if (attempt.status === 'SUBMITTED') {
      await client.query('COMMIT');
      return { graded: false };
    }
    const questions = await client.query<Question>(
      `SELECT q.id, q.type::text, q.points, q."answerCodes",
              COALESCE(array_agg(o.id::text) FILTER (WHERE o.correct), '{}') AS correct
         FROM "Question" q LEFT JOIN "QuestionOption" o ON o."questionId" = q.id
        WHERE q.id = ANY($1::uuid[]) GROUP BY q.id`,
      [attempt.questionIds],
    );
    const byId = new Map(questions.rows.map((q) => [q.id, q]));
    const answers = await client.query(
      'SELECT id, "questionId", response, "savedAt" FROM "AttemptAnswer" WHERE "attemptId" = $1',
      [attemptId],
    );
    const ids: string[] = [];
    const points: number[] = [];
    const correct: boolean[] = [];
    let total = 0;
    for (const answer of answers.rows) {
      const question = byId.get(answer.questionId);
      if (!question || (attempt.deadlineAt && answer.savedAt > attempt.deadlineAt)) continue;
      const earned = score(question, answer.response);
      ids.push(answer.id);
      points.push(earned);
      correct.push(earned === question.points);
      total += earned;
    }
    const maxPoints = questions.rows.reduce((sum, q) => sum + q.points, 0);
    await client.query(
      `UPDATE "AttemptAnswer" AS a SET points = v.points, correct = v.correct
         FROM unnest($1::uuid[], $2::numeric[], $3::boolean[]) AS v(id, points, correct) WHERE a.id = v.id`,
      [ids, points, correct],
    );
    const percent = Math.round((total / maxPoints) * 10_000) / 100;
    const passed = percent >= passPercent;
    const now = new Date();
    await client.query(
      `UPDATE "QuizAttempt" SET status = 'SUBMITTED', "submittedAt" = $2, "scorePoints" = $3, "maxPoints" = $4,
              "scorePercent" = $5, passed = $6 WHERE id = $1`,
      [attemptId, now, total, maxPoints, percent, passed],
    );
    if (passed) {
      await client.query(
        `INSERT INTO "LessonProgress" ("enrollmentId", "lessonId", "firstOpenedAt", "lastSeenAt", "completedAt")
         VALUES ($1, $2, $3, $3, $3) ON CONFLICT ("enrollmentId", "lessonId")
         DO UPDATE SET "completedAt" = COALESCE("LessonProgress"."completedAt", EXCLUDED."completedAt")`,
        [enrollmentId, lessonId, now],
      );
      await client.query(
        `INSERT INTO "CourseCompletion" ("enrollmentId", "versionId", "completedAt", "seatMinutes", "passedAttemptId", evidence)
         SELECT id, "versionId", $2, 0, $3, '{}'::jsonb FROM "Enrollment" WHERE id = $1
         ON CONFLICT ("enrollmentId") DO NOTHING`,
        [enrollmentId, now, attemptId],
      );
      await client.query(
        'UPDATE "Enrollment" SET "lastActivityAt" = $2, "completedAt" = $2 WHERE id = $1',
        [enrollmentId, now],
      );
    }
    await client.query('COMMIT');
    return { graded: true, scorePercent: percent, passed };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

http
  .createServer((req, res) => {
    if (req.method !== 'POST') {
      res.end('ok');
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      submit((JSON.parse(body) as { attemptId: string }).attemptId).then(
        (result) => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ data: result }));
        },
        (error: Error) => {
          res.statusCode = 500;
          res.end(JSON.stringify({ errors: [{ message: error.message }] }));
        },
      );
    });
  })
  .listen(Number(port), '127.0.0.1');
