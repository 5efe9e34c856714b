import { seedManyCourses } from '@lms/db';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestApi, type TestApi } from '../test-support';

/**
 * For the tests that count a catalog query's SQL: a test API on a database with `courses` extra
 * published courses (seedManyCourses), recording every statement it runs. `dataStatementsOf`
 * runs a `courses` query, expects it to answer `edges` courses without errors, and answers the
 * statements it ran against the data (transaction bookkeeping left out).
 */
export function useCatalogStatements(courses: number) {
  let api: TestApi;
  let statements: string[] = [];
  beforeAll(async () => {
    api = await startTestApi({ onQuery: (sql) => statements.push(sql) });
    await seedManyCourses(api.database.db, courses);
  });
  afterAll(async () => {
    await api?.close();
  });
  return {
    api: () => api,
    async dataStatementsOf(query: string, variables: Record<string, unknown>, edges: number) {
      statements = [];
      const result = await api.gql<{ courses: { edges: unknown[] } }>(query, variables);
      expect(result.errors).toBeUndefined();
      expect(result.data?.courses.edges).toHaveLength(edges);
      return statements.filter((sql) => !/^(BEGIN|COMMIT|ROLLBACK)/i.test(sql.trim()));
    },
  };
}
