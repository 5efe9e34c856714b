import { type Db, hotWrites, type SqlTx } from '@lms/db';
import type { Tx } from './tx';

/** A hot use case's answer when its path needs Prisma's transaction: roll back and run there. */
export const NEEDS_PRISMA = Symbol('needs a Prisma transaction');

/**
 * The transaction a hot write use case gets from `writeTransaction`. `sql` runs raw SQL
 * (`$queryRaw`, `$executeRaw`) and is all the hot path has: a model call on it is a type error.
 * `prisma` is Prisma's transaction client, or null on the hot path: a branch that needs it must
 * check, and answer `NEEDS_PRISMA` when it is null. So the types show which paths stay hot.
 */
export type WriteTx = HotWriteTx | PrismaWriteTx;

/** A `WriteTx` on the hot path (raw SQL on one `pg` connection of the pool). */
export interface HotWriteTx {
  readonly sql: SqlTx;
  readonly prisma: null;
}

/** A `WriteTx` inside Prisma's `$transaction` (`sql` is the same client as `prisma`). */
export interface PrismaWriteTx {
  readonly sql: Tx;
  readonly prisma: Tx;
}

/** Prisma's transaction client as a `WriteTx`, for callers already in `db.$transaction`. */
export function prismaWriteTx(tx: Tx): PrismaWriteTx {
  return { sql: tx, prisma: tx };
}

/** Thrown inside the hot transaction to roll it back when the work answered NEEDS_PRISMA. */
const ROLL_BACK = Symbol('roll back the hot attempt');

/**
 * Runs `work` once in a hot-write transaction (`hotWrites`: BEGIN, raw SQL on one `pg`
 * connection of the pool, COMMIT; ARCHITECTURE.md, "Hot writes") with `prisma: null`. When
 * `work` answers `NEEDS_PRISMA`, that attempt is rolled back and `work` runs again, from the
 * start, in `db.$transaction` with both members set. `hot: false` goes to Prisma at once (a
 * kind of work known to need it). Any error rolls back and is thrown.
 */
export async function writeTransaction<T>(
  db: Db,
  work: (tx: WriteTx) => Promise<T | typeof NEEDS_PRISMA>,
  options: { hot?: boolean } = {},
): Promise<T> {
  if (options.hot !== false) {
    const hot = await hotWrites(db)
      .transaction<T | typeof NEEDS_PRISMA>(async (sql) => {
        const result = await work({ sql, prisma: null });
        if (result === NEEDS_PRISMA) throw ROLL_BACK;
        return result;
      })
      .catch((error: unknown): typeof NEEDS_PRISMA => {
        if (error === ROLL_BACK) return NEEDS_PRISMA;
        throw error;
      });
    if (hot !== NEEDS_PRISMA) return hot as T;
  }
  return db.$transaction(async (tx) => {
    const result = await work(prismaWriteTx(tx));
    if (result === NEEDS_PRISMA) {
      throw new Error('A write use case answered NEEDS_PRISMA inside Prisma’s transaction.');
    }
    return result;
  });
}

/** Thrown by `tryHotTransaction`'s `tx` on any use of Prisma's model API. */
class NeedsPrismaTransaction extends Error {
  constructor(member: string) {
    super(`tx.${member} needs a Prisma transaction`);
  }
}

const RAW = new Set<PropertyKey>(['$queryRaw', '$executeRaw']);

/**
 * The implicit form of `writeTransaction`, kept for the quiz submission (its owner moves it):
 * runs `work` in a hot-write transaction with a `Tx` whose `$queryRaw` and `$executeRaw` run on
 * that connection; any other member (a model call, a nested `$transaction`) ends the attempt:
 * everything is rolled back and the answer is `NEEDS_PRISMA`, and the caller runs the same work
 * again in `db.$transaction`. Nothing in the types shows which paths stay hot: new hot writes use
 * `writeTransaction`. Any other error rolls back and is thrown.
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
