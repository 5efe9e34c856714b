import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

// Build tooling, not application code: the dev server port is the only variable read here.
// The running app reads its environment only in app/utils/env.server.ts.
const port = Number(process.env.WEB_PORT ?? process.env.PORT ?? 3000);

export default defineConfig({
  server: { port, host: '127.0.0.1' },
  plugins: [
    remix({
      // A flat route file's test sits beside it (admin.orders.test.tsx); it is not a route.
      ignoredRouteFiles: ['**/*.test.{ts,tsx}'],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
      },
    }),
  ],
});
