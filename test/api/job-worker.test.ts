import { getQuizAttempt, saveAnswer, startQuizAttempt, type Viewer } from '@lms/core';
import { expect, it } from 'vitest';
import { exitOf, startWorkerProcess } from '../support/processes';
import { useSeededQueue } from '../support/seeded-queue';
import { timedPostTestLearner } from '../support/timed-post-test';

// The API's scheduler runs in this process: starting an attempt queues its grading job.
const queue = useSeededQueue();
const workers = queue.processes;

/** Saves the correct answer to every question of the attempt (so the post-test passes). */
async function answerCorrectly(
  viewer: Viewer,
  attemptId: string,
  questionIds: string[],
  now?: Date,
) {
  const questions = await queue.database.db.question.findMany({
    where: { id: { in: questionIds } },
    select: {
      id: true,
      type: true,
      acceptedAnswers: true,
      answerCodes: true,
      options: { where: { correct: true }, select: { id: true } },
    },
  });
  for (const question of questions) {
    const answer =
      question.type === 'SINGLE_CHOICE' ||
      question.type === 'MULTIPLE_CHOICE' ||
      question.type === 'TRUE_FALSE'
        ? { optionIds: question.options.map((option) => option.id) }
        : question.type === 'SHORT_TEXT'
          ? { text: question.acceptedAnswers[0] ?? '' }
          : { text: question.answerCodes.join(', ') };
    await saveAnswer({
      db: queue.database.db,
      viewer,
      attemptId,
      questionId: question.id,
      answer,
      now,
    });
  }
}

it('two workers, one database: an expired attempt is graded exactly once, dated at its deadline', async () => {
  workers.push(
    ...(await Promise.all([
      startWorkerProcess(queue.database.url),
      startWorkerProcess(queue.database.url),
    ])),
  );
  const { lessonId, minutes, viewer } = await timedPostTestLearner(queue.database);
  // Started (minutes - 8 s) ago: the deadline is 8 s away, and the learner never comes back.
  const startedAt = new Date(Date.now() - minutes * 60_000 + 8_000);
  const attempt = await startQuizAttempt({
    db: queue.database.db,
    viewer,
    lessonId,
    now: startedAt,
  });
  const questionIds = attempt.questions.map((question) => question.id);
  await answerCorrectly(viewer, attempt.id, questionIds);

  const deadline = attempt.deadlineAt as Date;
  let row = await queue.database.db.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
  const giveUp = Date.now() + 60_000;
  while (row.status !== 'SUBMITTED' && Date.now() < giveUp) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    row = await queue.database.db.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
  }
  const logs = workers.map((worker) => worker.output()).join('\n');
  expect(row.status, logs).toBe('SUBMITTED');
  expect(row.passed).toBe(true);
  expect(row.submittedAt?.toISOString()).toBe(deadline.toISOString());
  const progress = await queue.database.db.lessonProgress.findMany({
    where: { lessonId, enrollment: { userId: viewer.id } },
  });
  expect(progress).toHaveLength(1);
  expect(progress[0]?.completedAt?.toISOString()).toBe(deadline.toISOString());

  // Exactly one worker graded it (its job, or the sweep); the job is done and gone.
  expect(logs.match(/"graded":(true|1)\b/g) ?? [], logs).toHaveLength(1);
  const jobs = await queue.database.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${`grade-attempt:${attempt.id}`}`;
  expect(jobs[0]?.n).toBe(0);

  // SIGTERM: each worker finishes its jobs and exits 0.
  const exits = workers.map((worker) => exitOf(worker));
  for (const worker of workers) worker.child.kill('SIGTERM');
  expect(await Promise.all(exits)).toEqual([0, 0]);
}, 180_000);

it('graded lazily at the next visit (no worker ran): still dated at the deadline, not the visit', async () => {
  const { lessonId, minutes, viewer } = await timedPostTestLearner(queue.database, 1);
  const startedAt = new Date(Date.now() - 3 * 24 * 60 * 60_000);
  const attempt = await startQuizAttempt({
    db: queue.database.db,
    viewer,
    lessonId,
    now: startedAt,
  });
  await answerCorrectly(
    viewer,
    attempt.id,
    attempt.questions.map((question) => question.id),
    startedAt,
  );
  // Three days later the learner comes back: the attempt is graded now, dated at its deadline.
  const visited = await getQuizAttempt({ db: queue.database.db, viewer, attemptId: attempt.id });
  const deadline = new Date(startedAt.getTime() + minutes * 60_000);
  expect(visited.status).toBe('SUBMITTED');
  const row = await queue.database.db.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
  expect(row.passed).toBe(true);
  expect(row.submittedAt?.toISOString()).toBe(deadline.toISOString());
  const progress = await queue.database.db.lessonProgress.findFirstOrThrow({
    where: { lessonId, enrollment: { userId: viewer.id } },
  });
  expect(progress.completedAt?.toISOString()).toBe(deadline.toISOString());
});
