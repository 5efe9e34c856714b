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
  const course = [
    `c.status = 'PUBLISHED'`,
    `c."publishedAt" IS NOT NULL`,
    `c."catalogPriceCents" IS NOT NULL`,
  ];
  if (filter.price === 'FREE') course.push(`c."catalogPriceCents" = 0`);
  if (filter.price === 'PAID') course.push(`c."catalogPriceCents" > 0`);
  const version: string[] = [];
  if (search) {
    version.push(`v."searchVector" @@ q.query`);
    values.push(search);
  }
  if (filter.kind) version.push(`v.kind = $${values.push(filter.kind)}::"CourseKind"`);
  if (filter.level) version.push(`v.level = $${values.push(filter.level)}::"CourseLevel"`);
  if (filter.creditBody) {
    version.push(`EXISTS (SELECT 1 FROM "CreditApproval" a WHERE a."versionId" = v.id
      AND a.body = $${values.push(filter.creditBody)}::"CreditBody" AND a."validUntil" >= current_date)`);
  }
  const join = `JOIN "CourseVersion" v ON v.id = c."latestPublishedVersionId"
    ${search ? `CROSS JOIN websearch_to_tsquery('english', $1) AS q(query)` : ''}`;
  const rank = search ? `ts_rank_cd(v."searchVector", q.query)` : '0::real';
  const order = search
    ? `${rank} DESC, c."publishedAt" DESC, c.id DESC`
    : `c."publishedAt" DESC, c.id DESC`;
  return [
    [
      `SELECT c.id, c.slug, c."ownerId", c."publishedAt", v.id AS "versionId", v.number, v.title,
          v.summary, v.description, v.kind::text AS kind, v.level::text AS level, v."priceCents",
          v.currency, v."coverImageUrl", v."coverImageAlt", v."instructionalMinutes", c."catalogTitleKey" AS "titleKey",
          ${rank}::text AS "rankKey"
        FROM "Course" c ${join}
       WHERE ${[...course, `v."publishedAt" IS NOT NULL`, ...version].join(' AND ')}
       ORDER BY ${order} LIMIT $${values.length + 1}`,
      [...values, first + 1],
    ],
    version.length === 0
      ? [`SELECT count(*)::int AS n FROM "Course" c WHERE ${course.join(' AND ')}`, values]
      : [
          `SELECT count(*)::int AS n FROM "Course" c ${join} WHERE ${[...course, ...version].join(' AND ')}`,
          values,
        ],
  ];
}

export const instructorsSql = `
  SELECT i."courseId", i."isOwner", i."addedAt", u.id, u.name, u.bio
    FROM (
      SELECT c.id AS "courseId", c."ownerId" AS "userId", true AS "isOwner", NULL::timestamptz AS "addedAt"
        FROM "Course" c WHERE c.id = ANY($1::uuid[])
      UNION ALL
      SELECT ci."courseId", ci."userId", false, ci."addedAt"
        FROM "CourseInstructor" ci WHERE ci."courseId" = ANY($1::uuid[])
    ) i
    JOIN "User" u ON u.id = i."userId"`;

export const creditsSql = `
  SELECT "versionId", body::text AS body, "bodyName", to_char("ceuAmount", 'FM9999990.00') AS "ceuAmount",
         category, "validFrom"::text AS "validFrom", "validUntil"::text AS "validUntil"
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
