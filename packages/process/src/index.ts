import { ConfigError } from '@lms/config';
import type { Logger } from 'pino';

/**
 * The life of a server process (the API, the job worker): start with a valid configuration or
 * say what is wrong, and stop on a signal by running its clean-ups in order, within a limit.
 */

/** Loads the configuration; a ConfigError ends the process with its list, not a stack trace. */
export function loadConfigOrExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** Something to stop at shutdown (close a server, a pool, a job runner). */
export type Cleanup = () => Promise<void>;

export interface ShutdownOptions {
  log: Logger;
  /**
   * Run in this order at shutdown; read when the shutdown starts, so the process may add to it
   * (or reorder it) while it starts. A failing clean-up is logged and the next one still runs.
   */
  cleanups: Cleanup[];
  /** What the process finishes before it stops, for the log ("finishing in-flight requests"). */
  finishing: string;
  /** Past this the process exits 1 anyway, so the supervisor sees the cut (default 30 s). */
  limitMs?: number;
}

/**
 * Stops the process on SIGTERM and SIGINT: the clean-ups in order, then exit. Returns the
 * shutdown for the process's own use (a failed start: `shutdown('startup-failure', 1)`).
 * Only the first call does anything.
 */
export function stopOnSignals({
  log,
  cleanups,
  finishing,
  limitMs = 30_000,
}: ShutdownOptions): (signal: string, exitCode?: number) => Promise<void> {
  let stopping = false;
  async function shutdown(signal: string, exitCode = 0) {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `shutting down: ${finishing}`);
    setTimeout(() => {
      log.error({ signal }, `shutdown did not finish within ${limitMs} ms; exiting`);
      process.exit(1);
    }, limitMs).unref();
    for (const cleanup of cleanups) {
      try {
        await cleanup();
      } catch (error) {
        log.error({ err: error }, 'error during shutdown');
      }
    }
    log.info('stopped');
    process.exit(exitCode);
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  return shutdown;
}
