// Prisma 7's client builds a "param graph" from the generated client at construction: for each
// input type, which fields may be sent as query parameters. Its reader kept each node's edges in
// an object keyed by field number, so V8 gave every node an elements array as long as its
// largest field number: ~13.5 MB of heap for this schema, in every API and worker process,
// forever. patches/@prisma__client@7.10.0.patch keeps the edges in Maps (ARCHITECTURE.md,
// "Prisma's param graph in Maps"). These tests keep the memory gain and prove that the patched
// graph still parameterises queries.
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, expect, it, vi } from 'vitest';
import { createPrismaClient } from './client';
import { useTestDatabase } from './testing';

const database = useTestDatabase();

afterEach(() => {
  vi.restoreAllMocks();
});

function collectGarbage() {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
}

it('a new client holds a few MB of heap, not the ~13.5 MB of the unpatched param graph', async () => {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const db = createPrismaClient({ databaseUrl: database.url });
  collectGarbage();
  const grown = (process.memoryUsage().heapUsed - before) / 1e6;
  try {
    // 2.6 MB with the patch (the runtime data model, the graph, the engine); 13.5 MB without.
    expect(grown).toBeLessThan(6);
  } finally {
    await db.$disconnect();
  }
});

it('queries of one shape with different values share one query plan (parameterised)', async () => {
  const db = createPrismaClient({ databaseUrl: database.url });
  const messages: string[] = [];
  // Prisma's debug log goes to console.warn when globalThis.DEBUG names its namespace.
  vi.spyOn(console, 'warn').mockImplementation((...parts: unknown[]) => {
    messages.push(parts.join(' '));
  });
  const debug = (globalThis as { DEBUG?: string }).DEBUG;
  (globalThis as { DEBUG?: string }).DEBUG = 'prisma:client:clientEngine';
  try {
    await db.user.findUnique({ where: { email: 'first@example.org' }, select: { id: true } });
    await db.user.findUnique({ where: { email: 'second@example.org' }, select: { id: true } });
  } finally {
    // Prisma's runtime reads it as a string on every debug call: never leave it undefined.
    (globalThis as { DEBUG?: string }).DEBUG = debug ?? '';
    await db.$disconnect();
  }
  const plans = messages.filter((message) => message.includes('query plan cache'));
  // Without the graph's edges the email would be inlined: a second miss, not a hit.
  expect(plans.map((message) => /query plan cache (hit|miss)/.exec(message)?.[1])).toEqual([
    'miss',
    'hit',
  ]);
});
