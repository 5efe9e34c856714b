import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourse, startTestApi, type TestApi } from '../../test-support';

const CATALOG = /* GraphQL */ `
  query Catalog($first: Int, $after: String) {
    courses(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id slug title price { amountCents currency } isFree
        instructor { name } credits { body ceuAmount } modules { title lessons { title } } } }
    }
  }
`;
const COURSE = /* GraphQL */ `
  query Course($slug: String!) { course(slug: $slug) { id title credits { body ceuAmount category } } }
`;

type CatalogData = {
  courses: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; slug: string; title: string } }[];
  };
};

let api: TestApi;
let draftSlug: string;
const publishedIds: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  const base = Date.parse('2026-06-01T00:00:00Z');
  for (let index = 0; index < 7; index++) {
    // Two courses share a timestamp to prove the id tie-break keeps pages stable.
    const publishedAt = new Date(base + Math.min(index, 5) * 60_000);
    const { course } = await createCourse(api.database.db, {
      title: `Published ${index}`,
      publishedAt,
    });
    publishedIds.push(course.id);
  }
  const draft = await createCourse(api.database.db, { title: 'Secret draft', status: 'DRAFT' });
  draftSlug = draft.course.slug;
});
afterAll(async () => {
  await api?.close();
});

describe('catalog', () => {
  it('lists published courses newest first with their parts', async () => {
    const result = await api.gql<CatalogData>(CATALOG, { first: 50 });
    expect(result.errors).toBeUndefined();
    const titles = result.data?.courses.edges.map((edge) => edge.node.title);
    expect(titles).toHaveLength(7);
    expect(titles?.[6]).toBe('Published 0');
    expect(result.data?.courses.totalCount).toBe(7);
    expect(result.data?.courses.pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: false,
    });
  });

  it('never shows a draft, in the list or by slug', async () => {
    const list = await api.gql<CatalogData>(CATALOG, { first: 50 });
    expect(list.data?.courses.edges.map((edge) => edge.node.title)).not.toContain('Secret draft');
    const direct = await api.gql<{ course: unknown }>(COURSE, { slug: draftSlug });
    expect(direct.errors).toBeUndefined();
    expect(direct.data?.course).toBeNull();
  });

  it('walks every page exactly once with first/after', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result: { data?: CatalogData | null } = await api.gql<CatalogData>(CATALOG, {
        first: 3,
        after,
      });
      const connection = result.data!.courses;
      seen.push(...connection.edges.map((edge) => edge.node.id));
      pages += 1;
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort()).toEqual([...publishedIds].sort());
  });

  it('answers an exactly-full last page with hasNextPage false and an empty page after it', async () => {
    const full = await api.gql<CatalogData>(CATALOG, { first: 7 });
    expect(full.data?.courses.pageInfo.hasNextPage).toBe(false);
    const after = await api.gql<CatalogData>(CATALOG, {
      first: 7,
      after: full.data?.courses.pageInfo.endCursor,
    });
    expect(after.data?.courses.edges).toEqual([]);
    expect(after.data?.courses.pageInfo).toMatchObject({ hasNextPage: false, endCursor: null });
  });

  it.each([0, -1, 51])('refuses first = %i with a clear message', async (first) => {
    const result = await api.gql(CATALOG, { first });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.fieldErrors?.first?.[0]).toMatch(/at (least 1|most 50)/);
  });

  it.each(['garbage', Buffer.from('["not a date","x"]').toString('base64url')])(
    'refuses a forged cursor %s',
    async (after) => {
      const result = await api.gql(CATALOG, { first: 2, after });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.fieldErrors?.after?.[0]).toMatch(/cursor/);
    },
  );

  it('shows credit without the approval number', async () => {
    const { course } = await createCourse(api.database.db, { title: 'Credit check' });
    const slug = (await api.database.db.course.findUniqueOrThrow({ where: { id: course.id } }))
      .slug;
    const result = await api.gql<{ course: { credits: unknown[] } }>(COURSE, { slug });
    expect(result.data?.course.credits).toEqual([
      { body: 'AAPC', ceuAmount: '1.50', category: 'core' },
    ]);
    expect(JSON.stringify(result)).not.toContain('AAPC-TEST');
  });
});
