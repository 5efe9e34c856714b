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

// No SMTP_URL: a local mail catcher receives every email (nothing leaves the machine) and
// shows them in a web inbox. It prints one JSON line with its addresses.
async function startMailCatcher() {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/catcher-main.ts',
      '--host',
      '127.0.0.1',
      '--smtp-port',
      process.env.MAIL_CATCHER_SMTP_PORT ?? '1025',
      '--inbox-port',
      process.env.MAIL_CATCHER_PORT ?? '1080',
    ],
    { cwd: path.join(root, 'packages/mail'), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`mail catcher exited (${signal ?? code}); stopping.`);
      stop(code ?? 1);
    }
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline >= 0) resolve(JSON.parse(buffered.slice(0, newline)));
    });
    child.once('exit', () => reject(new Error('the mail catcher did not start')));
  });
}
const mail = process.env.SMTP_URL ? null : await startMailCatcher();

// tsx resolves from the API package, which depends on it.
run(
  'api',
  process.execPath,
  ['--import', 'tsx', 'src/main.ts'],
  {
    PORT: apiPort,
    HOST: host,
    PUBLIC_WEB_URL: process.env.PUBLIC_WEB_URL ?? webUrl,
    ...(mail ? { SMTP_URL: mail.smtpUrl } : {}),
  },
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
    Emails:   ${mail ? `${mail.inboxUrl} (local inbox: no email leaves this machine)` : `sent through ${process.env.SMTP_URL.replace(/\/\/[^@/]*@/, '//')}`}
  Demo accounts (password demo-password-123): admin@example.com, and the students and
  instructors listed in README.md. Press Ctrl-C to stop.
`);
