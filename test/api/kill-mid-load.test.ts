import { startQuizAttempt } from '@lms/core';
import { expect, it } from 'vitest';
import { exitOf, startApiProcess, startWorkerProcess } from '../support/processes';
import { useSeededQueue } from '../support/seeded-queue';
import { timedPostTestLearner } from '../support/timed-post-test';

// Scale-out on real parts: two API processes and two workers on one PostgreSQL. One of each is
// killed with SIGKILL (no drain, no cleanup) in the middle of the load; nothing acknowledged may
// be lost, and nothing may be written twice.
const queue = useSeededQueue();
const running = queue.processes;

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { viewer { email } } }`;

type Outcome = 'created' | 'already-registered' | 'unreachable' | 'busy';

/**
 * One registration; a dropped connection (the process was killed) is 'unreachable', and a 503
 * (the database's connections all busy) is 'busy': both are for the client to retry.
 */
async function register(api: { url: string; output(): string }, email: string): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: REGISTER,
        variables: { input: { email, name: 'Load Learner', password: 'kill-test-Passphrase-19' } },
      }),
    });
  } catch {
    return 'unreachable';
  }
  if (response.status === 503) return 'busy';
  const body = (await response.json()) as {
    data?: { register?: { viewer: { email: string } } };
    errors?: { extensions?: { fieldErrors?: { email?: string[] } } }[];
  };
  if (body.data?.register?.viewer.email === email) return 'created';
  const emailErrors = body.errors?.flatMap((error) => error.extensions?.fieldErrors?.email ?? []);
  if (emailErrors?.some((message) => /already exists/.test(message))) return 'already-registered';
  throw new Error(
    `unexpected answer for ${email}: ${response.status} ${JSON.stringify(body)}\n${api.output()}`,
  );
}

/** Up to `learners` seeded students each start an attempt at the timed post-test. */
async function startAttemptsEndingIn(ms: number, learners: number) {
  const students = await queue.database.db.user.count({ where: { role: 'STUDENT' } });
  const attemptIds: string[] = [];
  for (let index = 0; index < Math.min(learners, students); index += 1) {
    const { lessonId, minutes, viewer } = await timedPostTestLearner(queue.database, index);
    const startedAt = new Date(Date.now() - minutes * 60_000 + ms);
    const attempt = await startQuizAttempt({
      db: queue.database.db,
      viewer,
      lessonId,
      now: startedAt,
    });
    attemptIds.push(attempt.id);
  }
  return attemptIds;
}

it('kill one API and one worker mid-load: no acknowledged write lost, none written twice, every attempt graded once', async () => {
  const env = { SEED_DEMO_DATA: 'false' };
  const [doomedApi, survivingApi, doomedWorker, survivingWorker] = await Promise.all([
    startApiProcess(queue.database.url, env),
    startApiProcess(queue.database.url, env),
    startWorkerProcess(queue.database.url),
    startWorkerProcess(queue.database.url),
  ]);
  running.push(doomedApi, survivingApi, doomedWorker, survivingWorker);

  // Attempts whose deadlines fall inside the load: both workers hold their grading jobs.
  const attemptIds = await startAttemptsEndingIn(4_000, 4);
  expect(attemptIds.length).toBeGreaterThanOrEqual(2);

  const emails = Array.from({ length: 120 }, (_, i) => `load-${i}@kill-test.example.org`);
  const outcomes = new Map<string, Outcome[]>();
  let sent = 0;
  const killed = { api: false, worker: false };
  const apis = [doomedApi, survivingApi];
  const lane = async (laneIndex: number) => {
    for (let i = laneIndex; i < emails.length; i += 8) {
      const email = emails[i] as string;
      sent += 1;
      if (sent === 40) {
        doomedApi.child.kill('SIGKILL');
        killed.api = true;
      }
      const tries = [await register(apis[i % 2] as typeof survivingApi, email)];
      // A client retries what got no answer or a 503, on the process still up.
      while (tries.length < 6 && (tries.at(-1) === 'unreachable' || tries.at(-1) === 'busy')) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        tries.push(await register(survivingApi, email));
      }
      outcomes.set(email, tries);
    }
  };
  const workerKill = new Promise<void>((resolve) =>
    setTimeout(() => {
      doomedWorker.child.kill('SIGKILL');
      killed.worker = true;
      resolve();
    }, 4_000),
  );
  await Promise.all([...Array.from({ length: 8 }, (_, i) => lane(i)), workerKill]);
  expect(killed).toEqual({ api: true, worker: true });
  expect(await exitOf(doomedApi)).toBe('SIGKILL');
  expect(await exitOf(doomedWorker)).toBe('SIGKILL');

  // The kill really cut requests, and each retry found the first write or made it once.
  const retried = [...outcomes.values()].filter((tries) => tries[0] === 'unreachable');
  expect(retried.length).toBeGreaterThan(0);
  for (const tries of outcomes.values()) {
    expect(['created', 'already-registered']).toContain(tries.at(-1));
  }
  const rows = await queue.database.db.user.groupBy({
    by: ['email'],
    where: { email: { endsWith: '@kill-test.example.org' } },
    _count: { _all: true },
  });
  expect(rows).toHaveLength(emails.length);
  expect(rows.every((row) => row._count._all === 1)).toBe(true);

  // Every attempt is graded exactly once by the worker left: its own jobs, and the sweep for
  // any job the killed worker had locked (graphile-worker frees those only after 4 hours).
  const giveUp = Date.now() + 120_000;
  let submitted = 0;
  while (Date.now() < giveUp) {
    submitted = await queue.database.db.quizAttempt.count({
      where: { id: { in: attemptIds }, status: 'SUBMITTED' },
    });
    if (submitted === attemptIds.length) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(submitted, survivingWorker.output()).toBe(attemptIds.length);
  // Graded as of the deadline, not when the surviving worker got to it. (A second grading
  // could not change the row: submitted attempts are immutable by trigger.)
  const attempts = await queue.database.db.quizAttempt.findMany({
    where: { id: { in: attemptIds } },
    select: { submittedAt: true, deadlineAt: true },
  });
  for (const attempt of attempts) {
    expect(attempt.submittedAt?.toISOString()).toBe(attempt.deadlineAt?.toISOString());
  }
}, 240_000);
