// `pnpm --filter @lms/test bench:verify`: public certificate verification under load, over
// HTTP against the real API process (GraphQL verifyCertificate with random existing serials,
// 50 concurrent clients) versus a raw-SQL baseline (pg + node:http). Prints lookups per
// second, p50/p99 and the ratio; asserts nothing. Target: ≥ 0.6× the baseline, p99 ≤ 10 ms.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
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
import { drive, postJson, summarise } from './load';

const CERTIFICATES = Number(process.env.BENCH_CERTIFICATES ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONNECTIONS ?? 50);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 5000);
const WARM_UP = 500;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function serial(): string {
  const bytes = randomBytes(12);
  const symbols = [...bytes].map((b) => ALPHABET[b & 31]).join('');
  return `CEU-${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8, 12)}`;
}

const VERIFY = `query($serial: String!) { verifyCertificate(serial: $serial) { status serial certificate {
  serial participantName programTitle sponsoringOrganization completionDate issuedAt
  credits { body indexNumber ceuAmount category } verifyUrl status revokedAt revocationReason supersededBySerial } } }`;

async function buildFixture(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const {
      rows: [user],
    } = await client.query(
      `INSERT INTO "User" ("email", "name", "passwordHash") VALUES ('bench@example.com', 'Bench Learner', '!') RETURNING "id"`,
    );
    const {
      rows: [course],
    } = await client.query(
      `INSERT INTO "Course" ("slug", "ownerId", "status") VALUES ('bench-verify', $1, 'PUBLISHED') RETURNING "id"`,
      [user.id],
    );
    const {
      rows: [version],
    } = await client.query(
      `INSERT INTO "CourseVersion" ("courseId", "number", "title", "summary", "kind") VALUES ($1, 1, 'Bench CE course', 'S', 'CE') RETURNING "id"`,
      [course.id],
    );
    const {
      rows: [enrollment],
    } = await client.query(
      `INSERT INTO "Enrollment" ("userId", "courseId", "versionId", "source") VALUES ($1, $2, $3, 'GRANT') RETURNING "id"`,
      [user.id, course.id, version.id],
    );
    const {
      rows: [completion],
    } = await client.query(
      `INSERT INTO "CourseCompletion" ("enrollmentId", "versionId", "seatMinutes", "evidence") VALUES ($1, $2, 0, '{}') RETURNING "id"`,
      [enrollment.id, version.id],
    );
    const serials = Array.from({ length: CERTIFICATES }, serial);
    const snapshots = serials.map((s, i) =>
      JSON.stringify({
        serial: s,
        participantName: `Learner ${i}`,
        programTitle: 'Bench CE course',
        sponsoringOrganization: 'CodeCred LMS',
        completionDate: '2026-11-20',
        issuedAt: '2026-11-20T10:00:00.000Z',
        credits: [
          {
            body: 'AAPC',
            bodyName: 'AAPC',
            indexNumber: `AAPC-B-${i}`,
            ceuAmount: '1.00',
            category: 'core',
          },
        ],
        instructionalMinutes: 60,
        verifyUrl: `http://127.0.0.1:3000/verify/${s}`,
        statusListIndex: i + 1,
      }),
    );
    await client.query(
      `INSERT INTO "Certificate" ("serial", "userId", "enrollmentId", "completionId", "courseId", "versionId", "creditKey", "snapshot")
       SELECT s, $1, $2, $3, $4, $5, 'bench-' || ord, snap::jsonb
         FROM unnest($6::text[], $7::text[]) WITH ORDINALITY AS t(s, snap, ord)`,
      [user.id, enrollment.id, completion.id, course.id, version.id, serials, snapshots],
    );
    // A tenth revoked, so both answers are exercised.
    await client.query(
      `UPDATE "Certificate" SET "revokedAt" = now(), "revocationReason" = 'bench' WHERE "statusListIndex" % 10 = 0`,
    );
    await client.query('ANALYZE "Certificate"');
    return serials;
  } finally {
    await client.end();
  }
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'lms-bench-verify-'));
const processes: RunningProcess[] = [];
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'lms' });
try {
  const databaseUrl = postgres.url('lms');
  await migrate({ databaseUrl });
  const serials = await buildFixture(databaseUrl);
  const api = await startApiProcess(databaseUrl, { LOG_LEVEL: 'error', SEED_DEMO_DATA: 'false' });
  processes.push(api);
  const rawPort = await freePort();
  const raw = startProcess(
    process.execPath,
    ['--import', 'tsx', 'bench/raw-verify-server.ts', databaseUrl, String(rawPort)],
    {},
    path.join(repoRoot, 'test'),
  );
  processes.push(raw);
  await waitForHttp(`http://127.0.0.1:${rawPort}/`, raw);
  const apiUrl = `${api.url}/graphql`;
  const rawUrl = `http://127.0.0.1:${rawPort}/`;
  const pick = () => serials[Math.floor(Math.random() * serials.length)]!;
  const headers = { 'apollo-require-preflight': 'true' };
  const viaApi = (s: string) =>
    postJson(apiUrl, { query: VERIFY, variables: { serial: s } }, headers);
  const viaRaw = (s: string) => postJson(rawUrl, { serial: s });

  const warm = Array.from({ length: WARM_UP }, pick);
  await drive(warm, CONCURRENCY, viaApi);
  await drive(warm, CONCURRENCY, viaRaw);

  const lookups = Array.from({ length: LOOKUPS }, pick);
  const graphql = summarise('GraphQL verifyCertificate', await drive(lookups, CONCURRENCY, viaApi));
  const baseline = summarise('raw SQL (pg + node:http)', await drive(lookups, CONCURRENCY, viaRaw));
  const fmt = (n: number) => n.toFixed(1);
  console.log(
    `\nCertificate verification: ${LOOKUPS} lookups of ${CERTIFICATES} certificates, ${CONCURRENCY} concurrent clients`,
  );
  for (const row of [graphql, baseline]) {
    console.log(
      `  ${row.name.padEnd(28)} ${fmt(row.perSecond).padStart(8)} lookups/s   p50 ${fmt(row.p50)} ms   p99 ${fmt(row.p99)} ms   errors ${row.errors}${row.firstError ? ` (${row.firstError})` : ''}`,
    );
  }
  console.log(
    `  ratio ${(graphql.perSecond / baseline.perSecond).toFixed(2)}× the baseline (target ≥ 0.6×); API p99 ${fmt(graphql.p99)} ms (target ≤ 10 ms)`,
  );
} finally {
  await Promise.all(processes.map((child) => child.stop()));
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}
