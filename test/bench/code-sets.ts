// `pnpm --filter @lms/test bench:code-sets`: code-set releases at full size.
// 1. Import of a synthetic 75,000-code ICD-10-CM order file through the real upload route
//    (streamed to disk, parsed, set-based inserts, diff, in one transaction), timed from the
//    POST to the job's SUCCEEDED, beside a raw-SQL baseline that loads the same rows with pg
//    (batched unnest INSERTs into a scratch release, one transaction). Target ≤ 10 s.
// 2. Code look-up at 50 concurrent clients (GraphQL codeLookup, half code prefixes, half
//    description words) beside the same SQL behind a bare node:http server. Target p99 ≤ 20 ms.
// Prints the figures; asserts nothing.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate } from '@lms/db';
import { startEmbeddedPostgres } from '@lms/db/embedded';
import pg from 'pg';
import {
  freePort,
  type RunningProcess,
  repoRoot,
  startApiProcess,
  startProcess,
  waitForHttp,
} from '../support/processes';
import { parseBenchArgs } from './args';
import { writeSyntheticOrderFile } from './code-set-file';
import { drive, postJson, summarise } from './load';

const {
  codes: CODES,
  connections: CONCURRENCY,
  lookups: LOOKUPS,
} = parseBenchArgs({ codes: 75_000, connections: 50, lookups: 5000 });
const WARM_UP = 500;

const LOOKUP = `query($query: String!) { codeLookup(system: ICD10CM, query: $query) {
  release { id name } results { code billable shortDescription longDescription } } }`;

