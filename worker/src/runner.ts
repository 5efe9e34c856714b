import { DEV_MAIL_FROM, DEV_SMTP_URL } from '@lms/config';
import type { Db } from '@lms/db';
import { createSmtpTransport } from '@lms/mail';
import { Logger as GraphileLogger, type Runner, run } from 'graphile-worker';
import type { pino } from 'pino';
import { CRONTAB, createTaskList } from './tasks';

export interface JobRunner {
  /** Stops taking jobs and waits for the running ones (bounded by the caller's deadline). */
  stop(): Promise<void>;
}

/** graphile-worker's log lines go to the process's pino logger. */
function graphileLogger(log: pino.Logger) {
  return new GraphileLogger(() => (level, message, meta) => {
    // graphile-worker logs every job start and finish at info: keep those at debug.
    const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug';
    log[method]({ worker: meta }, message);
  });
}

/**
 * Runs the job queue (graphile-worker on the same PostgreSQL; jobs taken with SKIP LOCKED, so
 * any number of workers share it). Used by `pnpm worker` and in-process by the API under
 * `pnpm start`. Signals are the process's business: it calls stop().
 */
export async function startJobRunner(options: {
  databaseUrl: string;
  db: Db;
  log: pino.Logger;
  concurrency?: number;
  /** SMTP server and From header (SMTP_URL, MAIL_FROM); unset: the development catcher. */
  smtpUrl?: string;
  mailFrom?: string;
}): Promise<JobRunner> {
  const transport = createSmtpTransport({
    smtpUrl: options.smtpUrl ?? DEV_SMTP_URL,
    from: options.mailFrom ?? DEV_MAIL_FROM,
  });
  const runner: Runner = await run({
    connectionString: options.databaseUrl,
    concurrency: options.concurrency ?? 4,
    noHandleSignals: true,
    pollInterval: 2_000,
    taskList: createTaskList(options.db, options.log, transport),
    crontab: CRONTAB,
    logger: graphileLogger(options.log),
  });
  return {
    stop: async () => {
      await runner.stop();
      transport.close();
    },
  };
}
