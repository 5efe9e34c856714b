// `pnpm serve`: the production start. Runs the compiled API (`pnpm build` first) and the built
// web app with settings from the environment only: nothing embedded, nothing generated. Stops
// both on SIGTERM/SIGINT (each drains its requests). Run the job worker with `pnpm worker`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const built of ['api/dist/bin/main.js', 'web/build/server/index.js']) {
  if (!existsSync(path.join(root, built))) {
    console.error(`${built} is missing: run \`pnpm build\` first.`);
    process.exit(1);
  }
}
if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is required: `pnpm serve` never starts an embedded PostgreSQL.');
  process.exit(1);
}
// The API runs exactly as `pnpm serve:api` (its node flags: heap limits, see DEPLOY.md).
const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const apiArgs = scripts['serve:api'].trim().split(/\s+/);
if (apiArgs.shift() !== 'node') throw new Error('serve:api must be `node [flags] <bundle>`');
const apiPort = process.env.PORT ?? '4000';
const host = process.env.HOST ?? '127.0.0.1';

const children = [];
let stopping = false;
function run(name, args, env) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping.`);
      stop(code || 1);
    }
  });
  children.push(child);
}
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  Promise.all(
    children.map((child) =>
      child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)),
    ),
  ).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// Two glibc malloc arenas instead of one per thread: ~10 MB less RSS (as in the image).
run('api', apiArgs, {
  PORT: apiPort,
  HOST: host,
  MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
});
run('web', ['web/server.js'], {
  PORT: process.env.WEB_PORT ?? '3000',
  HOST: host,
  API_URL: process.env.API_URL ?? `http://127.0.0.1:${apiPort}/graphql`,
});
