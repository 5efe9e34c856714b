// Shared by the vitest global setup (main process) and testing.ts (workers).

/** The migrated database every test database is cloned from. */
export const TEMPLATE_DATABASE = 'lms_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test cluster's maintenance database (CREATE/DROP DATABASE). */
    postgresAdminUrl: string;
  }
}
