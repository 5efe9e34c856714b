// The product's catalog statements (packages/core/src/catalog), first page only, as plain
// `pg` text + values, for the plain graphql-js baseline. Keep in step with core: the point of
// that baseline is the same SQL without the API's pipeline.

export interface Filter {
  kind?: string | null;
  price?: 'FREE' | 'PAID' | null;
  creditBody?: string | null;
  level?: string | null;
}

/** [page statement, count statement] for a first page (NEWEST, or RELEVANCE with a search). */
export function catalogStatements(
  search: string | null,
  filter: Filter,
  first: number,
): [string, unknown[]][] {
  const values: unknown[] = [];
  const where = [
    `c.status = 'PUBLISHED'`,
    `c."publishedAt" IS NOT NULL`,
    `v."publishedAt" IS NOT NULL`,
  ];
  if (search)
    where.push(`v."searchVector" @@ websearch_to_tsquery('english', $${values.push(search)})`);
  if (filter.kind) where.push(`v.kind = $${values.push(filter.kind)}::"CourseKind"`);
  if (filter.level) where.push(`v.level = $${values.push(filter.level)}::"CourseLevel"`);
  if (filter.price === 'FREE') where.push(`v."priceCents" = 0`);
  if (filter.price === 'PAID') where.push(`v."priceCents" > 0`);
  if (filter.creditBody) {
    where.push(`EXISTS (SELECT 1 FROM "CreditApproval" a WHERE a."versionId" = v.id
      AND a.body = $${values.push(filter.creditBody)}::"CreditBody" AND a."validUntil" >= current_date)`);
  }
  const from = `FROM "Course" c JOIN "CourseVersion" v ON v.id = c."latestPublishedVersionId"
    WHERE ${where.join(' AND ')}`;
  const rank = search
    ? `ts_rank_cd(v."searchVector", websearch_to_tsquery('english', $1))`
    : '0::real';
  const order = search
    ? `rank DESC, c."publishedAt" DESC, c.id DESC`
    : `c."publishedAt" DESC, c.id DESC`;
  return [
    [
      `SELECT c.id, c.slug, c."ownerId", c."publishedAt", v.id AS "versionId", v.number, v.title,
          v.summary, v.description, v.kind::text AS kind, v.level::text AS level, v."priceCents",
          v.currency, v."coverImageUrl", v."instructionalMinutes", ${rank} AS rank
        ${from} ORDER BY ${order} LIMIT $${values.length + 1}`,
      [...values, first + 1],
    ],
    [`SELECT count(*)::int AS n ${from}`, values],
  ];
}

export const instructorsSql = `
  SELECT i."courseId", u.id, u.name, u.bio
    FROM (
      SELECT c.id AS "courseId", c."ownerId" AS "userId", 0 AS rank, c."createdAt" AS "addedAt"
        FROM "Course" c WHERE c.id = ANY($1::uuid[])
      UNION ALL
      SELECT ci."courseId", ci."userId", 1, ci."addedAt"
        FROM "CourseInstructor" ci JOIN "Course" c ON c.id = ci."courseId"
       WHERE ci."courseId" = ANY($1::uuid[]) AND ci."userId" <> c."ownerId"
    ) i
    JOIN "User" u ON u.id = i."userId"
   ORDER BY i."courseId", i.rank, i."addedAt", u.id`;

export const creditsSql = `
  SELECT "versionId", body::text AS body, "bodyName", to_char("ceuAmount", 'FM9999990.00') AS "ceuAmount",
         category, "validFrom", "validUntil"
    FROM "CreditApproval"
   WHERE "versionId" = ANY($1::uuid[])
   ORDER BY body, "createdAt"`;

export const syllabusSql = `
  SELECT m.id, m."versionId", m.title, m.position,
         COALESCE(json_agg(json_build_object(
           'id', l.id, 'title', l.title, 'kind', l.kind, 'estimatedMinutes', l."estimatedMinutes",
           'required', l.required) ORDER BY l.position) FILTER (WHERE l.id IS NOT NULL), '[]') AS lessons
    FROM "Module" m LEFT JOIN "Lesson" l ON l."moduleId" = m.id
   WHERE m."versionId" = ANY($1::uuid[])
   GROUP BY m.id
   ORDER BY m.position`;
