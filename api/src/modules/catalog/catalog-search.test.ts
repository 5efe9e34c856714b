import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CatalogCourseOptions,
  createCatalogCourse,
  createInstructor,
  startTestApi,
  type TestApi,
} from '../../test-support';

const SEARCH = /* GraphQL */ `
  query Search($first: Int, $after: String, $search: String, $filter: CourseFilter, $sort: CourseSort) {
    courses(first: $first, after: $after, search: $search, filter: $filter, sort: $sort) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id title publishedAt kind level price { amountCents } credits { body } } }
    }
  }
`;

type Node = {
  id: string;
  title: string;
  publishedAt: string;
  kind: string;
  level: string;
  price: { amountCents: number };
  credits: { body: string }[];
};
type SearchData = {
  courses: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: Node }[];
  };
};
type Variables = {
  search?: string | null;
  filter?: Record<string, string | null>;
  sort?: string;
  first?: number;
  after?: string | null;
};

let api: TestApi;
const ids = new Map<string, string>();
const published: (CatalogCourseOptions & { key: string; id: string; publishedAt: Date })[] = [];

const day = (n: number) => new Date(Date.UTC(2026, 5, n, 12));

// The published catalog. Three courses mention "sepsis": in the title (oldest), in the
// summary, and only in a lesson body (newest), so relevance must beat recency.
const CATALOG: (CatalogCourseOptions & { key: string })[] = [
  {
    key: 'sepsisTitle',
    title: 'Sepsis coding essentials',
    summary: 'Sequencing rules for infections.',
    kind: 'CE',
    level: 'INTERMEDIATE',
    priceCents: 4900,
    creditBodies: ['AAPC'],
    publishedAt: day(1),
  },
  {
    key: 'sepsisSummary',
    title: 'Infectious disease chapter',
    summary: 'Covers sepsis and SIRS sequencing.',
    kind: 'CE',
    level: 'ADVANCED',
    priceCents: 0,
    creditBodies: ['AHIMA'],
    publishedAt: day(2),
  },
  {
    key: 'sepsisSyllabus',
    title: 'Workshop on chapter reviews',
    summary: 'A guided review.',
    syllabus: [
      {
        title: 'Body systems',
        lessons: [{ title: 'Organ failure', body: 'When sepsis leads to organ dysfunction.' }],
      },
    ],
    kind: 'EXAM_PREP',
    level: 'BEGINNER',
    priceCents: 2900,
    publishedAt: day(3),
  },
  {
    key: 'diabetes',
    title: 'Diabetes mellitus coding',
    summary: 'Combination codes for diabetes with complications.',
    kind: 'CE',
    level: 'BEGINNER',
    priceCents: 0,
    creditBodies: ['AAPC', 'AHIMA'],
    publishedAt: day(4),
  },
  {
    key: 'injury',
    title: 'How to code injuries',
    summary: 'External cause reporting.',
    kind: 'CE',
    level: 'INTERMEDIATE',
    priceCents: 1900,
    creditBodies: ['PMI'],
    publishedAt: day(4), // same instant as diabetes: the id breaks the tie
  },
  {
    key: 'cpcPrep',
    title: 'Mock exam bootcamp',
    summary: 'Timed mock exams with explanations.',
    kind: 'EXAM_PREP',
    level: 'ADVANCED',
    priceCents: 19900,
    publishedAt: day(4),
  },
  {
    key: 'anatomy',
    title: 'anatomy for coders',
    summary: 'Body systems, organ by organ.',
    kind: 'EXAM_PREP',
    level: 'BEGINNER',
    priceCents: 1900,
    publishedAt: day(5),
  },
  {
    key: 'basicsUpper',
    title: 'Coding basics',
    summary: 'Where every coder starts.',
    kind: 'CE',
    level: 'BEGINNER',
    priceCents: 0,
    publishedAt: day(6),
  },
  {
    key: 'basicsLower',
    title: 'coding basics',
    summary: 'The same title in lower case: a tie for the title sort.',
    kind: 'CE',
    level: 'BEGINNER',
    priceCents: 0,
    publishedAt: day(6),
  },
  {
    key: 'zebra',
    title: 'Zebras: rare conditions',
    summary: 'When you hear hoofbeats.',
    kind: 'CE',
    level: 'ADVANCED',
    priceCents: 1900,
    publishedAt: day(7),
  },
];

