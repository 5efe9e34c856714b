export { loadWorkerConfig, type WorkerConfig } from './config';
export { type JobRunner, startJobRunner } from './runner';
export { createQueueScheduler, type QueueScheduler } from './scheduler';
export { CRONTAB, TASKS } from './tasks';
