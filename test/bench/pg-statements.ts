// pg_stat_statements for the benchmarks: `pgStatementSettings` loads the extension into the
// benchmark's PostgreSQL; `resetStatementStats` before the measured rounds and
// `printStatementStats` after them print each statement's calls, execution and planning time
// per call, blocks and WAL (every contender's statements, told apart by their text; timing adds
// a little overhead to every contender alike).
import pg from 'pg';

export const pgStatementSettings = {
  shared_preload_libraries: 'pg_stat_statements',
  'pg_stat_statements.track': 'all',
  'pg_stat_statements.track_planning': 'on',
};

async function statementsQuery(databaseUrl: string, text: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

export async function resetStatementStats(databaseUrl: string) {
  await statementsQuery(databaseUrl, 'SELECT pg_stat_statements_reset()');
}

/** Statements run at least `minCalls` times since the reset, costliest first. */
export async function printStatementStats(databaseUrl: string, minCalls: number) {
  const rows = await statementsQuery(
    databaseUrl,
    `SELECT calls::int, round((total_exec_time / calls)::numeric, 3)::float AS ms,
            round((total_plan_time / calls)::numeric, 3)::float AS plan, plans::int,
            rows::int, round((shared_blks_hit + shared_blks_read)::numeric / calls, 1)::float AS blocks,
            round(wal_bytes / calls)::int AS wal, regexp_replace(query, '\\s+', ' ', 'g') AS query
       FROM pg_stat_statements WHERE calls >= ${Math.floor(minCalls)}
      ORDER BY total_exec_time + total_plan_time DESC`,
  );
  console.log(
    '\npg_stat_statements over the measured rounds (calls; exec and plan ms per call, plans; blocks and WAL bytes per call):',
  );
  for (const row of rows) {
    console.log(
      `${String(row.calls).padStart(6)} ${String(row.ms).padStart(7)} ms ${String(row.plan).padStart(6)} plan (${row.plans}) ${String(row.blocks).padStart(5)} blk ${String(row.wal).padStart(5)} B  ${String(row.query).slice(0, 160)}`,
    );
  }
}