beforeAll(async () => {
  api = await startTestApi();
  for (const { key, ...options } of CATALOG) {
    const { course } = await createCatalogCourse(api.database.db, options);
    ids.set(key, course.id);
    published.push({ ...options, key, id: course.id, publishedAt: options.publishedAt! });
  }
  // Never in the catalog, although they match every search below.
  for (const status of ['DRAFT', 'UNPUBLISHED', 'ARCHIVED'] as const) {
    await createCatalogCourse(api.database.db, {
      title: `Sepsis diabetes coding ${status.toLowerCase()} course`,
      summary: 'Sepsis, diabetes, injuries, code, coding, anatomy.',
      status,
      priceCents: 0,
      creditBodies: ['AAPC'],
      publishedAt: day(30),
    });
  }
});
afterAll(async () => {
  await api?.close();
});

async function search(variables: Variables) {
  const result = await api.gql<SearchData>(SEARCH, { first: 50, ...variables });
  expect(result.errors).toBeUndefined();
  return result.data!.courses;
}

const keysOf = (connection: SearchData['courses']) =>
  connection.edges.map((edge) => [...ids].find(([, id]) => id === edge.node.id)?.[0]);

async function walk(variables: Variables, first: number) {
  const seen: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const connection: SearchData['courses'] = await search({ ...variables, first, after });
    expect(connection.edges.length).toBeLessThanOrEqual(first);
    expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
    seen.push(...connection.edges.map((edge) => edge.node.id));
    if (!connection.pageInfo.hasNextPage) return seen;
    after = connection.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

function errorOf(result: Awaited<ReturnType<TestApi['gql']>>) {
  return result.errors?.[0];
}

describe('full-text search', () => {
  it('ranks a title match above a summary match above a syllabus-only match', async () => {
    const connection = await search({ search: 'sepsis' });
    expect(keysOf(connection)).toEqual(['sepsisTitle', 'sepsisSummary', 'sepsisSyllabus']);
    expect(connection.totalCount).toBe(3);
  });

  it('stems English words: "coding" finds "code", "diabetic" finds "Diabetes"', async () => {
    expect(keysOf(await search({ search: 'coding' }))).toContain('injury');
    expect(keysOf(await search({ search: 'diabetic' }))).toEqual(['diabetes']);
  });

  it('understands web-search syntax: quoted phrases, OR and -exclusion', async () => {
    expect(keysOf(await search({ search: 'sepsis -organ' }))).toEqual([
      'sepsisTitle',
      'sepsisSummary',
    ]);
    expect(new Set(keysOf(await search({ search: 'zebras or diabetes' })))).toEqual(
      new Set(['zebra', 'diabetes']),
    );
    expect(keysOf(await search({ search: '"mellitus coding"' }))).toEqual(['diabetes']);
    expect(keysOf(await search({ search: '"coding mellitus"' }))).toEqual([]);
  });

  it('never shows drafts, unpublished or archived courses, however well they match', async () => {
    for (const term of ['sepsis', 'diabetes coding', 'draft', 'unpublished', 'archived']) {
      const connection = await search({ search: term });
      expect(connection.edges.map((edge) => edge.node.title).join('|')).not.toMatch(
        /draft|unpublished|archived/,
      );
    }
    expect((await search({})).totalCount).toBe(CATALOG.length);
  });

  it('treats a blank search as no search (newest first)', async () => {
    const connection = await search({ search: '   \t ' });
    expect(connection.totalCount).toBe(CATALOG.length);
    expect(keysOf(connection)[0]).toBe('zebra');
  });

  it('trims the search and allows 200 characters, refusing more (naming `search`)', async () => {
    const longest = `${'sepsis '.repeat(28)}or x`;
    expect(longest).toHaveLength(200);
    expect((await search({ search: `  ${longest}  ` })).totalCount).toBe(3);
    const result = await api.gql(SEARCH, { search: 'x'.repeat(201) });
    expect(errorOf(result)?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(result)?.extensions?.fieldErrors?.search?.[0]).toMatch(/at most 200/);
  });

  it.each([
    `'; DROP TABLE "Course"; --`,
    `sepsis' OR '1'='1`,
    '"unterminated quote',
    '&|!:*()',
    'sepsis & (',
    'sepsis:*',
    '!!!',
    '<->',
    '\\',
    "'",
    '"',
    '-',
    'or',
    'the and of',
    'sépsis',
    'ｓｅｐｓｉｓ',
    '🩺 sepsis',
    '敗血症',
    '\u0007sepsis\u001b',
    '\ud800 sepsis',
    '%_%',
    '$1 $2 ::text',
  ])('answers odd input %j safely, without an error', async (term) => {
    const connection = await search({ search: term });
    expect(connection.totalCount).toBeGreaterThanOrEqual(0);
    expect(connection.totalCount).toBeLessThanOrEqual(CATALOG.length);
    expect(await api.database.db.course.count()).toBe(CATALOG.length + 3);
  });

  it('still finds the word next to odd punctuation and control characters', async () => {
    expect((await search({ search: '\u0007sepsis\u001b' })).totalCount).toBe(3);
    // NUL is refused at the GraphQL edge for every variable (api/src/input-guard.ts).
    const nul = await api.gql(SEARCH, { first: 5, search: '\u0000sepsis' });
    expect(nul.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await search({ search: 'sepsis & (' })).totalCount).toBe(3);
    // Quotes are just words: "sepsis OR 1 = 1" finds the sepsis courses, nothing more.
    expect((await search({ search: `sepsis' OR '1'='1` })).totalCount).toBe(3);
  });
});

