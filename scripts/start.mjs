// `pnpm start`: runs the API (which starts an embedded PostgreSQL unless DATABASE_URL is set,
// applies migrations and loads demo data into an empty database) and the built web app,
// waits until both answer, prints their URLs, and stops both on Ctrl-C / SIGTERM.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.PORT ?? '4000';
const webPort = process.env.WEB_PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';
const apiUrl = `http://${host}:${apiPort}`;
const webUrl = `http://${host === '0.0.0.0' ? 'localhost' : host}:${webPort}`;

// The web app signs its cookie; keep one secret per checkout so a restart keeps people signed in.
function localSessionSecret() {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const dataDir = process.env.LMS_DATA_DIR ?? path.join(root, '.data');
  const file = path.join(dataDir, 'web-session-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

const children = [];

function run(name, command, args, env, cwd = root) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

async function waitFor(url, what) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await sleep(300);
  }
  throw new Error(`${what} did not become ready at ${url} within 2 minutes`);
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve)))).then(
    () => process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// tsx resolves from the API package, which depends on it.
run(
  'api',
  process.execPath,
  ['--import', 'tsx', 'src/main.ts'],
  { PORT: apiPort, HOST: host, PUBLIC_WEB_URL: process.env.PUBLIC_WEB_URL ?? webUrl },
  path.join(root, 'api'),
);
await waitFor(`${apiUrl}/readyz`, 'The API');
run('web', process.execPath, ['web/server.js'], {
  PORT: webPort,
  HOST: host,
  API_URL: `${apiUrl}/graphql`,
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  SESSION_SECRET: localSessionSecret(),
});
await waitFor(webUrl, 'The web app');

console.log(`
  Medical-coding LMS is running
    Web app:  ${webUrl}
    GraphQL:  ${apiUrl}/graphql
  Demo accounts (password demo-password-123): admin@example.com, and the students and
  instructors listed in README.md. Press Ctrl-C to stop.
`);
