import { defineProject } from 'vitest/config';

// The web app's own tests. A separate file so Vitest does not load vite.config.ts (the Remix
// plugin builds the app; tests do not need it).
export default defineProject({
  test: {
    name: 'web',
    include: ['app/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