describe('filters', () => {
  const expectKeys = (
    filter: Record<string, string>,
    predicate: (c: (typeof published)[number]) => boolean,
  ) =>
    it(`filters by ${JSON.stringify(filter)}`, async () => {
      const connection = await search({ filter });
      const expected = published.filter(predicate).map((course) => course.key);
      expect(new Set(keysOf(connection))).toEqual(new Set(expected));
      expect(connection.totalCount).toBe(expected.length);
      expect(expected.length).toBeGreaterThan(0);
    });

  expectKeys({ kind: 'EXAM_PREP' }, (c) => c.kind === 'EXAM_PREP');
  expectKeys({ kind: 'CE' }, (c) => c.kind === 'CE');
  expectKeys({ price: 'FREE' }, (c) => c.priceCents === 0);
  expectKeys({ price: 'PAID' }, (c) => (c.priceCents ?? 0) > 0);
  expectKeys({ creditBody: 'AHIMA' }, (c) => c.creditBodies?.includes('AHIMA') ?? false);
  expectKeys({ creditBody: 'PMI' }, (c) => c.creditBodies?.includes('PMI') ?? false);
  expectKeys({ level: 'ADVANCED' }, (c) => c.level === 'ADVANCED');
  expectKeys(
    { kind: 'CE', price: 'FREE', creditBody: 'AAPC' },
    (c) => c.kind === 'CE' && c.priceCents === 0 && (c.creditBodies?.includes('AAPC') ?? false),
  );
  expectKeys(
    { kind: 'EXAM_PREP', level: 'BEGINNER', price: 'PAID' },
    (c) => c.kind === 'EXAM_PREP' && c.level === 'BEGINNER' && (c.priceCents ?? 0) > 0,
  );

  it('combines a search with filters, ranked', async () => {
    const connection = await search({ search: 'sepsis', filter: { kind: 'CE' } });
    expect(keysOf(connection)).toEqual(['sepsisTitle', 'sepsisSummary']);
    const free = await search({ search: 'sepsis', filter: { price: 'FREE', creditBody: 'AHIMA' } });
    expect(keysOf(free)).toEqual(['sepsisSummary']);
  });

  it('answers an empty result with totalCount 0', async () => {
    const connection = await search({ filter: { creditBody: 'IACET' } });
    expect(connection).toMatchObject({ totalCount: 0, edges: [] });
    expect(connection.pageInfo).toMatchObject({ hasNextPage: false, endCursor: null });
  });

  it.each([
    ['an unknown sort literal', `{ courses(sort: CHEAPEST) { totalCount } }`, {}],
    ['an unknown filter literal', `{ courses(filter: { kind: WEBINAR }) { totalCount } }`, {}],
    ['an unknown sort variable', SEARCH, { sort: 'CHEAPEST' }],
    ['an unknown filter variable', SEARCH, { filter: { price: 'CHEAP' } }],
    ['a lower-case enum variable', SEARCH, { sort: 'newest' }],
  ])('refuses %s before running anything', async (_name, query, variables) => {
    const result = await api.gql(query, variables);
    expect(result.status).toBe(400);
    expect(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']).toContain(
      errorOf(result)?.extensions?.code,
    );
  });
});

