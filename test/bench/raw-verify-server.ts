// Baseline for bench/verify.ts: the same certificate lookup as verifyCertificate (by serial,
// with the superseding certificate's serial), in hand-written SQL over pg, behind a bare
// node:http server answering POST {"serial": "..."}. No GraphQL, no ORM.
import http from 'node:http';
import pg from 'pg';

const [databaseUrl, port] = process.argv.slice(2);
// The API's pool settings (prisma/src/client.ts, DATABASE_POOL_MIN): 10 connections, kept open
// while idle. With pg's default (closed after 10 s idle), the baseline's connections closed while
// the other contenders' rounds ran, and every round paid for new backends and re-prepared
// statements.
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, min: 10 });

// Fixed statements run prepared (named), as the API's fixed hot reads are (ARCHITECTURE.md,
// "GraphQL served in front of Express; prepared statements for the fixed hot reads").
const prepared = (name: string, text: string, values: unknown[]) =>
  pool.query({ name, text, values });

const server = http.createServer((req, res) => {
  if (req.method !== 'POST') {
    res.end('ok');
    return;
  }
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', async () => {
    try {
      const { serial } = JSON.parse(body) as { serial: string };
      const { rows } = await prepared(
        'verify',
        `SELECT c."snapshot", c."revokedAt", c."revocationReason", n."serial" AS "supersededBySerial"
           FROM "Certificate" c LEFT JOIN "Certificate" n ON n."supersedesId" = c."id"
          WHERE c."serial" = $1`,
        [serial],
      );
      const row = rows[0];
      const status = !row
        ? 'NOT_FOUND'
        : row.supersededBySerial
          ? 'SUPERSEDED'
          : row.revokedAt
            ? 'REVOKED'
            : 'VALID';
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          data: { verifyCertificate: { status, serial, certificate: row ?? null } },
        }),
      );
    } catch (error) {
      res.statusCode = 500;
      res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});
server.listen(Number(port), '127.0.0.1');