const dataDir = await mkdtemp(path.join(tmpdir(), 'lms-bench-codesets-'));
const processes: RunningProcess[] = [];
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'lms' });
try {
  const databaseUrl = postgres.url('lms');
  await migrate({ databaseUrl });
  const filePath = path.join(dataDir, 'icd10cm_order_synthetic.txt');
  const codes = await writeSyntheticOrderFile(filePath, CODES);
  const api = await startApiProcess(databaseUrl, { LOG_LEVEL: 'error', SEED_DEMO_DATA: 'false' });
  processes.push(api);
  const headers = { 'apollo-require-preflight': 'true' };
  const register = (await (
    await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        query: `mutation($input: RegisterInput!) { register(input: $input) { token } }`,
        variables: {
          input: {
            email: 'bench-admin@example.com',
            name: 'Bench Admin',
            password: 'bench-password-123',
          },
        },
      }),
    })
  ).json()) as { data: { register: { token: string } } };
  const token = register.data.register.token;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(
    `UPDATE "User" SET "role" = 'ADMIN' WHERE "email" = 'bench-admin@example.com'`,
  );

  // 1. Import through the API.
  const file = await readFile(filePath);
  const form = new FormData();
  form.set('system', 'ICD10CM');
  form.set('effectiveOn', '2026-10-01');
  form.set('file', new Blob([file], { type: 'text/plain' }), 'icd10cm_order_synthetic.txt');
  const started = performance.now();
  const upload = await fetch(`${api.url}/code-sets/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const { import: job } = (await upload.json()) as { import: { id: string } };
  let status = 'RUNNING';
  let message = '';
  while (status === 'RUNNING') {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const { rows } = await client.query(
      `SELECT "status", "message" FROM "CodeSetImport" WHERE "id" = $1`,
      [job.id],
    );
    status = rows[0].status;
    message = rows[0].message ?? '';
  }
  const importSeconds = (performance.now() - started) / 1000;
  const { rows: releases } = await client.query(
    `SELECT "id" FROM "CodeSetRelease" WHERE "system" = 'ICD10CM'`,
  );
  const releaseId = releases[0].id as string;

  // 1b. Raw-SQL baseline: parse the same file and load the rows with pg in one transaction.
  const baselineStarted = performance.now();
  const lines = file
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '');
  await client.query('BEGIN');
  const { rows: scratch } = await client.query(
    `INSERT INTO "CodeSetRelease" ("system", "name", "year", "effectiveOn", "sourceSha256") VALUES ('ICD10CM', 'baseline', 2027, '2025-10-01', 'baseline') RETURNING "id"`,
  );
  for (let i = 0; i < lines.length; i += 2000) {
    const batch = lines.slice(i, i + 2000);
    await client.query(
      `INSERT INTO "CodeSetCode" ("releaseId", "code", "billable", "shortDescription", "longDescription", "searchVector")
       SELECT $1, c, b, s, l, to_tsvector('english', l) FROM unnest($2::text[], $3::boolean[], $4::text[], $5::text[]) AS t(c, b, s, l)`,
      [
        scratch[0].id,
        batch.map((line) => line.slice(6, 13).trim()),
        batch.map((line) => line[14] === '1'),
        batch.map((line) => line.slice(16, 76).trim()),
        batch.map((line) => line.slice(77).trim()),
      ],
    );
  }
  await client.query('ROLLBACK');
  const baselineSeconds = (performance.now() - baselineStarted) / 1000;
  await client.query('ANALYZE "CodeSetCode"');
  await client.end();

  // 2. Look-up under load.
  const rawPort = await freePort();
  const raw = startProcess(
    process.execPath,
    ['--import', 'tsx', 'bench/raw-code-lookup-server.ts', databaseUrl, String(rawPort)],
    {},
    path.join(repoRoot, 'test'),
  );
  processes.push(raw);
  await waitForHttp(`http://127.0.0.1:${rawPort}/`, raw);
  const pick = () => {
    if (Math.random() < 0.5) {
      const code = codes[Math.floor(Math.random() * codes.length)]!.code;
      return code.slice(0, 3 + Math.floor(Math.random() * (code.length - 2)));
    }
    // Words a learner would type: two words of a real description.
    const words =
      codes[Math.floor(Math.random() * codes.length)]!.description.split(/[ ,]+/).slice(1);
    const at = Math.floor(Math.random() * Math.max(1, words.length - 1));
    return words.slice(at, at + 2).join(' ');
  };
  const viaApi = (query: string) =>
    postJson(`${api.url}/graphql`, { query: LOOKUP, variables: { query } }, headers);
  const viaRaw = (query: string) => postJson(`http://127.0.0.1:${rawPort}/`, { releaseId, query });
  const warm = Array.from({ length: WARM_UP }, pick);
  await drive(warm, CONCURRENCY, viaApi);
  await drive(warm, CONCURRENCY, viaRaw);
  const queries = Array.from({ length: LOOKUPS }, pick);
  const graphql = summarise('GraphQL codeLookup', await drive(queries, CONCURRENCY, viaApi));
  const baseline = summarise('raw SQL (pg + node:http)', await drive(queries, CONCURRENCY, viaRaw));

  const fmt = (n: number) => n.toFixed(1);
  console.log(`\nCode-set import: ${CODES} codes (${(file.length / 1024 / 1024).toFixed(1)} MB)`);
  console.log(
    `  API upload → SUCCEEDED   ${fmt(importSeconds)} s (${status}: ${message.slice(0, 80)})  (target ≤ 10 s)`,
  );
  console.log(`  raw SQL baseline         ${fmt(baselineSeconds)} s`);
  console.log(`\nCode look-up: ${LOOKUPS} look-ups, ${CONCURRENCY} concurrent clients`);
  for (const row of [graphql, baseline]) {
    console.log(
      `  ${row.name.padEnd(28)} ${fmt(row.perSecond).padStart(8)} look-ups/s   p50 ${fmt(row.p50)} ms   p99 ${fmt(row.p99)} ms   errors ${row.errors}${row.firstError ? ` (${row.firstError})` : ''}`,
    );
  }
  console.log(`  API p99 ${fmt(graphql.p99)} ms (target ≤ 20 ms)`);
} finally {
  await Promise.all(processes.map((child) => child.stop()));
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}
