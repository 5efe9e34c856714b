// The benchmark's baseline: the catalog page the API serves, computed with the same SQL
// statements issued straight through `pg`, serialised with JSON.stringify. No GraphQL, no ORM.
import http from 'node:http';
import pg from 'pg';

const databaseUrl = process.argv[2];
const port = Number(process.argv[3] ?? 0);
if (!databaseUrl) throw new Error('usage: raw-catalog-server <databaseUrl> <port>');
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });

async function catalogPage(first: number) {
  const [page, count] = await Promise.all([
    pool.query(
      `SELECT c.id, c.slug, c."ownerId", c."publishedAt", v.id AS "versionId", v.number, v.title,
              v.summary, v.description, v.kind, v.level, v."priceCents", v.currency,
              v."coverImageUrl", v."instructionalMinutes"
         FROM "Course" c JOIN "CourseVersion" v ON v.id = c."latestPublishedVersionId"
        WHERE c.status = 'PUBLISHED'
        ORDER BY c."publishedAt" DESC, c.id DESC LIMIT $1`,
      [first + 1],
    ),
    pool.query(`SELECT count(*)::int AS n FROM "Course" WHERE status = 'PUBLISHED'`),
  ]);
  const rows = page.rows.slice(0, first);
  const ownerIds = [...new Set(rows.map((row) => row.ownerId))];
  const versionIds = rows.map((row) => row.versionId);
  const [owners, credits, modules] = await Promise.all([
    pool.query(`SELECT id, name, bio FROM "User" WHERE id = ANY($1::uuid[])`, [ownerIds]),
    pool.query(
      `SELECT "versionId", body, "bodyName", "ceuAmount", category, "validFrom", "validUntil"
         FROM "CreditApproval" WHERE "versionId" = ANY($1::uuid[]) ORDER BY body, "createdAt"`,
      [versionIds],
    ),
    pool.query(
      `SELECT id, "versionId", title, position FROM "Module"
        WHERE "versionId" = ANY($1::uuid[]) ORDER BY position`,
      [versionIds],
    ),
  ]);
  const lessons = await pool.query(
    `SELECT id, "moduleId", title, kind, "estimatedMinutes", required FROM "Lesson"
      WHERE "moduleId" = ANY($1::uuid[]) ORDER BY position`,
    [modules.rows.map((row) => row.id)],
  );
  const ownerById = new Map(owners.rows.map((row) => [row.id, row]));
  return {
    totalCount: count.rows[0].n,
    hasNextPage: page.rows.length > first,
    edges: rows.map((row) => ({
      node: {
        ...row,
        instructor: ownerById.get(row.ownerId),
        credits: credits.rows.filter((credit) => credit.versionId === row.versionId),
        modules: modules.rows
          .filter((module) => module.versionId === row.versionId)
          .map((module) => ({
            ...module,
            lessons: lessons.rows.filter((lesson) => lesson.moduleId === module.id),
          })),
      },
    })),
  };
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {};
      const data = await catalogPage(body.variables?.first ?? 12);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data }));
    } catch (error) {
      res.writeHead(500);
      res.end(String(error));
    }
  });
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(`listening ${address.port}`);
});
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
