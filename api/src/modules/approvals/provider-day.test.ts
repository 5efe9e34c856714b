import { listApprovalDashboard, listPublishedCourses, type Viewer } from '@lms/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourse, startTestApi, type TestApi } from '../../test-support';

// createCourse's AAPC approval is valid 2026-01-01 to 2027-12-31. The provider's zone is the
// default, America/New_York (EST in December, UTC-5).
const LATE_ON_LAST_DAY = new Date('2028-01-01T04:30:00Z'); // 23:30 on 31 December 2027
const JUST_AFTER_MIDNIGHT = new Date('2028-01-01T05:05:00Z'); // 00:05 on 1 January 2028

let api: TestApi;
let owner: Viewer;
let title: string;

beforeAll(async () => {
  api = await startTestApi();
  title = `Provider Day ${Date.now()}`;
  const created = await createCourse(api.database.db, { title });
  owner = {
    id: created.owner.id,
    sessionId: 'test',
    name: created.owner.name,
    email: created.owner.email,
    role: 'INSTRUCTOR',
  };
}, 60_000);
afterAll(async () => {
  await api?.close();
});

describe('“today” is the provider’s calendar day', () => {
  it('the approvals dashboard lists an approval as expiring, not expired, at 23:30 local on its last day', async () => {
    const statuses = async (now: Date) => {
      const page = await listApprovalDashboard({
        db: api.database.db,
        viewer: owner,
        first: 20,
        now,
      });
      return page.edges.map((edge) => edge.node.status);
    };
    const expired = async (now: Date) =>
      (
        await listApprovalDashboard({
          db: api.database.db,
          viewer: owner,
          first: 20,
          status: 'EXPIRED',
          now,
        })
      ).edges.length;
    expect(await statuses(LATE_ON_LAST_DAY)).toEqual(['EXPIRING']);
    expect(await expired(LATE_ON_LAST_DAY)).toBe(0);
    expect(await statuses(JUST_AFTER_MIDNIGHT)).toEqual(['EXPIRED']);
    expect(await expired(JUST_AFTER_MIDNIGHT)).toBe(1);
  });

  it('the catalog’s credit filter still offers the credit at 23:30 local on its last day', async () => {
    const titles = async (now: Date) =>
      (
        await listPublishedCourses({
          db: api.database.db,
          first: 20,
          filter: { creditBody: 'AAPC' },
          search: title,
          now,
        })
      ).edges.map((edge) => edge.node.version.title);
    expect(await titles(LATE_ON_LAST_DAY)).toEqual([title]);
    expect(await titles(JUST_AFTER_MIDNIGHT)).toEqual([]);
  });
});
