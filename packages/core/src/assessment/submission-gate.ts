import { type Db, poolSize } from '@lms/db';
import pLimit, { type LimitFunction } from 'p-limit';

const gates = new WeakMap<Db, LimitFunction>();

/** What a submission that waited longer than `maxWaitMs` at the gate throws (answered 503). */
export class SubmissionGateTimeout extends Error {
  constructor(maxWaitMs: number) {
    // Worded like Prisma's own wait limit, which the API answers as "busy, try again" (503).
    super(
      `Unable to start a transaction in the given time (${maxWaitMs} ms at the submission gate)`,
    );
  }
}

/**
 * Admission control for quiz submissions (ARCHITECTURE.md, "Quiz submissions pass a
 * per-process gate"): at most as many run `work` (their read, transaction and view) at once as
 * the client's pool has connections; the others wait in arrival order (FIFO), at most
 * `maxWaitMs`, and then throw SubmissionGateTimeout. Waiting here rather than in the pool's
 * queue keeps a burst from failing on the pool's connection wait (5 s) and leaves that queue
 * to the other requests' short reads. The gate guards a per-process pool, so a
 * per-process count is the right one: each API process has its own pool and gate, and
 * PostgreSQL's locks order the processes' transactions as before.
 */
export async function throughSubmissionGate<T>(
  db: Db,
  maxWaitMs: number,
  work: () => Promise<T>,
): Promise<T> {
  let gate = gates.get(db);
  if (!gate) {
    // A client not made by createPrismaClient: its pool's size is unknown; 10 is the default.
    gate = pLimit(poolSize(db) ?? 10);
    gates.set(db, gate);
  }
  let timer: NodeJS.Timeout | undefined;
  let gaveUp = false;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      gaveUp = true;
      reject(new SubmissionGateTimeout(maxWaitMs));
    }, maxWaitMs);
  });
  // A waiter that gave up leaves its place at once when its turn comes.
  const admitted = gate(async () => {
    if (gaveUp) return null;
    clearTimeout(timer);
    return { value: await work() };
  });
  admitted.catch(() => undefined);
  const result = await Promise.race([admitted, timedOut]);
  return result!.value;
}
