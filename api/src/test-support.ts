import type { RateLimitPolicy } from '@lms/core';
import type { IssuerPublicJwk } from '@lms/credentials';
import {
  createCourse as createCourseRows,
  createTestDatabase,
  createUser,
  type TestDatabase,
} from '@lms/db/testing';
import type { ObjectStore } from '@lms/storage';
import { createLogger, type Logger } from './logger';
import type { PaymentsRuntime } from './payments-runtime';
import {
  type ApiServer,
  createApiServer,
  type PublicCacheOptions,
  type QueryLimits,
} from './server';

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
  /** Runs an operation that must succeed (throws its errors) and returns its one root field. */
  must<T>(query: string, variables: Record<string, unknown>, actor?: { token: string }): Promise<T>;
  close(): Promise<void>;
}

/**
 * Test files register and sign in dozens of people from 127.0.0.1: the general per-address and
 * per-account request limits are raised so they do not interfere. The password-guessing rules
 * keep their production values (tests about them rely on those).
 */
export const TEST_RATE_LIMITS: Partial<RateLimitPolicy> = {
  signInPerAddress: { limit: 100_000, windowSeconds: 60 },
  registerPerAddress: { limit: 100_000, windowSeconds: 60 },
  checkoutPerAccount: { limit: 100_000, windowSeconds: 60 },
  checkoutPerAddress: { limit: 100_000, windowSeconds: 60 },
  verifyPerAddress: { limit: 100_000, windowSeconds: 60 },
  passwordResetPerAddress: { limit: 100_000, windowSeconds: 60 },
  passwordResetPerAccount: { limit: 100_000, windowSeconds: 60 },
  accountEmailsPerAccount: { limit: 100_000, windowSeconds: 60 },
};

export async function startTestApi(
  options: {
    production?: boolean;
    limits?: Partial<QueryLimits>;
    onQuery?: (sql: string) => void;
    payments?: PaymentsRuntime;
    /** Replaces rules of TEST_RATE_LIMITS (a test about a limit sets it explicitly). */
    rateLimits?: Partial<RateLimitPolicy>;
    /** Production: run documents outside the web app's allow-list too. */
    allowAdHocDocuments?: boolean;
    retiredIssuerKeys?: IssuerPublicJwk[];
    /** Where uploaded files go (default: a temporary folder of this server). */
    objectStore?: ObjectStore;
    /** Turn on the public response cache (off by default in tests), with these settings. */
    publicCache?: Partial<Omit<PublicCacheOptions, 'databaseUrl'>>;
    /** Express's "trust proxy" (default: loopback, as TRUST_PROXY). */
    trustProxy?: string;
    /** Where the server logs (default: nowhere). */
    log?: Logger;
  } = {},
): Promise<TestApi> {
  const database = await createTestDatabase({ onQuery: options.onQuery });
  const server = await createApiServer({
    db: database.db,
    log: options.log ?? createLogger('silent'),
    production: options.production,
    trustProxy: options.trustProxy,
    limits: options.limits,
    payments: options.payments,
    rateLimits: { ...TEST_RATE_LIMITS, ...options.rateLimits },
    allowAdHocDocuments: options.allowAdHocDocuments,
    retiredIssuerKeys: options.retiredIssuerKeys,
    objectStore: options.objectStore,
    publicCache: options.publicCache && {
      databaseUrl: database.url,
      maxBytes: 8 * 1024 * 1024,
      retryMs: 200,
      ...options.publicCache,
    },
  });
  const { url } = await server.listen(0);
  const gql: TestApi['gql'] = async (query, variables, requestOptions = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (requestOptions.token) headers.authorization = `Bearer ${requestOptions.token}`;
    if (requestOptions.ip) headers['x-forwarded-for'] = requestOptions.ip;
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
  return {
    url,
    database,
    server,
    gql,
    async must<T>(query: string, variables: Record<string, unknown>, actor?: { token: string }) {
      const result = await gql<Record<string, T>>(query, variables, { token: actor?.token });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return Object.values(result.data ?? {})[0] as T;
    },
    async close() {
      await server.stop();
      await database.drop();
    },
  };
}

/** Inserts an instructor and their course (published with version 1, or a draft), AAPC-approved. */
export async function createCourse(
  db: TestDatabase['db'],
  options: {
    title?: string;
    status?: 'PUBLISHED' | 'DRAFT';
    publishedAt?: Date;
    priceCents?: number;
  } = {},
) {
  const owner = await createUser(db, { role: 'INSTRUCTOR' });
  const created = await createCourseRows(db, {
    ownerId: owner.id,
    title: options.title,
    status: options.status,
    publishedAt: options.publishedAt,
    priceCents: options.priceCents,
    creditApprovals: [
      {
        body: 'AAPC',
        ceuAmount: '1.50',
        validFrom: new Date('2026-01-01'),
        validUntil: new Date('2027-12-31'),
      },
    ],
  });
  return { ...created, owner };
}

/** Options of createCatalogCourse: every part of a course the catalog can search or filter by. */
export interface CatalogCourseOptions {
  title: string;
  summary?: string;
  description?: string;
  /** Modules with their lessons' titles and bodies (the syllabus part of the search document). */
  syllabus?: { title: string; lessons: { title: string; body?: string }[] }[];
  kind?: 'EXAM_PREP' | 'CE';
  level?: 'BEGINNER' | 'INTERMEDIATE' | 'ADVANCED';
  priceCents?: number;
  creditBodies?: ('AAPC' | 'AHIMA' | 'PMI' | 'IACET' | 'OTHER')[];
  status?: 'DRAFT' | 'PUBLISHED' | 'UNPUBLISHED' | 'ARCHIVED';
  publishedAt?: Date;
  /** Owner's user id; a new instructor is created when absent. */
  ownerId?: string;
  /** Co-instructors (CourseInstructor rows), in this order. */
  coInstructorIds?: string[];
}

/**
 * A course as the catalog sees it, through the createCourse factory: UNPUBLISHED and ARCHIVED
 * keep their published version pointer, as a course taken out of the catalog does.
 */
export async function createCatalogCourse(db: TestDatabase['db'], options: CatalogCourseOptions) {
  const ownerId = options.ownerId ?? (await createUser(db, { role: 'INSTRUCTOR' })).id;
  const syllabus = options.syllabus ?? [
    { title: 'Module one', lessons: [{ title: 'Lesson one', body: '' }] },
  ];
  const created = await createCourseRows(db, {
    ownerId,
    title: options.title,
    summary: options.summary,
    description: options.description,
    kind: options.kind,
    level: options.level ?? 'BEGINNER',
    priceCents: options.priceCents,
    status: options.status,
    publishedAt: options.publishedAt,
    coInstructorIds: options.coInstructorIds,
    instructionalMinutes: 30,
    modules: syllabus.map((module) => ({
      title: module.title,
      lessons: module.lessons.map((lesson) => ({ ...lesson, estimatedMinutes: 10 })),
    })),
    creditApprovals: (options.creditBodies ?? []).map((body) => ({
      body,
      validFrom: new Date('2026-01-01'),
      validUntil: new Date('2027-12-31'),
    })),
  });
  return { ...created, ownerId };
}

/** An instructor user with optional professional credentials (in the given order). */
export function createInstructor(
  db: TestDatabase['db'],
  options: {
    name: string;
    bio?: string;
    credentials?: { credential: string; awardedYear: number }[];
  },
) {
  return createUser(db, { ...options, role: 'INSTRUCTOR' });
}
