import { expect, it } from 'vitest';
import { useCatalogStatements } from '../../testing/catalog-statements';

// Every field a catalog page can ask for, including the ones served by DataLoaders.
const FULL_PAGE = /* GraphQL */ `
  query Catalog($first: Int, $search: String, $filter: CourseFilter, $sort: CourseSort) {
    courses(first: $first, search: $search, filter: $filter, sort: $sort) {
      totalCount
      edges { node { id title price { amountCents } instructor { name bio credentials { credential } }
        instructors { name credentials { credential awardedYear } } totalLessons
        credits { body ceuAmount } modules { title lessons { title kind } } } }
    }
  }
`;

const catalog = useCatalogStatements(50);

function statementsFor(first: number, variables: Record<string, unknown> = {}) {
  return catalog.dataStatementsOf(FULL_PAGE, { first, ...variables }, first);
}

it('costs the same number of SQL statements for 5 courses as for 50 (no N+1)', async () => {
  const five = await statementsFor(5);
  const fifty = await statementsFor(50);
  expect(five.length).toBeGreaterThan(0);
  expect(fifty.length).toBe(five.length);
  // page, count, instructors, their credentials, credits, modules with their lessons
  expect(fifty).toHaveLength(6);
});

it('costs the same fixed number of statements with a search, filters and any sort', async () => {
  // seedManyCourses: 50 courses, a third EXAM_PREP; "coding" is in many titles and summaries.
  const variables = { search: 'coding', filter: { kind: 'CE' } };
  const two = await statementsFor(2, variables);
  for (const sort of ['RELEVANCE', 'NEWEST', 'TITLE', 'PRICE_LOW_TO_HIGH', 'PRICE_HIGH_TO_LOW']) {
    const ten = await statementsFor(10, { ...variables, sort });
    expect(ten.length).toBe(two.length);
  }
  expect(two.length).toBe(6);
  // The search runs in PostgreSQL, parameterised: the words never appear in the SQL text.
  const page = two.find((sql) => sql.includes('websearch_to_tsquery'));
  expect(page).toBeDefined();
  expect(two.join('\n')).not.toContain('coding');
});
