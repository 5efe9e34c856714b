import type { Role } from '@lms/db';

/** Who is making a request: resolved from a session token by `getViewerByToken`. */
export interface Viewer {
  id: string;
  sessionId: string;
  name: string;
  email: string;
  role: Role;
  /** IANA zone the person reads times in; null/absent: not set (the provider's zone applies). */
  timeZone?: string | null;
}
