// Shared load driver for the benchmarks: a fixed number of requests by N concurrent workers,
// measuring each request's latency on the client side.
import pg from 'pg';

export interface Outcome {
  ms: number;
  ok: boolean;
  error?: string;
}

/** POSTs JSON and reports latency and whether the answer was a 2xx without GraphQL errors. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { errors?: { message: string }[] };
    const ms = performance.now() - started;
    return json.errors
      ? { ms, ok: false, error: json.errors[0]!.message }
      : { ms, ok: response.ok };
  } catch (error) {
    return { ms: performance.now() - started, ok: false, error: String(error) };
  }
}

/** Runs `work(item)` for every item with `concurrency` workers; answers outcomes and wall time. */
export async function drive<Item>(
  items: Item[],
  concurrency: number,
  work: (item: Item) => Promise<Outcome>,
) {
  const outcomes: Outcome[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        outcomes.push(await work(item));
      }
    }),
  );
  return { outcomes, seconds: (performance.now() - started) / 1000 };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export function summarise(name: string, run: { outcomes: Outcome[]; seconds: number }) {
  const ms = run.outcomes.map((outcome) => outcome.ms);
  return {
    name,
    perSecond: run.outcomes.length / run.seconds,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    errors: run.outcomes.filter((outcome) => !outcome.ok).length,
    firstError: run.outcomes.find((outcome) => !outcome.ok)?.error,
  };
}

export async function deadlockCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(
    'SELECT deadlocks::int AS d FROM pg_stat_database WHERE datname = current_database()',
  );
  await client.end();
  return rows[0].d;
}
