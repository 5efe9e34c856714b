// `node --trace-gc-nvp --import tsx api/src/testing/context-churn.ts <count>`: builds `count`
// request contexts the way the GraphQL endpoint does (anonymous, so no database is reached),
// reads what resolvers read (the client's address and user agent, the catalog's loaders) and
// drops each one. V8 prints every scavenge's promoted bytes; context.test.ts adds them up.
import { DEFAULT_RATE_LIMITS } from '@lms/core';
import type { Db } from '@lms/db';
import { createContext } from '../context';
import { createLogger } from '../logger';
import { createPaymentsRuntime } from '../payments-runtime';

const count = Number(process.argv[2] ?? 20_000);
const db = {} as Db;
const log = createLogger('silent');
const payments = createPaymentsRuntime();
let touched = 0;
for (let index = 0; index < count; index++) {
  const context = await createContext({
    db,
    headers: { 'user-agent': `churn/${index}` },
    clientIp: () => `10.0.${index % 250}.${index % 200}`,
    requestId: `request-${index}`,
    log,
    payments,
    rateLimits: DEFAULT_RATE_LIMITS,
  });
  if (context.client.ip && context.client.userAgent) touched++;
  if (context.loaders.credits && context.loaders.syllabus && context.loaders.courseInstructors) {
    touched++;
  }
}
console.log(`contexts ${count} touched ${touched}`);
