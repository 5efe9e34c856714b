import { seedManyCourses } from '@lms/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support';

// Every field a catalog page can ask for, including the ones served by DataLoaders.
const FULL_PAGE = /* GraphQL */ `
  query Catalog($first: Int) {
    courses(first: $first) {
      totalCount
      edges { node { id title price { amountCents } instructor { name bio }
        credits { body ceuAmount } modules { title lessons { title kind } } } }
    }
  }
`;

let api: TestApi;
let statements: string[] = [];

beforeAll(async () => {
  api = await startTestApi({ onQuery: (sql) => statements.push(sql) });
  await seedManyCourses(api.database.db, 50);
});
afterAll(async () => {
  await api?.close();
});

async function statementsFor(first: number) {
  statements = [];
  const result = await api.gql<{ courses: { edges: unknown[] } }>(FULL_PAGE, { first });
  expect(result.errors).toBeUndefined();
  expect(result.data?.courses.edges).toHaveLength(first);
  // Transaction bookkeeping is not a query against the data.
  return statements.filter((sql) => !/^(BEGIN|COMMIT|ROLLBACK)/i.test(sql.trim()));
}

it('costs the same number of SQL statements for 5 courses as for 50 (no N+1)', async () => {
  const five = await statementsFor(5);
  const fifty = await statementsFor(50);
  expect(five.length).toBeGreaterThan(0);
  expect(fifty.length).toBe(five.length);
  // And it stays small: page + count + the related rows, each batched.
  expect(fifty.length).toBeLessThanOrEqual(8);
});
