import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, registerActor } from '../../testing/actors';
import { createApprovalCourse, dayFromToday } from '../../testing/approval-courses';
import { type PaymentsTestApi, startPaymentsTestApi } from '../../testing/payments';

// Issue 9 defect 2: expired credit must be neither advertised nor sold.

const FILTERED = /* GraphQL */ `
  query($filter: CourseFilter) { courses(first: 50, filter: $filter) { edges { node { id } } } }
`;
const COURSE = /* GraphQL */ `
  query($slug: String!) { course(slug: $slug) { id creditNotices
    credits { body status available endsBeforeTypicalCompletion notice validUntil } } }
`;
const START = /* GraphQL */ `mutation($courseId: ID!) {
  startCheckout(courseId: $courseId) { orderId url creditNotices } }`;

type Credit = {
  body: string;
  status: string;
  available: boolean;
  endsBeforeTypicalCompletion: boolean;
  notice: string | null;
};

let api: PaymentsTestApi;
let instructor: Actor;

beforeAll(async () => {
  api = await startPaymentsTestApi();
  instructor = await registerActor(api, 'INSTRUCTOR', 'Dana Provider');
}, 60_000);
afterAll(async () => {
  await api?.close();
});

const make = (
  title: string,
  approvals: Parameters<typeof createApprovalCourse>[1]['approvals'],
  priceCents = 0,
) =>
  createApprovalCourse(api.database.db, { title, approvals, ownerId: instructor.id, priceCents });

async function courseCredits(slug: string) {
  const result = await api.gql<{ course: { creditNotices: string[]; credits: Credit[] } }>(COURSE, {
    slug,
  });
  expect(result.errors).toBeUndefined();
  return result.data!.course;
}

describe('expired credit in the catalog', () => {
  it('the credit filter leaves out a course whose only approval of that body expired', async () => {
    const expired = await make('Expired AHIMA credit', [
      { body: 'AHIMA', validUntil: dayFromToday(-1) },
    ]);
    const valid = await make('Valid AHIMA credit', [
      { body: 'AHIMA', validUntil: dayFromToday(200) },
    ]);
    const lastDay = await make('AHIMA credit ending today', [
      { body: 'AHIMA', validUntil: dayFromToday(0) },
    ]);
    const result = await api.gql<{ courses: { edges: { node: { id: string } }[] } }>(FILTERED, {
      filter: { creditBody: 'AHIMA' },
    });
    expect(result.errors).toBeUndefined();
    const ids = result.data!.courses.edges.map((edge) => edge.node.id);
    expect(ids).toContain(valid.course.id);
    expect(ids).toContain(lastDay.course.id);
    expect(ids).not.toContain(expired.course.id);
  });

  it('the course page labels each credit with its status', async () => {
    const { course } = await make('Mixed credit', [
      { body: 'AAPC', validUntil: dayFromToday(-10) },
      { body: 'AHIMA', validUntil: dayFromToday(30) },
      { body: 'PMI', validUntil: dayFromToday(300) },
      { body: 'IACET', validFrom: dayFromToday(5), validUntil: dayFromToday(300) },
    ]);
    const { credits } = await courseCredits(course.slug);
    const byBody = Object.fromEntries(credits.map((credit) => [credit.body, credit]));
    expect(byBody.AAPC).toMatchObject({ status: 'EXPIRED', available: false });
    expect(byBody.AAPC!.notice).toMatch(/not included: its approval expired/);
    expect(byBody.AHIMA).toMatchObject({ status: 'EXPIRING', available: true });
    expect(byBody.PMI).toMatchObject({ status: 'VALID', available: true, notice: null });
    expect(byBody.IACET).toMatchObject({ status: 'NOT_YET_VALID', available: true });
  });

  it('warns when the approval ends before a typical learner could finish (120 min → 14 days)', async () => {
    const short = await make('Short runway', [{ body: 'PMI', validUntil: dayFromToday(12) }]);
    const enough = await make('Long enough', [{ body: 'PMI', validUntil: dayFromToday(13) }]);
    const shortCourse = await courseCredits(short.course.slug);
    expect(shortCourse.credits[0]).toMatchObject({ endsBeforeTypicalCompletion: true });
    expect(shortCourse.creditNotices).toHaveLength(1);
    expect(shortCourse.creditNotices[0]).toMatch(/13 days left.*about 14 days/);
    const enoughCourse = await courseCredits(enough.course.slug);
    expect(enoughCourse.credits[0]).toMatchObject({ endsBeforeTypicalCompletion: false });
    expect(enoughCourse.creditNotices).toEqual([]);
  });
});

describe('expired credit at checkout', () => {
  it('still sells the course, labelled without the expired credit, and says so', async () => {
    const { course } = await make(
      'ICD-10-CM Refresher',
      [
        { body: 'AAPC', validUntil: dayFromToday(-3) },
        { body: 'AHIMA', validUntil: dayFromToday(5) },
      ],
      4900,
    );
    const buyer = await registerActor(api, 'STUDENT', 'Buyer One');
    const started = await api.gql<{
      startCheckout: { url: string; creditNotices: string[] };
    }>(START, { courseId: course.id }, { token: buyer.token });
    expect(started.errors).toBeUndefined();
    const { url, creditNotices } = started.data!.startCheckout;
    expect(creditNotices).toEqual([
      expect.stringMatching(/^AAPC credit is not included/),
      expect.stringMatching(/^AHIMA credit ends on .* \(6 days left\)/),
    ]);
    // The hosted page names what is sold: no AAPC credit.
    const page = await (await fetch(url)).text();
    expect(page).toContain('ICD-10-CM Refresher (without AAPC credit)');
  });

  it('sells a course with only valid credit under its plain title', async () => {
    const { course } = await make(
      'Plain title',
      [{ body: 'PMI', validUntil: dayFromToday(400) }],
      1500,
    );
    const buyer = await registerActor(api, 'STUDENT', 'Buyer Two');
    const started = await api.gql<{ startCheckout: { url: string; creditNotices: string[] } }>(
      START,
      { courseId: course.id },
      { token: buyer.token },
    );
    expect(started.errors).toBeUndefined();
    expect(started.data!.startCheckout.creditNotices).toEqual([]);
    const page = await (await fetch(started.data!.startCheckout.url)).text();
    expect(page).toContain('Plain title');
    expect(page).not.toContain('without');
  });
});
