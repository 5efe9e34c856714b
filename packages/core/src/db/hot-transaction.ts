import { type Db, hotWrites } from '@lms/db';
import type { Tx } from './tx';

/** What `tryHotTransaction` answers when the work used more than raw SQL and was rolled back. */
export const NEEDS_PRISMA = Symbol('needs a Prisma transaction');

/** Thrown by the hot transaction's `tx` on any use of Prisma's model API. */
class NeedsPrismaTransaction extends Error {
  constructor(member: string) {
    super(`tx.${member} needs a Prisma transaction`);
  }
}

const RAW = new Set<PropertyKey>(['$queryRaw', '$executeRaw']);

/**
 * Runs `work` in a hot-write transaction (`hotWrites`: raw SQL on one `pg` connection of the
 * pool, no Prisma interactive transaction; ARCHITECTURE.md, "Hot writes"). `work` gets a `Tx`
 * whose `$queryRaw` and `$executeRaw` run on that connection; any other member (a model call,
 * a nested `$transaction`) ends the attempt: everything is rolled back and the answer is
 * `NEEDS_PRISMA`, and the caller runs the same work again in `db.$transaction`. So a use case
 * written against `Tx` runs unchanged; only the paths that are raw SQL throughout run hot.
 * Any other error rolls back and is thrown.
 */
export async function tryHotTransaction<T>(
  db: Db,
  work: (tx: Tx) => Promise<T>,
): Promise<T | typeof NEEDS_PRISMA> {
  let needed: string | null = null;
  try {
    return await hotWrites(db).transaction(async (sql) => {
      const tx = new Proxy(sql, {
        get(target, member) {
          if (RAW.has(member)) return target[member as keyof typeof target];
          // Not a thenable, and symbols (inspection) are not API calls.
          if (member === 'then' || typeof member === 'symbol') return undefined;
          needed ??= member;
          throw new NeedsPrismaTransaction(member);
        },
        // `'$transaction' in tx` (the outbox's nested-transaction check) is false here.
        has: (_target, member) => RAW.has(member),
      }) as unknown as Tx;
      const result = await work(tx);
      // Rolled back even when the work caught the error and went on.
      if (needed !== null) throw new NeedsPrismaTransaction(needed);
      return result;
    });
  } catch (error) {
    if (needed !== null) return NEEDS_PRISMA;
    throw error;
  }
}
