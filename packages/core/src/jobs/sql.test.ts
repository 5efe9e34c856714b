import { useTestDatabase } from '@lms/db/testing';
import { describe, expect, it } from 'vitest';
import {
  claimEmailMessage,
  failEmailMessage,
  markEmailMessageSent,
  releaseEmailMessage,
  selectDueEmailMessageIds,
} from './sql';

const database = useTestDatabase();

const message = (to: string) => ({
  toAddress: to,
  subject: 'Hello',
  html: '<p>Hello</p>',
  text: 'Hello',
  template: 'password-reset',
});

describe('jobs sql: the outbox delivery statements', () => {
  it('claims once, releases for a retry, marks sent or failed', async () => {
    const row = await database.db.emailMessage.create({ data: message('one@example.test') });
    const other = await database.db.emailMessage.create({ data: message('two@example.test') });
    expect((await selectDueEmailMessageIds(database.db, 10)).map((due) => due.id).sort()).toEqual(
      [row.id, other.id].sort(),
    );
    expect(await selectDueEmailMessageIds(database.db, 1)).toHaveLength(1);

    const [claimed] = await claimEmailMessage(database.db, row.id, 60);
    expect(claimed).toMatchObject({
      id: row.id,
      toAddress: 'one@example.test',
      headers: {},
      attachments: [],
      userId: null,
      attempts: 1,
    });
    // Held by this worker: nobody else claims it, and it is not due.
    expect(await claimEmailMessage(database.db, row.id, 60)).toEqual([]);
    expect((await selectDueEmailMessageIds(database.db, 10)).map((due) => due.id)).toEqual([
      other.id,
    ]);

    expect(
      await releaseEmailMessage(database.db, row.id, {
        status: 'PENDING',
        lastError: 'SMTP down',
        retryDelaySeconds: 3600,
      }),
    ).toBe(1);
    expect(
      await database.db.emailMessage.findUniqueOrThrow({ where: { id: row.id } }),
    ).toMatchObject({
      status: 'PENDING',
      lastError: 'SMTP down',
      lockedUntil: null,
    });
    // Not SENDING any more: a second release changes nothing.
    expect(
      await releaseEmailMessage(database.db, row.id, {
        status: 'FAILED',
        lastError: 'x',
        retryDelaySeconds: 1,
      }),
    ).toBe(0);

    expect(await markEmailMessageSent(database.db, row.id)).toBe(1);
    expect(await failEmailMessage(database.db, other.id, 'attachment: gone')).toBe(1);
    const rows = await database.db.emailMessage.findMany({ orderBy: { toAddress: 'asc' } });
    expect(rows.map((r) => [r.status, r.lastError, r.sentAt !== null])).toEqual([
      ['SENT', null, true],
      ['FAILED', 'attachment: gone', false],
    ]);
    expect(await selectDueEmailMessageIds(database.db, 10)).toEqual([]);
  });
});
