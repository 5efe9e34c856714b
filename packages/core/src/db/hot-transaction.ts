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
