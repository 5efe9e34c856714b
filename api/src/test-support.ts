import { createTestDatabase, type TestDatabase } from '@lms/db/testing';
import { createLogger } from './logger';
import { type ApiServer, createApiServer, type QueryLimits } from './server';

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  data?: Data | null;
  errors?: {
    message: string;
    extensions?: {
      code?: string;
      fieldErrors?: Record<string, string[]>;
      retryAfterSeconds?: number;
      requestId?: string;
    };
  }[];
}

/** A real API on a fresh database, reached over real HTTP. */
export interface TestApi {
  url: string;
  database: TestDatabase;
  server: ApiServer;
  gql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; ip?: string },
  ): Promise<GraphQLResponse<Data>>;
  close(): Promise<void>;
}

export async function startTestApi(
  options: {
    production?: boolean;
    limits?: Partial<QueryLimits>;
    onQuery?: (sql: string) => void;
  } = {},
): Promise<TestApi> {
  const database = await createTestDatabase({ onQuery: options.onQuery });
  const server = await createApiServer({
    db: database.db,
    log: createLogger('silent'),
    production: options.production,
    limits: options.limits,
  });
  const { url } = await server.listen(0);
  return {
    url,
    database,
    server,
    async gql(query, variables, requestOptions = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (requestOptions.token) headers.authorization = `Bearer ${requestOptions.token}`;
      if (requestOptions.ip) headers['x-forwarded-for'] = requestOptions.ip;
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async close() {
      await server.stop();
      await database.drop();
    },
  };
}

let sequence = 0;

/** Inserts a user and a course (published with version 1, or a draft) straight into the database. */
export async function createCourse(
  db: TestDatabase['db'],
  options: {
    title?: string;
    status?: 'PUBLISHED' | 'DRAFT';
    publishedAt?: Date;
    priceCents?: number;
  } = {},
) {
  sequence += 1;
  const status = options.status ?? 'PUBLISHED';
  const owner = await db.user.create({
    data: {
      name: `Instructor ${sequence}`,
      email: `instructor-${sequence}-${Date.now()}@example.com`,
      passwordHash: 'not-a-real-hash',
      role: 'INSTRUCTOR',
    },
  });
  const course = await db.course.create({
    data: { slug: `course-${sequence}-${Date.now()}`, ownerId: owner.id, status },
  });
  const version = await db.courseVersion.create({
    data: {
      courseId: course.id,
      number: 1,
      title: options.title ?? `Course ${sequence}`,
      summary: 'A summary.',
      kind: 'CE',
      priceCents: options.priceCents ?? 0,
      instructionalMinutes: 30,
      publishedAt: status === 'PUBLISHED' ? (options.publishedAt ?? new Date()) : null,
      modules: {
        create: [
          {
            position: 1,
            title: 'Module one',
            lessons: { create: [{ position: 1, title: 'Lesson one', estimatedMinutes: 30 }] },
          },
        ],
      },
      creditApprovals: {
        create: [
          {
            body: 'AAPC',
            approvalNumber: `AAPC-TEST-${sequence}`,
            approvedTitle: options.title ?? `Course ${sequence}`,
            ceuAmount: '1.50',
            validFrom: new Date('2026-01-01'),
            validUntil: new Date('2027-12-31'),
          },
        ],
      },
    },
  });
  if (status === 'PUBLISHED') {
    await db.course.update({
      where: { id: course.id },
      data: {
        latestPublishedVersionId: version.id,
        publishedAt: options.publishedAt ?? version.publishedAt,
      },
    });
  }
  return { course, version, owner };
}
