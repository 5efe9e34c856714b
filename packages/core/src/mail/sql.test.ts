import { createUser, useTestDatabase } from '@lms/db/testing';
import { describe, expect, it } from 'vitest';
import { ensureEmailPreference, insertEmailMessage, jobQueueExists, selectRecipient } from './sql';
import type { OutgoingEmail } from './templates';

const database = useTestDatabase();

describe('mail sql', () => {
  it('creates a preference row once', async () => {
    const user = await database.db.user.create({
      data: { email: 'sql-mail@example.test', name: 'Ada', passwordHash: 'x' },
    });
    expect(await ensureEmailPreference(database.db, user.id)).toBe(1);
    expect(await ensureEmailPreference(database.db, user.id)).toBe(0);
    expect(await database.db.emailPreference.count({ where: { userId: user.id } })).toBe(1);
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
    const id = await insertEmailMessage(database.db, email);
    expect(id).toEqual(expect.any(String));
    expect(await insertEmailMessage(database.db, email)).toBeNull();
    const row = await database.db.emailMessage.findUniqueOrThrow({ where: { id: id ?? '' } });
    expect(row).toMatchObject({ toAddress: 'reader@example.test', headers: { 'X-Test': 'yes' } });
  });

  it('reads a recipient by id (null for none)', async () => {
    const user = await createUser(database.db, { name: 'Rita Recipient' });
    expect(await selectRecipient(database.db, user.id)).toEqual({
      id: user.id,
      email: user.email,
      name: 'Rita Recipient',
    });
    expect(await selectRecipient(database.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('sees that the job queue is not installed here', async () => {
    expect(await jobQueueExists(database.db)).toBe(false);
  });
});
