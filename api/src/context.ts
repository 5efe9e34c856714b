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
import type { Request } from 'express';
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

/** Per-request DataLoaders: batch and cache within one request, never across requests. */
export function createLoaders(db: Db, viewer: Viewer | null = null) {
  return {
    viewerEnrollment: new DataLoader<string, ViewerEnrollmentState | null>(async (courseIds) =>
      viewer ? loadViewerEnrollments(db, viewer.id, courseIds) : courseIds.map(() => null),
    ),
    instructor: new DataLoader<string, InstructorProfile | null>((ids) => loadInstructors(db, ids)),
    courseInstructors: new DataLoader<string, InstructorProfile[]>((courseIds) =>
      loadCourseInstructors(db, courseIds),
    ),
    instructorCredentials: new DataLoader<string, InstructorCredentialView[]>((userIds) =>
      loadInstructorCredentials(db, userIds),
    ),
    credits: new DataLoader<string, CreditOffering[]>((versionIds) =>
      loadCreditOfferings(db, versionIds),
    ),
    syllabus: new DataLoader<string, SyllabusModule[]>((versionIds) => loadSyllabi(db, versionIds)),
  };
}

export type { CatalogCourse };

export function bearerToken(req: Request): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

export async function createContext(options: {
  db: Db;
  req: Request;
  requestId: string;
  log: Logger;
  payments: PaymentsRuntime;
  rateLimits: RateLimitPolicy;
}): Promise<Context> {
  const { db, req } = options;
  const viewer = await getViewerByToken({ db, token: bearerToken(req) });
  return {
    db,
    viewer,
    requestId: options.requestId,
    log: options.log,
    client: { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null },
    payments: options.payments,
    rateLimits: options.rateLimits,
    loaders: createLoaders(db, viewer),
  };
}
