import type { Db } from '@lms/db';
import { hasQueue, SEND_EMAIL_JOB } from './outbox';
import { addEmailJobs } from './sql';

interface Batch {
  ids: string[];
  done: Promise<void>;
  settle: (error?: unknown) => void;
}

interface Waker {
  /** Ids waiting for the statement after the one in flight. */
  next: Batch | null;
  flushing: boolean;
}

const wakers = new WeakMap<Db, Waker>();

function newBatch(): Batch {
  let settle!: (error?: unknown) => void;
  const done = new Promise<void>((resolve, reject) => {
    settle = (error) => (error === undefined ? resolve() : reject(error));
  });
  // A batch nobody awaits (all its callers gave up) must not become an unhandled rejection.
  done.catch(() => undefined);
  return { ids: [], done, settle };
}

async function flush(db: Db, waker: Waker): Promise<void> {
  waker.flushing = true;
  while (waker.next) {
    const batch = waker.next;
    waker.next = null;
    try {
      // Without the queue schema (scripts, tests) the worker's sweep sends the rows.
      if (await hasQueue(db)) await addEmailJobs(db, batch.ids, SEND_EMAIL_JOB);
      batch.settle();
    } catch (error) {
      batch.settle(error);
    }
  }
  waker.flushing = false;
}

/**
 * Adds the send jobs of outbox rows that committed without one (`enqueueEmail`'s
 * `deferEmailJobs`). Like a group commit: the first call sends its statement at once, and
 * every call made while a statement is in flight joins the next one, so a burst of webhooks in
 * a process costs a few NOTIFYs instead of one per receipt. Resolves when the jobs exist.
 * Without the queue schema it does nothing; a row whose wake is lost (the process died after
 * the commit) is sent by the worker's periodic outbox sweep.
 */
export function wakeEmailSender(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return Promise.resolve();
  let waker = wakers.get(db);
  if (!waker) {
    waker = { next: null, flushing: false };
    wakers.set(db, waker);
  }
  waker.next ??= newBatch();
  const batch = waker.next;
  batch.ids.push(...ids);
  if (!waker.flushing) void flush(db, waker);
  return batch.done;
}
