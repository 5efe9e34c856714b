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

/** Who is calling: the client's address (behind trusted proxies) and user agent. */
export interface RequestClientInfo {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export interface Context {
  db: Db;
  viewer: Viewer | null;
  requestId: string;
  log: Logger;
  client: RequestClientInfo;
  /** The payment gateway (null until configured) and the web app's URL. */
  payments: PaymentsRuntime;
  /** The rate limits of this deployment (production defaults unless configured). */
  rateLimits: RateLimitPolicy;
  loaders: RequestLoaders;
}

/**
 * Per-request DataLoaders: batch and cache within one request, never across requests. Each is
 * created on first use, so a request that needs none (verify, a lesson) allocates none.
 *
 * A class, not an object literal with getters: on Node 20's V8 every object literal with
 * accessors allocates its accessor pairs in the old generation, and those keep the getters'
 * closures, and so this request's loaders and their caches, alive past every scavenge until the
 * next full collection (ARCHITECTURE.md, "No object literals with getters per request").
 */
export class RequestLoaders {
  #viewerEnrollment?: DataLoader<string, ViewerEnrollmentState | null>;
  #instructor?: DataLoader<string, InstructorProfile | null>;
  #courseInstructors?: DataLoader<string, InstructorProfile[]>;
  #instructorCredentials?: DataLoader<string, InstructorCredentialView[]>;
  #credits?: DataLoader<string, CreditOffering[]>;
  #syllabus?: DataLoader<string, SyllabusModule[]>;

  constructor(
    private readonly db: Db,
    private readonly viewer: Viewer | null = null,
  ) {}

  get viewerEnrollment() {
    this.#viewerEnrollment ??= new DataLoader(async (courseIds) =>
      this.viewer
        ? loadViewerEnrollments(this.db, this.viewer.id, courseIds)
        : courseIds.map(() => null),
    );
    return this.#viewerEnrollment;
  }

  get instructor() {
    this.#instructor ??= new DataLoader((ids) => loadInstructors(this.db, ids));
    return this.#instructor;
  }

  get courseInstructors() {
    this.#courseInstructors ??= new DataLoader((courseIds) =>
      loadCourseInstructors(this.db, courseIds),
    );
    return this.#courseInstructors;
  }

  get instructorCredentials() {
    this.#instructorCredentials ??= new DataLoader((userIds) =>
      loadInstructorCredentials(this.db, userIds),
    );
    return this.#instructorCredentials;
  }

  get credits() {
    this.#credits ??= new DataLoader((versionIds) => loadCreditOfferings(this.db, versionIds));
    return this.#credits;
  }

  get syllabus() {
    this.#syllabus ??= new DataLoader((versionIds) => loadSyllabi(this.db, versionIds));
    return this.#syllabus;
  }
}

export function createLoaders(db: Db, viewer: Viewer | null = null): RequestLoaders {
  return new RequestLoaders(db, viewer);
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
 * resolvers use them, and the address walks the proxy chain (trust proxy) on every read. A class
 * for the reason `RequestLoaders` is one.
 */
class RequestClient implements RequestClientInfo {
  #ip: string | null | undefined;

  constructor(
    private readonly headers: IncomingHttpHeaders,
    private readonly clientIp: () => string | null,
  ) {}

  get ip(): string | null {
    if (this.#ip === undefined) this.#ip = this.clientIp();
    return this.#ip;
  }

  get userAgent(): string | null {
    return this.headers['user-agent'] ?? null;
  }
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
    client: new RequestClient(headers, options.clientIp),
    payments: options.payments,
    rateLimits: options.rateLimits,
    loaders: createLoaders(db, viewer),
  };
}
