import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'db',
    include: ['src/**/*.test.ts'],
    // Each file starts real PostgreSQL work; generous limits keep a loaded CI machine green.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
