import { useTestDatabase } from '@lms/db/testing';
import { describe, expect, it } from 'vitest';
import { hasLiveSessionFrom, selectSessionByTokenHash, touchSessionLastSeen } from './sql';

const database = useTestDatabase();

describe('auth sql', () => {
  it('reads a session by token hash, moves last-seen forward, knows its address', async () => {
    const user = await database.db.user.create({
      data: { email: 'sql-auth@example.test', name: 'Ada Sql', passwordHash: 'x', role: 'STUDENT' },
    });
    const expiresAt = new Date(Date.now() + 3_600_000);
    const lastSeenAt = new Date('2026-01-01T00:00:00Z');
    const session = await database.db.session.create({
      data: { tokenHash: 'hash-1', userId: user.id, expiresAt, lastSeenAt, ip: '203.0.113.7' },
    });

    expect(await selectSessionByTokenHash(database.db, 'hash-unknown')).toEqual([]);
    expect(await selectSessionByTokenHash(database.db, 'hash-1')).toEqual([
      {
        sessionId: session.id,
        expiresAt,
        lastSeenAt,
        id: user.id,
        name: 'Ada Sql',
        email: 'sql-auth@example.test',
        role: 'STUDENT',
        timeZone: null,
      },
    ]);

    const now = new Date('2026-02-01T00:00:00Z');
    expect(await touchSessionLastSeen(database.db, session.id, now)).toBe(1);
    expect(await touchSessionLastSeen(database.db, session.id, lastSeenAt)).toBe(0);
    expect(
      (await database.db.session.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt,
    ).toEqual(now);

    expect(await hasLiveSessionFrom(database.db, 'sql-auth@example.test', '203.0.113.7')).toBe(
      true,
    );
    expect(await hasLiveSessionFrom(database.db, 'sql-auth@example.test', '198.51.100.1')).toBe(
      false,
    );
  });
});