describe('sorting and pagination', () => {
  const byNewest = (a: (typeof published)[number], b: (typeof published)[number]) =>
    b.publishedAt.getTime() - a.publishedAt.getTime() || (a.id < b.id ? 1 : -1);

  it('sorts newest first by default, ties broken by id', async () => {
    const expected = [...published].sort(byNewest).map((c) => c.key);
    expect(keysOf(await search({}))).toEqual(expected);
    expect(keysOf(await search({ sort: 'NEWEST' }))).toEqual(expected);
  });

  it('sorts by relevance by default when searching', async () => {
    const ranked = keysOf(await search({ search: 'sepsis' }));
    expect(keysOf(await search({ search: 'sepsis', sort: 'RELEVANCE' }))).toEqual(ranked);
    expect(keysOf(await search({ search: 'sepsis', sort: 'NEWEST' }))).toEqual([
      'sepsisSyllabus',
      'sepsisSummary',
      'sepsisTitle',
    ]);
  });

  it('sorts by title A→Z ignoring case, equal titles by id', async () => {
    const expected = [...published]
      .sort(
        (a, b) =>
          a.title.toLowerCase().localeCompare(b.title.toLowerCase(), 'en') ||
          (a.id < b.id ? -1 : 1),
      )
      .map((c) => c.key);
    const actual = keysOf(await search({ sort: 'TITLE' }));
    expect(actual).toEqual(expected);
    expect(actual[0]).toBe('anatomy'); // lower-case "anatomy" is not sorted after "Zebras"
  });

  it('sorts by price both ways, equal prices newest first', async () => {
    const low = [...published]
      .sort((a, b) => (a.priceCents ?? 0) - (b.priceCents ?? 0) || byNewest(a, b))
      .map((c) => c.key);
    const high = [...published]
      .sort((a, b) => (b.priceCents ?? 0) - (a.priceCents ?? 0) || byNewest(a, b))
      .map((c) => c.key);
    expect(keysOf(await search({ sort: 'PRICE_LOW_TO_HIGH' }))).toEqual(low);
    expect(keysOf(await search({ sort: 'PRICE_HIGH_TO_LOW' }))).toEqual(high);
  });

  it('refuses RELEVANCE without a search, naming `sort`', async () => {
    for (const blank of [undefined, '', '   ']) {
      const result = await api.gql(SEARCH, { sort: 'RELEVANCE', search: blank });
      expect(errorOf(result)?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errorOf(result)?.extensions?.fieldErrors?.sort?.[0]).toMatch(/needs a search/);
    }
  });

  const walks: [string, Variables][] = [
    ['NEWEST', { sort: 'NEWEST' }],
    ['TITLE', { sort: 'TITLE' }],
    ['PRICE_LOW_TO_HIGH', { sort: 'PRICE_LOW_TO_HIGH' }],
    ['PRICE_HIGH_TO_LOW', { sort: 'PRICE_HIGH_TO_LOW' }],
    ['RELEVANCE over rank ties', { search: 'coding or code or coder or sepsis' }],
    ['TITLE with a search', { search: 'coding', sort: 'TITLE' }],
    ['PRICE_HIGH_TO_LOW with a filter', { sort: 'PRICE_HIGH_TO_LOW', filter: { kind: 'CE' } }],
  ];
  it.each(walks)('walks every page of %s with no duplicates or gaps', async (_name, variables) => {
    const all = (await search(variables)).edges.map((edge) => edge.node.id);
    expect(all.length).toBeGreaterThan(2);
    for (const first of [1, 2, 3]) {
      expect(await walk(variables, first)).toEqual(all);
    }
  });

  it('refuses a cursor from another sort, search or filter, naming `after`', async () => {
    const newest = await search({ first: 2 });
    const after = newest.pageInfo.endCursor;
    const mismatches: Variables[] = [
      { sort: 'TITLE', after },
      { sort: 'PRICE_LOW_TO_HIGH', after },
      { search: 'sepsis', sort: 'NEWEST', after },
      { filter: { kind: 'CE' }, after },
    ];
    for (const variables of mismatches) {
      const result = await api.gql(SEARCH, { first: 2, ...variables });
      expect(errorOf(result)?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errorOf(result)?.extensions?.fieldErrors?.after?.[0]).toMatch(/different sort/);
    }
    const searched = await search({ search: 'sepsis', first: 1 });
    const other = await api.gql(SEARCH, {
      search: 'diabetes',
      first: 1,
      after: searched.pageInfo.endCursor,
    });
    expect(errorOf(other)?.extensions?.fieldErrors?.after?.[0]).toMatch(/different sort/);
    // The same search written differently (spacing) is the same search.
    const respaced = await api.gql<SearchData>(SEARCH, {
      search: '  sepsis ',
      first: 1,
      after: searched.pageInfo.endCursor,
    });
    expect(respaced.errors).toBeUndefined();
    expect(respaced.data?.courses.edges[0]?.node.id).toBe(ids.get('sepsisSummary'));
  });

  it.each([
    Buffer.from('[1,"NEWEST","x","2026-01-01T00:00:00Z","not-a-uuid"]').toString('base64url'),
    Buffer.from('[1,"TITLE","x",5,"00000000-0000-0000-0000-000000000000"]').toString('base64url'),
    Buffer.from(
      '[1,"RELEVANCE","x","1); DROP","2026-01-01","00000000-0000-0000-0000-000000000000"]',
    ).toString('base64url'),
    Buffer.from('[1,"BOGUS","x","00000000-0000-0000-0000-000000000000"]').toString('base64url'),
  ])('refuses a forged cursor %s', async (after) => {
    const result = await api.gql(SEARCH, { first: 2, after });
    expect(errorOf(result)?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(result)?.extensions?.fieldErrors?.after?.[0]).toMatch(/cursor/);
  });
});

