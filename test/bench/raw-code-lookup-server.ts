// Baseline for bench/code-sets.ts: the same ranked code look-up as the API's codeLookup (code
// prefix first, then full-text words), in hand-written SQL over pg, behind a bare node:http
// server answering POST {"releaseId": "...", "query": "..."}. No GraphQL, no ORM.
import http from 'node:http';
import pg from 'pg';

const [databaseUrl, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, min: 10 });

const SQL = `
  WITH hits AS (
    SELECT c."code", c."billable", c."shortDescription", c."longDescription",
           CASE WHEN c."code" = $3 THEN 3 ELSE 2 END AS tier, 0::real AS score
      FROM "CodeSetCode" c
     WHERE $3::text IS NOT NULL AND c."releaseId" = $1 AND c."code" LIKE $3 || '%'
    UNION ALL
    SELECT m."code", m."billable", m."shortDescription", m."longDescription",
           1 AS tier, ts_rank_cd(m."searchVector", q) AS score
      FROM websearch_to_tsquery('english', $2) q,
           LATERAL (SELECT * FROM "CodeSetCode" c
                     WHERE c."releaseId" = $1 AND c."searchVector" @@ q LIMIT 2000) m
  )
  SELECT "code", "billable", "shortDescription", "longDescription" FROM hits
   ORDER BY tier DESC, score DESC, length("code"), "code" LIMIT 40`;

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
      const { releaseId, query } = JSON.parse(body) as { releaseId: string; query: string };
      const key = query.toUpperCase().replace(/\./g, '');
      const prefix = /^[A-Z0-9]{1,7}$/.test(key) && /[0-9]/.test(key) ? key : null;
      const { rows } = await pool.query(SQL, [releaseId, query, prefix]);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { codeLookup: { results: rows.slice(0, 20) } } }));
    } catch (error) {
      res.statusCode = 500;
      res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});
server.listen(Number(port), '127.0.0.1');
