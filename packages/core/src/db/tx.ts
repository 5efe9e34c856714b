import type { Db, Prisma } from '@lms/db';

/** A client inside `db.$transaction`: what a function needs when it must run in one. */
export type Tx = Prisma.TransactionClient;

/** The pool or a transaction: for reads and single statements that work either way. */
export type DbOrTx = Db | Prisma.TransactionClient;

/** Raw SQL only (`$queryRaw`, `$executeRaw`): the pool, a Prisma transaction or a hot-write one. */
export type { SqlTx } from '@lms/db';
