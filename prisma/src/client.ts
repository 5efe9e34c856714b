import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

export type Db = PrismaClient;

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
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: poolMax,
    connectionTimeoutMillis: connectionTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeoutMs,
  });
  const options = {
    adapter,
    // 'minimal' skips the call-site capture Prisma does for every query to pretty-print
    // errors outside production; our errors never show Prisma's text to a user anyway.
    errorFormat: 'minimal',
    // An interactive transaction waits for a pooled connection as long as a query does
    // (Prisma's own default is 2 s, which failed transactions that a query would have run).
    transactionOptions: { maxWait: connectionTimeoutMs },
  } as const;
  if (!onQuery) return new PrismaClient(options);
  const client = new PrismaClient({ ...options, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => onQuery(event.query));
  return client as unknown as Db;
}
