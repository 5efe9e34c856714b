import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { Prisma, PrismaClient } from './generated/client';

export type Db = PrismaClient;

/**
 * Hot reads straight through `pg` on the client's own pool, without Prisma's query runtime
 * (ARCHITECTURE.md, "Hot reads"). Statements are built with `Prisma.sql` (parameterised, never
 * concatenated). Rows are pg's: only select types that pg and Prisma read alike (text, int4,
 * bool, uuid, timestamptz, json); cast numeric, bigint, date and enums to text.
 */
export interface HotReads {
  rows<Row>(statement: Prisma.Sql, options?: HotReadOptions): Promise<Row[]>;
}

export interface HotReadOptions {
  /**
   * Run as a named prepared statement: PostgreSQL parses and plans its text once per connection
   * (then reuses a generic plan) instead of on every call. For a statement of fixed text run on
   * every request whose plan does not depend on its values (key look-ups); ARCHITECTURE.md,
   * "Prepared hot statements".
   */
  prepare?: boolean;
}

/** At most this many texts get a prepared statement (each is kept on every pooled connection). */
const MAX_PREPARED = 100;
const preparedNames = new Map<string, string>();
const markedPrepared = new WeakSet<Prisma.Sql>();

/**
 * Marks a statement to be run as a named prepared statement wherever it goes through `pg`: in a
 * `hotWrites` transaction (`$queryRaw(prepared(statement))`) or as a hot read (as `{ prepare:
 * true }`). The same rule as HotReadOptions.prepare: a statement of fixed text whose plan is a
 * key look-up whatever the values. Prisma's own `$queryRaw` ignores the mark; a client made with
 * `preparedStatements: false` runs it unnamed. Answers the statement itself.
 */
export function prepared(statement: Prisma.Sql): Prisma.Sql {
  markedPrepared.add(statement);
  return statement;
}

/** The statement's name when it is to be prepared (one name per text), else undefined. */
function preparedName(statement: Prisma.Sql, options?: HotReadOptions): string | undefined {
  if (!options?.prepare && !markedPrepared.has(statement)) return undefined;
  const text = statement.text;
  let name = preparedNames.get(text);
  if (name === undefined && preparedNames.size < MAX_PREPARED) {
    name = `lms_hot_${preparedNames.size + 1}`;
    preparedNames.set(text, name);
  }
  return name;
}

const hotReaders = new WeakMap<object, HotReads>();

/** The hot-read path of a client from `createPrismaClient` (Prisma's own for any other). */
export function hotReads(db: Db): HotReads {
  return (
    hotReaders.get(db) ?? {
      // Inside a transaction (a `hotWrites` one runs the marked statement prepared).
      rows: <Row>(statement: Prisma.Sql, options?: HotReadOptions) =>
        db.$queryRaw<Row[]>(options?.prepare ? prepared(statement) : statement),
    }
  );
}

/**
 * The raw-SQL surface of a client: `$queryRaw` and `$executeRaw`, as a tagged template or with a
 * `Prisma.sql` statement. A Prisma client, a Prisma transaction client and a `hotWrites`
 * transaction all have it; SQL functions that need nothing more take this type, so the same
 * function runs in either kind of transaction.
 */
export interface SqlTx {
  $queryRaw<T = unknown>(
    query: TemplateStringsArray | Prisma.Sql,
    ...values: unknown[]
  ): Promise<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
}

/**
 * Hot writes: a transaction of hand-written SQL on one `pg` connection of the client's own pool,
 * without Prisma's interactive transaction (ARCHITECTURE.md, "Hot writes"). BEGIN; `work`;
 * COMMIT, or ROLLBACK when `work` throws (the error is rethrown). Only for a write path that runs
 * on every request of a hot endpoint and is all `Prisma.sql` statements; rows follow the same
 * type rule as `HotReads`. `tx` must not be used after `work` settles.
 */
export interface HotWrites {
  transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T>;
}

const hotWriters = new WeakMap<object, HotWrites>();

/** The hot-write path of a client from `createPrismaClient` (Prisma's `$transaction` otherwise). */
export function hotWrites(db: Db): HotWrites {
  return (
    hotWriters.get(db) ?? {
      transaction: <T>(work: (tx: SqlTx) => Promise<T>) => db.$transaction((tx) => work(tx)),
    }
  );
}

const poolSizes = new WeakMap<object, number>();

/**
 * How many connections the pool of a client from `createPrismaClient` holds at most
 * (`poolMax`); null for any other client. A use case that admits work per connection sizes its
 * gate with it.
 */
