import { useTestDatabase } from '@lms/db/testing';
import { describe, expect, it } from 'vitest';
import { jobQueueTableExists } from './sql';

const database = useTestDatabase();

describe('admin sql', () => {
  it('sees that no worker created the job queue here', async () => {
    expect(await jobQueueTableExists(database.db)).toBe(false);
  });
});
