import { z } from 'zod';

/**
 * The one place in web that reads process.env. Parsed once when the server starts, so a
 * misconfigured production deployment fails fast instead of on the first request.
 */
const DEV_SESSION_SECRET = 'dev-only-session-secret-do-not-use-in-production';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    API_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4000/graphql'),
    SESSION_SECRET: z.string().min(16, 'SESSION_SECRET must be at least 16 characters').optional(),
  })
  .superRefine((value, ctx) => {
    if (value.NODE_ENV === 'production' && !value.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'SESSION_SECRET is required when NODE_ENV=production',
      });
    }
  })
  .transform((value) => ({
    ...value,
    SESSION_SECRET: value.SESSION_SECRET ?? DEV_SESSION_SECRET,
  }));

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const result = schema.safeParse({
    NODE_ENV: process.env.NODE_ENV || undefined,
    API_URL: process.env.API_URL || undefined,
    SESSION_SECRET: process.env.SESSION_SECRET || undefined,
  });
  if (!result.success) {
    const details = result.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new Error(`Invalid web environment:\n${details}`);
  }
  return result.data;
}

export const env = parseEnv();
export const isProduction = env.NODE_ENV === 'production';
