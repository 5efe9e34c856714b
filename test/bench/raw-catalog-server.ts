// The benchmark's baseline: the catalog page the API serves, computed with the same SQL
// statements issued straight through `pg`, serialised with JSON.stringify. No GraphQL, no ORM.
// With `variables.search` (and optional `variables.filter`) it answers a catalog search.
import http from 'node:http';
import pg from 'pg';

const databaseUrl = process.argv[2];
const port = Number(process.argv[3] ?? 0);
if (!databaseUrl) throw new Error('usage: raw-catalog-server <databaseUrl> <port>');
// The API's pool policy (DATABASE_POOL_MIN defaults to DATABASE_POOL_MAX): idle connections stay
// open. With pg's default (closed after 10 s idle) a baseline whose open loop followed another
// contender's reconnected during it and measured that instead (ARCHITECTURE.md, "Open-loop
// stalls of the cold catalog").
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, min: 10 });

// Fixed statements run prepared (named), as the API's fixed hot reads are (ARCHITECTURE.md,
// "GraphQL served in front of Express; prepared statements for the fixed hot reads").
const prepared = (name: string, text: string, values: unknown[]) =>
  pool.query({ name, text, values });

interface CatalogVariables {
  first?: number;
  search?: string | null;
  filter?: { kind?: string; price?: 'FREE' | 'PAID'; creditBody?: string; level?: string } | null;
}

const COLUMNS = `c.id, c.slug, c."ownerId", c."publishedAt", v.id AS "versionId", v.number, v.title,
  v.summary, v.description, v.kind, v.level, v."priceCents", v.currency,
  v."coverImageUrl", v."instructionalMinutes"`;

/** Search mode: the same full-text query, filters and ranking as the API, in plain SQL. */
function searchStatements(variables: CatalogVariables, first: number) {
  const params: unknown[] = [variables.search];
  const where = [
    `c.status = 'PUBLISHED'`,
    `c."publishedAt" IS NOT NULL`,
    `v."publishedAt" IS NOT NULL`,
    `v."searchVector" @@ q.query`,
  ];
  const filter = variables.filter ?? {};
  if (filter.kind) where.push(`v.kind = $${params.push(filter.kind)}::"CourseKind"`);
  if (filter.level) where.push(`v.level = $${params.push(filter.level)}::"CourseLevel"`);
  if (filter.price === 'FREE') where.push(`v."priceCents" = 0`);
  if (filter.price === 'PAID') where.push(`v."priceCents" > 0`);
  if (filter.creditBody) {
    where.push(`EXISTS (SELECT 1 FROM "CreditApproval" a WHERE a."versionId" = v.id
      AND a.body = $${params.push(filter.creditBody)}::"CreditBody")`);
  }
  const from = `FROM "Course" c JOIN "CourseVersion" v ON v.id = c."latestPublishedVersionId"
    CROSS JOIN websearch_to_tsquery('english', $1) AS q(query) WHERE ${where.join(' AND ')}`;
  return [
    pool.query(
      `SELECT ${COLUMNS}, ts_rank_cd(v."searchVector", q.query) AS rank ${from}
        ORDER BY rank DESC, c."publishedAt" DESC, c.id DESC LIMIT $${params.length + 1}`,
      [...params, first + 1],
    ),
    pool.query(`SELECT count(*)::int AS n ${from}`, params),
  ] as const;
}

async function catalogPage(variables: CatalogVariables) {
  const first = variables.first ?? 12;
  const [page, count] = await Promise.all(
    variables.search
      ? searchStatements(variables, first)
      : ([
          pool.query(
            `SELECT ${COLUMNS}
               FROM "Course" c JOIN "CourseVersion" v ON v.id = c."latestPublishedVersionId"
              WHERE c.status = 'PUBLISHED'
              ORDER BY c."publishedAt" DESC, c.id DESC LIMIT $1`,
            [first + 1],
          ),
          // The product's count conditions, which its partial index "Course_catalog_count_idx"
          // serves (migration 20261205110000): the same rows counted the same way.
          pool.query(
            `SELECT count(*)::int AS n FROM "Course" c WHERE c.status = 'PUBLISHED'
               AND c."publishedAt" IS NOT NULL AND c."catalogPriceCents" IS NOT NULL`,
          ),
        ] as const),
  );
  const rows = page.rows.slice(0, first);
  const ownerIds = [...new Set(rows.map((row) => row.ownerId))];
  const versionIds = rows.map((row) => row.versionId);
  const [owners, credits, modules] = await Promise.all([
    prepared('owners', `SELECT id, name, bio FROM "User" WHERE id = ANY($1::uuid[])`, [ownerIds]),
    prepared(
      'credits',
      `SELECT "versionId", body, "bodyName", "ceuAmount", category, "validFrom", "validUntil"
         FROM "CreditApproval" WHERE "versionId" = ANY($1::uuid[]) ORDER BY body, "createdAt"`,
      [versionIds],
    ),
    prepared(
      'modules',
      `SELECT id, "versionId", title, position FROM "Module"
        WHERE "versionId" = ANY($1::uuid[]) ORDER BY position`,
      [versionIds],
    ),
  ]);
  const lessons = await prepared(
    'lessons',
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
      const data = await catalogPage(body.variables ?? {});
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