describe('course page: instructors and their credentials', () => {
  const COURSE = /* GraphQL */ `
    query Course($slug: String!) {
      course(slug: $slug) {
        totalLessons
        instructor { name }
        instructors { name bio credentials { credential awardedYear } }
      }
    }
  `;

  it('lists the owner first, then co-instructors in the order they joined, with credentials', async () => {
    const db = api.database.db;
    const owner = await createInstructor(db, {
      name: 'Olivia Owner',
      bio: 'Twenty years in coding.',
      credentials: [
        { credential: 'CPC', awardedYear: 2015 },
        { credential: 'CRC', awardedYear: 2019 },
      ],
    });
    const second = await createInstructor(db, { name: 'Sam Second' });
    const third = await createInstructor(db, {
      name: 'Tara Third',
      credentials: [{ credential: 'CCS', awardedYear: 2012 }],
    });
    const { course } = await createCatalogCourse(db, {
      title: 'Team-taught course',
      ownerId: owner.id,
      coInstructorIds: [third.id, second.id],
      syllabus: [
        { title: 'One', lessons: [{ title: 'a' }, { title: 'b' }] },
        { title: 'Two', lessons: [{ title: 'c' }] },
      ],
    });
    const result = await api.gql<{ course: unknown }>(COURSE, { slug: course.slug });
    expect(result.errors).toBeUndefined();
    expect(result.data?.course).toEqual({
      totalLessons: 3,
      instructor: { name: 'Olivia Owner' },
      instructors: [
        {
          name: 'Olivia Owner',
          bio: 'Twenty years in coding.',
          credentials: [
            { credential: 'CPC', awardedYear: 2015 },
            { credential: 'CRC', awardedYear: 2019 },
          ],
        },
        { name: 'Tara Third', bio: null, credentials: [{ credential: 'CCS', awardedYear: 2012 }] },
        { name: 'Sam Second', bio: null, credentials: [] },
      ],
    });
  });
});
