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
}: CreatePrismaClientOptions): Db {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: poolMax,
    connectionTimeoutMillis: connectionTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeoutMs,
  });
  return new PrismaClient({ adapter });
}
