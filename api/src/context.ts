import type { IncomingHttpHeaders } from 'node:http';
import {
  type CatalogCourse,
  type CreditOffering,
  getViewerByToken,
  type InstructorCredentialView,
  type InstructorProfile,
  loadCourseInstructors,
  loadCreditOfferings,
  loadInstructorCredentials,
  loadInstructors,
  loadSyllabi,
  loadViewerEnrollments,
  type RateLimitPolicy,
  type SyllabusModule,
  type Viewer,
  type ViewerEnrollmentState,
} from '@lms/core';
import type { Db } from '@lms/db';
import DataLoader from 'dataloader';
import type { Logger } from './logger';
import type { PaymentsRuntime } from './payments-runtime';

export interface Context {
  db: Db;
  viewer: Viewer | null;
  requestId: string;
  log: Logger;
  client: { ip: string | null; userAgent: string | null };
  /** The payment gateway (null until configured) and the web app's URL. */
  payments: PaymentsRuntime;
  /** The rate limits of this deployment (production defaults unless configured). */
  rateLimits: RateLimitPolicy;
  loaders: ReturnType<typeof createLoaders>;
}

/**
 * Per-request DataLoaders: batch and cache within one request, never across requests. Each is
 * created on first use, so a request that needs none (verify, a lesson) allocates none.
 */
export function createLoaders(db: Db, viewer: Viewer | null = null) {
  let viewerEnrollment: DataLoader<string, ViewerEnrollmentState | null> | undefined;
  let instructor: DataLoader<string, InstructorProfile | null> | undefined;
  let courseInstructors: DataLoader<string, InstructorProfile[]> | undefined;
  let instructorCredentials: DataLoader<string, InstructorCredentialView[]> | undefined;
  let credits: DataLoader<string, CreditOffering[]> | undefined;
  let syllabus: DataLoader<string, SyllabusModule[]> | undefined;
  return {
    get viewerEnrollment() {
      viewerEnrollment ??= new DataLoader(async (courseIds) =>
        viewer ? loadViewerEnrollments(db, viewer.id, courseIds) : courseIds.map(() => null),
      );
      return viewerEnrollment;
    },
    get instructor() {
      instructor ??= new DataLoader((ids) => loadInstructors(db, ids));
      return instructor;
    },
    get courseInstructors() {
      courseInstructors ??= new DataLoader((courseIds) => loadCourseInstructors(db, courseIds));
      return courseInstructors;
    },
    get instructorCredentials() {
      instructorCredentials ??= new DataLoader((userIds) => loadInstructorCredentials(db, userIds));
      return instructorCredentials;
    },
    get credits() {
      credits ??= new DataLoader((versionIds) => loadCreditOfferings(db, versionIds));
      return credits;
    },
    get syllabus() {
      syllabus ??= new DataLoader((versionIds) => loadSyllabi(db, versionIds));
      return syllabus;
    },
  };
}

export type { CatalogCourse };

export function bearerToken(req: { headers: IncomingHttpHeaders }): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * The caller's address and user agent, read when first asked: only rate-limited and auditing
 * resolvers use them, and the address walks the proxy chain (trust proxy) on every read.
 */
function clientOf(headers: IncomingHttpHeaders, clientIp: () => string | null): Context['client'] {
  let ip: string | null | undefined;
  return {
    get ip() {
      ip ??= clientIp();
      return ip;
    },
    get userAgent() {
      return headers['user-agent'] ?? null;
    },
  };
}

export async function createContext(options: {
  db: Db;
  /** The request's headers (the bearer token and the user agent). */
  headers: IncomingHttpHeaders;
  /** The client's address, as Express's `req.ip` gives it (called on first use). */
  clientIp: () => string | null;
  requestId: string;
  log: Logger;
  payments: PaymentsRuntime;
  rateLimits: RateLimitPolicy;
}): Promise<Context> {
  const { db, headers } = options;
  const viewer = await getViewerByToken({ db, token: bearerToken({ headers }) });
  return {
    db,
    viewer,
    requestId: options.requestId,
    log: options.log,
    client: clientOf(headers, options.clientIp),
    payments: options.payments,
    rateLimits: options.rateLimits,
    loaders: createLoaders(db, viewer),
  };
}
