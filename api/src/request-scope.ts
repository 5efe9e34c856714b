import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request values reachable where no context is passed (Apollo's formatError). */
const storage = new AsyncLocalStorage<{ requestId: string }>();

export const runInRequestScope = <T>(requestId: string, fn: () => T): T =>
  storage.run({ requestId }, fn);

export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;
