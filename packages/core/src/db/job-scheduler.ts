/**
 * The port through which use cases ask for work later (the job worker's queue implements it:
 * `@lms/worker`). Unconfigured (unit tests, scripts), scheduling does nothing: every scheduled
 * job has a safety net (the periodic sweep, or the lazy path at the next visit), so a lost
 * schedule delays work but never loses or misdates it.
 */
export interface JobScheduler {
  /** Grade the attempt as of its deadline once `deadline` has passed. Idempotent per attempt. */
  gradeAttemptAt(attemptId: string, deadline: Date): Promise<void>;
}

const noScheduler: JobScheduler = { gradeAttemptAt: async () => {} };
let current: JobScheduler = noScheduler;

export function configureJobScheduler(scheduler: JobScheduler | null): void {
  current = scheduler ?? noScheduler;
}

export function jobScheduler(): JobScheduler {
  return current;
}
