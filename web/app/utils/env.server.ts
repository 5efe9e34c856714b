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
    if (value.NODE_ENV !== 'production') return;
    // Every problem at once, each naming its setting.
    if (!value.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required when NODE_ENV=production (at least 32 random characters)',
      });
    } else if (value.SESSION_SECRET === DEV_SESSION_SECRET || value.SESSION_SECRET.length < 32) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'must be at least 32 random characters in production, not a demo value',
      });
    }
    if (!process.env.API_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['API_URL'],
        message: 'is required when NODE_ENV=production (the API’s /graphql address)',
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
    throw new Error(`Refusing to start the web app: invalid configuration:\n${details}`);
  }
  return result.data;
}

export const env = parseEnv();
export const isProduction = env.NODE_ENV === 'production';
