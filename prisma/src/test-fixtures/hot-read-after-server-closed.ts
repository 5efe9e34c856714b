// Child process for client.test.ts: a hot read opens a pooled connection (Prisma itself has not
// connected yet), the test closes it from the server side, then a second hot read must work.
// An unhandled pool 'error' event would crash this process instead.
import { setTimeout as sleep } from 'node:timers/promises';
import { createPrismaClient, hotReads, Prisma } from '../index';

const db = createPrismaClient({ databaseUrl: process.argv[2] as string, poolMax: 1 });
const [first] = await hotReads(db).rows<{ pid: number }>(
  Prisma.sql`SELECT pg_backend_pid() AS pid`,
);
process.stdout.write(`pid ${first?.pid}\n`);
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
await sleep(100);
const [second] = await hotReads(db).rows<{ one: number }>(Prisma.sql`SELECT 1 AS one`);
process.stdout.write(`read ${second?.one}\n`);
await db.$disconnect();
