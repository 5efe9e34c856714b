// Each statement of jobs/sql.ts, run against the migrated schema.
import type { Db } from '@lms/db';
import { createTestDatabase, type TestDatabase } from '@lms/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimEmailMessage,
  failEmailMessage,
  markEmailMessageSent,
  releaseEmailMessage,
  selectDueEmailMessageIds,
} from './sql';

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database?.drop();
});

const message = (to: string) => ({
  toAddress: to,
  subject: 'Hello',
  html: '<p>Hello</p>',
  text: 'Hello',
  template: 'password-reset',
});

describe('jobs sql: the outbox delivery statements', () => {
  it('claims once, releases for a retry, marks sent or failed', async () => {
    const row = await db.emailMessage.create({ data: message('one@example.test') });
    const other = await db.emailMessage.create({ data: message('two@example.test') });
    expect((await selectDueEmailMessageIds(db, 10)).map((due) => due.id).sort()).toEqual(
      [row.id, other.id].sort(),
    );
    expect(await selectDueEmailMessageIds(db, 1)).toHaveLength(1);

    const [claimed] = await claimEmailMessage(db, row.id, 60);
    expect(claimed).toMatchObject({
      id: row.id,
      toAddress: 'one@example.test',
      headers: {},
      attachments: [],
      userId: null,
      attempts: 1,
    });
    // Held by this worker: nobody else claims it, and it is not due.
    expect(await claimEmailMessage(db, row.id, 60)).toEqual([]);
    expect((await selectDueEmailMessageIds(db, 10)).map((due) => due.id)).toEqual([other.id]);

    expect(
      await releaseEmailMessage(db, row.id, {
        status: 'PENDING',
        lastError: 'SMTP down',
        retryDelaySeconds: 3600,
      }),
    ).toBe(1);
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'PENDING',
      lastError: 'SMTP down',
      lockedUntil: null,
    });
    // Not SENDING any more: a second release changes nothing.
    expect(
      await releaseEmailMessage(db, row.id, {
        status: 'FAILED',
        lastError: 'x',
        retryDelaySeconds: 1,
      }),
    ).toBe(0);

    expect(await markEmailMessageSent(db, row.id)).toBe(1);
    expect(await failEmailMessage(db, other.id, 'attachment: gone')).toBe(1);
    const rows = await db.emailMessage.findMany({ orderBy: { toAddress: 'asc' } });
    expect(rows.map((r) => [r.status, r.lastError, r.sentAt !== null])).toEqual([
      ['SENT', null, true],
      ['FAILED', 'attachment: gone', false],
    ]);
    expect(await selectDueEmailMessageIds(db, 10)).toEqual([]);
  });
});