export function poolSize(db: Db): number | null {
  return poolSizes.get(db) ?? null;
}

/** A tagged-template call or a `Prisma.sql` statement as one parameterised statement. */
function statementOf(query: TemplateStringsArray | Prisma.Sql, values: unknown[]): Prisma.Sql {
  if (query instanceof Prisma.Sql) return query;
  return Prisma.sql(query, ...(values as Prisma.Sql[]));
}

function poolWrites(
  pool: pg.Pool,
  preparedStatements: boolean,
  onQuery?: (sql: string) => void,
): HotWrites {
  return {
    async transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let open = true;
      const run = async (statement: Prisma.Sql) => {
        if (!open) throw new Error('A hot-write transaction was used after it ended.');
        onQuery?.(statement.text);
        const name = preparedStatements ? preparedName(statement) : undefined;
        return name
          ? client.query({ name, text: statement.text, values: statement.values })
          : client.query(statement.text, statement.values);
      };
      const tx: SqlTx = {
        async $queryRaw<Row>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
          return (await run(statementOf(query, values))).rows as Row;
        },
        async $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
          return (await run(statementOf(query, values))).rowCount ?? 0;
        },
      };
      // A connection whose ROLLBACK failed is broken: release(error) closes it, never reuses it.
      let broken: Error | undefined;
      try {
        onQuery?.('BEGIN');
        await client.query('BEGIN');
        const result = await work(tx);
        onQuery?.('COMMIT');
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken =
            rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      } finally {
        open = false;
        client.release(broken);
      }
    },
  };
}

export interface CreatePrismaClientOptions {
  databaseUrl: string;
  /** Pool size per process. Default 10. */
  poolMax?: number;
  /**
   * Connections the pool keeps open however long they stay idle (at most `poolMax`). Default 0:
   * every idle connection closes after `idleTimeoutMs`. The API keeps all of them
   * (DATABASE_POOL_MIN, default DATABASE_POOL_MAX): a burst after a quiet spell would otherwise
   * wait for new connections (ARCHITECTURE.md, "Open-loop stalls of the cold catalog").
   */
  poolMin?: number;
  /** How long a connection above `poolMin` may stay idle before it is closed. Default 30 s. */
  idleTimeoutMs?: number;
  /** Server-side limit for any single statement. Default 15 s. */
  statementTimeoutMs?: number;
  /** How long a query may wait for a free pooled connection. Default 5 s. */
  connectionTimeoutMs?: number;
  /** Called with the text of every SQL statement (tests count them; see the N+1 test). */
  onQuery?: (sql: string) => void;
  /**
   * Whether hot reads asked to be prepared, and `prepared` statements in hot writes, run as named
   * prepared statements. Default true; false
   * behind a transaction-mode pooler that cannot keep them (DATABASE_PREPARED_STATEMENTS=off).
   */
  preparedStatements?: boolean;
}

/**
 * The one place that creates a database client. Without `connectionTimeoutMillis` the pg pool
 * waits forever for a free connection, so overload would hang instead of failing fast.
 */
export function createPrismaClient({
  databaseUrl,
  poolMax = 10,
  poolMin = 0,
  idleTimeoutMs = 30_000,
  statementTimeoutMs = 15_000,
  connectionTimeoutMs = 5_000,
  onQuery,
  preparedStatements = true,
}: CreatePrismaClientOptions): Db {
  // One pool per client, shared by Prisma (through the adapter, which ends it on
  // $disconnect) and the hot reads; idle connections never keep a process alive.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolMax,
    min: Math.min(poolMin, poolMax),
    connectionTimeoutMillis: connectionTimeoutMs,
    idleTimeoutMillis: idleTimeoutMs,
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
    async rows<Row>(statement: Prisma.Sql, options?: HotReadOptions) {
      onQuery?.(statement.text);
      const name = preparedStatements ? preparedName(statement, options) : undefined;
      const result = name
        ? await pool.query({ name, text: statement.text, values: statement.values })
        : await pool.query(statement.text, statement.values);
      return result.rows as Row[];
    },
  };
  const writes = poolWrites(pool, preparedStatements, onQuery);
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
    hotWriters.set(client, writes);
    poolSizes.set(client, poolMax);
    return client;
  }
  const client = new PrismaClient({ ...options, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => onQuery(event.query));
  hotReaders.set(client, reads);
  hotWriters.set(client, writes);
  poolSizes.set(client, poolMax);
  return client as unknown as Db;
}

/** One round trip to the database (`SELECT 1`): the readiness check. Rejects when unreachable. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
