// `pnpm bench:rss` (printed, not asserted): resident memory of one API process, idle and under
// the catalog load, compiled bundle vs tsx. Needs DATABASE_URL (a seeded database) and
// `pnpm build` first. Target: idle ≤ 150 MB, under load ≤ 300 MB.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort, repoRoot, startProcess, waitForHttp } from '../support/processes';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('Set DATABASE_URL to a seeded database.');

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function measure(label: string, args: string[], cwd: string) {
  const port = await freePort();
  const api = startProcess(
    process.execPath,
    args,
    {
      DATABASE_URL: databaseUrl as string,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_DEMO_DATA: 'false',
      STRIPE_EMULATOR_PORT: '0',
      NODE_ENV: 'test',
    },
    cwd,
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/readyz`, api, 120_000);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const pid = api.child.pid as number;
  const idle = await rssMb(pid);
  const body = JSON.stringify({
    query: '{ courses(first: 20) { totalCount edges { node { id title slug } } } }',
  });
  let peak = idle;
  const started = Date.now();
  let requests = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (Date.now() - started < 15_000) {
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }).then((r) => r.text());
        requests += 1;
        if (requests % 50 === 0) peak = Math.max(peak, await rssMb(pid));
      }
    }),
  );
  peak = Math.max(peak, await rssMb(pid));
  await api.stop();
  console.log(
    `${label.padEnd(10)} idle ${String(idle).padStart(4)} MB   under catalog load ${String(peak).padStart(4)} MB   (${requests} requests in 15 s)`,
  );
}

await measure('compiled', [path.join(repoRoot, 'api/dist/bin/main.js')], repoRoot);
await measure('tsx', ['--import', 'tsx', 'src/main.ts'], path.join(repoRoot, 'api'));
