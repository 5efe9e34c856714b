// The catalog's second baseline: a plain graphql-js server (node:http, graphql-js `execute`,
// per-request DataLoaders) issuing the product's own catalog statements through `pg`. What
// the API costs above it is the cost of Apollo Server, Express, type-graphql and the API's
// own per-request work. Answers the same `courses` query shape the benchmark asks for
// (NEWEST, and RELEVANCE for a search, with the catalog's filters).
import http from 'node:http';
import DataLoader from 'dataloader';
import {
  execute,
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLNullableType,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  validate,
} from 'graphql';
import pg from 'pg';
import {
  catalogStatements,
  creditsSql,
  type Filter,
  instructorsSql,
  syllabusSql,
} from './catalog-sql';

const databaseUrl = process.argv[2];
const port = Number(process.argv[3] ?? 0);
if (!databaseUrl) throw new Error('usage: plain-graphql-server <databaseUrl> <port>');
// The API's pool policy (DATABASE_POOL_MIN defaults to DATABASE_POOL_MAX): idle connections stay
// open. With pg's default (closed after 10 s idle) a baseline whose open loop followed another
// contender's reconnected during it and measured that instead (ARCHITECTURE.md, "Open-loop
// stalls of the cold catalog").
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, min: 10 });

// Fixed statements run prepared (named), as the API's fixed hot reads are (ARCHITECTURE.md,
// "GraphQL served in front of Express; prepared statements for the fixed hot reads").
const prepared = (name: string, text: string, values: unknown[]) =>
  pool.query({ name, text, values });

interface Loaders {
  instructors: DataLoader<string, { name: string; bio: string | null }[]>;
  credits: DataLoader<string, Record<string, unknown>[]>;
  syllabus: DataLoader<string, { lessons: unknown[] }[]>;
}

function grouped(keys: readonly string[], rows: Record<string, unknown>[], column: string) {
  const groups = new Map<string, Record<string, unknown>[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(row[column] as string)?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

function loaders(): Loaders {
  return {
    instructors: new DataLoader(
      async (ids) =>
        grouped(
          ids,
          (await prepared('instructors', instructorsSql, [ids])).rows,
          'courseId',
        ) as never,
    ),
    credits: new DataLoader(async (ids) =>
      grouped(ids, (await prepared('credits', creditsSql, [ids])).rows, 'versionId'),
    ),
    syllabus: new DataLoader(
      async (ids) =>
        grouped(ids, (await prepared('syllabus', syllabusSql, [ids])).rows, 'versionId') as never,
    ),
  };
}

const nn = <T extends GraphQLNullableType>(type: T) => new GraphQLNonNull(type);
const Lesson = new GraphQLObjectType({
  name: 'Lesson',
  fields: {
    title: { type: nn(GraphQLString) },
    kind: { type: nn(GraphQLString) },
    estimatedMinutes: { type: nn(GraphQLInt) },
  },
});
const Module = new GraphQLObjectType({
  name: 'Module',
  fields: {
    title: { type: nn(GraphQLString) },
    lessons: { type: nn(new GraphQLList(nn(Lesson))) },
  },
});
const Instructor = new GraphQLObjectType({
  name: 'Instructor',
  fields: { name: { type: nn(GraphQLString) }, bio: { type: GraphQLString } },
});
const Credit = new GraphQLObjectType({
  name: 'Credit',
  fields: {
    body: { type: nn(GraphQLString) },
    ceuAmount: { type: nn(GraphQLString) },
    category: { type: nn(GraphQLString) },
    validUntil: { type: nn(GraphQLString) },
  },
});
const Money = new GraphQLObjectType({
  name: 'Money',
  fields: { amountCents: { type: nn(GraphQLInt) }, currency: { type: nn(GraphQLString) } },
});
// biome-ignore lint/suspicious/noExplicitAny: rows straight from pg
const Course = new GraphQLObjectType<Record<string, any>, Loaders>({
  name: 'Course',
  fields: {
    id: { type: nn(GraphQLID) },
    slug: { type: nn(GraphQLString) },
    title: { type: nn(GraphQLString) },
    summary: { type: nn(GraphQLString) },
    kind: { type: nn(GraphQLString) },
    level: { type: nn(GraphQLString) },
    instructionalMinutes: { type: nn(GraphQLInt) },
    publishedAt: { type: nn(GraphQLString), resolve: (course) => course.publishedAt.toISOString() },
    price: {
      type: nn(Money),
      resolve: (course) => ({ amountCents: course.priceCents, currency: course.currency }),
    },
    isFree: { type: nn(GraphQLBoolean), resolve: (course) => course.priceCents === 0 },
    instructor: {
      type: Instructor,
      resolve: async (course, _args, ctx) =>
        (await ctx.instructors.load(course.id)).find(
          (row) => (row as { isOwner?: boolean }).isOwner,
        ) ?? null,
    },
    credits: {
      type: nn(new GraphQLList(nn(Credit))),
      resolve: (course, _a, ctx) => ctx.credits.load(course.versionId),
    },
    modules: {
      type: nn(new GraphQLList(nn(Module))),
      resolve: (course, _a, ctx) => ctx.syllabus.load(course.versionId),
    },
  },
});
const Edge = new GraphQLObjectType({
  name: 'Edge',
  fields: { cursor: { type: nn(GraphQLString) }, node: { type: nn(Course) } },
});
const PageInfo = new GraphQLObjectType({
  name: 'PageInfo',
  fields: { hasNextPage: { type: nn(GraphQLBoolean) }, endCursor: { type: GraphQLString } },
});
const Connection = new GraphQLObjectType({
  name: 'Connection',
  fields: {
    totalCount: { type: nn(GraphQLInt) },
    pageInfo: { type: nn(PageInfo) },
    edges: { type: nn(new GraphQLList(nn(Edge))) },
  },
});
const CourseFilter = new GraphQLInputObjectType({
  name: 'CourseFilter',
  fields: {
    kind: { type: GraphQLString },
    price: { type: GraphQLString },
    creditBody: { type: GraphQLString },
    level: { type: GraphQLString },
  },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      courses: {
        type: nn(Connection),
        args: {
          first: { type: GraphQLInt },
          search: { type: GraphQLString },
          filter: { type: CourseFilter },
          ignored: { type: GraphQLFloat },
        },
        resolve: async (_root, args: { first?: number; search?: string; filter?: Filter }) => {
          const first = args.first ?? 12;
          const [page, count] = await Promise.all(
            catalogStatements(args.search ?? null, args.filter ?? {}, first).map(([text, values]) =>
              pool.query(text, values),
            ),
          );
          const rows = page!.rows.slice(0, first);
          return {
            totalCount: count!.rows[0].n,
            pageInfo: {
              hasNextPage: page!.rows.length > first,
              endCursor: rows.at(-1)?.id ?? null,
            },
            edges: rows.map((row) => ({ cursor: row.id, node: row })),
          };
        },
      },
    },
  }),
});

const documents = new Map<string, ReturnType<typeof parse>>();
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : null;
      if (!body) {
        res.end('ok');
        return;
      }
      // Parsed and validated once per distinct query text, like any server with a document cache.
      let document = documents.get(body.query);
      if (!document) {
        document = parse(body.query);
        const errors = validate(schema, document);
        if (errors.length) throw new Error(errors[0]!.message);
        documents.set(body.query, document);
      }
      const result = await execute({
        schema,
        document,
        variableValues: body.variables,
        contextValue: loaders(),
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(result));
    } catch (error) {
      res.writeHead(500);
      res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
