import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { type Prisma, PrismaClient } from './generated/client';

export type Db = PrismaClient;

/**
 * Hot reads straight through `pg` on the client's own pool, without Prisma's query runtime
 * (ARCHITECTURE.md, "Hot reads"). Statements are built with `Prisma.sql` (parameterised, never
 * concatenated). Rows are pg's: only select types that pg and Prisma read alike (text, int4,
 * bool, uuid, timestamptz, json); cast numeric, bigint, date and enums to text.
 */
export interface HotReads {
  rows<Row>(statement: Prisma.Sql): Promise<Row[]>;
}

const hotReaders = new WeakMap<object, HotReads>();

/** The hot-read path of a client from `createPrismaClient` (Prisma's own for any other). */
export function hotReads(db: Db): HotReads {
  return (
    hotReaders.get(db) ?? {
      rows: <Row>(statement: Prisma.Sql) => db.$queryRaw<Row[]>(statement),
    }
  );
}

export interface CreatePrismaClientOptions {
  databaseUrl: string;
  /** Pool size per process. Default 10. */
  poolMax?: number;
  /** Server-side limit for any single statement. Default 15 s. */
  statementTimeoutMs?: number;
  /** How long a query may wait for a free pooled connection. Default 5 s. */
  connectionTimeoutMs?: number;
  /** Called with the text of every SQL statement (tests count them; see the N+1 test). */
  onQuery?: (sql: string) => void;
}

/**
 * The one place that creates a database client. Without `connectionTimeoutMillis` the pg pool
 * waits forever for a free connection, so overload would hang instead of failing fast.
 */
export function createPrismaClient({
  databaseUrl,
  poolMax = 10,
  statementTimeoutMs = 15_000,
  connectionTimeoutMs = 5_000,
  onQuery,
}: CreatePrismaClientOptions): Db {
  // One pool per client, shared by Prisma (through the adapter, which ends it on
  // $disconnect) and the hot reads; idle connections never keep a process alive.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolMax,
    connectionTimeoutMillis: connectionTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeoutMs,
    allowExitOnIdle: true,
  });
  // The server closing an idle connection (restart, failover, a terminated backend) makes the
  // pool emit 'error'; without a listener that event kills the process. The pool has already
  // dropped the connection and the next query opens a new one. Prisma's adapter adds its own
  // listener only once Prisma connects, which a process serving hot reads may not have done.
  pool.on('error', () => {});
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const reads: HotReads = {
    async rows<Row>(statement: Prisma.Sql) {
      onQuery?.(statement.text);
      return (await pool.query(statement.text, statement.values)).rows as Row[];
    },
  };
  const options = {
    adapter,
    // 'minimal' skips the call-site capture Prisma does for every query to pretty-print
    // errors outside production; our errors never show Prisma's text to a user anyway.
    errorFormat: 'minimal',
    // An interactive transaction waits for a pooled connection as long as a query does
    // (Prisma's own default is 2 s, which failed transactions that a query would have run).
    transactionOptions: { maxWait: connectionTimeoutMs },
  } as const;
  if (!onQuery) {
    const client = new PrismaClient(options);
    hotReaders.set(client, reads);
    return client;
  }
  const client = new PrismaClient({ ...options, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => onQuery(event.query));
  hotReaders.set(client, reads);
  return client as unknown as Db;
}

/** One round trip to the database (`SELECT 1`): the readiness check. Rejects when unreachable. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
