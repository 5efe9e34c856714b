import { randomUUID } from 'node:crypto';

/** A short value unique within a run and across runs: for slugs, emails and approval numbers. */
export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}
