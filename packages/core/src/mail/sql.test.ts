// Each statement of mail/sql.ts, run against the migrated schema. `addJob` needs
// graphile-worker's schema, which core's tests do not install: test/api/mail-outbox.test.ts runs
// it (a committed enqueue creates the `email:<id>` job; a rolled-back one none).
import type { Db } from '@lms/db';
import { createTestDatabase, type TestDatabase } from '@lms/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureEmailPreference, insertEmailMessage, jobQueueExists } from './sql';
import type { OutgoingEmail } from './templates';

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database?.drop();
});

describe('mail sql', () => {
  it('creates a preference row once', async () => {
    const user = await db.user.create({
      data: { email: 'sql-mail@example.test', name: 'Ada', passwordHash: 'x' },
    });
    expect(await ensureEmailPreference(db, user.id)).toBe(1);
    expect(await ensureEmailPreference(db, user.id)).toBe(0);
    expect(await db.emailPreference.count({ where: { userId: user.id } })).toBe(1);
  });

  it('inserts an outbox row once per dedupe key', async () => {
    const email: OutgoingEmail & { headers: Record<string, string> } = {
      template: 'password-reset',
      to: 'reader@example.test',
      userId: null,
      topic: null,
      subject: 'Reset',
      html: '<p>Reset</p>',
      text: 'Reset',
      attachments: [],
      dedupeKey: 'reset:1',
      headers: { 'X-Test': 'yes' },
    };
    const id = await insertEmailMessage(db, email);
    expect(id).toEqual(expect.any(String));
    expect(await insertEmailMessage(db, email)).toBeNull();
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id: id ?? '' } });
    expect(row).toMatchObject({ toAddress: 'reader@example.test', headers: { 'X-Test': 'yes' } });
  });

  it('sees that the job queue is not installed here', async () => {
    expect(await jobQueueExists(db)).toBe(false);
  });
});
