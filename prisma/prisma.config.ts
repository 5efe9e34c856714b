import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI only (generate; migrate where the native engine exists).
// The application never reads this file: it gets its URL from its own env module.
export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/lms' },
});
