// Side-by-side measurement for the benchmarks: several servers doing the same work, run in
// interleaved rounds (A, B, C, then C, B, A, …) so a neighbour's load on this shared machine
// hits every contender alike, with the Node CPU of each server process and the PostgreSQL CPU
// (postmaster and all its children) per request, read from /proc. Also an open-loop driver
// (requests started at a fixed rate whether or not earlier ones answered), whose p99 is the
// latency a user sees at that load rather than the queueing of a closed loop.
// Figures are printed, never asserted.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { drive, type Outcome, percentile } from './load';
import type { HttpCall, OpenLoopPlan, OpenLoopReport } from './open-loop';

const run = promisify(execFile);
const benchDir = path.dirname(fileURLToPath(import.meta.url));

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on every Linux build). */
const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at state (field 3).
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU milliseconds (user + system) a process has used so far; with `children`, reaped ones too. */
export function processCpuMs(pid: number, children = false): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
  const ticks =
    Number(fields[11]) +
    Number(fields[12]) +
    (children ? Number(fields[13]) + Number(fields[14]) : 0);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * CPU milliseconds used so far by a PostgreSQL server: its postmaster (from `postmaster.pid`
 * in the data folder), every live child (backends, walwriter, …) and the children it reaped.
 */
export function postgresCpuMs(dataDir: string): number {
  const postmaster = Number(
    readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  let total = processCpuMs(postmaster, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    // fields[1] is field 4: the parent pid.
    if (fields && Number(fields[1]) === postmaster) total += processCpuMs(Number(entry));
  }
  return total;
}

export interface Contender<Item> {
  name: string;
  /** The server process whose Node CPU is charged to this contender. */
  pid: number;
  /** The requests this contender makes (its own items: writes must not collide). */
  items: Item[];
  work: (item: Item) => Promise<Outcome>;
}

export interface Result {
  name: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  firstError?: string;
  nodeCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number;
}

/**
 * Runs every contender's items in `rounds` interleaved rounds of `concurrency` concurrent
 * requests (the order reversed every other round) and answers one result per contender.
 */
export async function interleaved<Item>(
  contenders: Contender<Item>[],
  options: { rounds: number; concurrency: number; postgresDataDir: string },
): Promise<Result[]> {
  const totals = contenders.map(() => ({
    outcomes: [] as Outcome[],
    seconds: 0,
    nodeCpu: 0,
    postgresCpu: 0,
  }));
  for (let round = 0; round < options.rounds; round++) {
    const order = contenders.map((_, index) => index);
    if (round % 2 === 1) order.reverse();
    for (const index of order) {
      const contender = contenders[index]!;
      const size = Math.ceil(contender.items.length / options.rounds);
      const chunk = contender.items.slice(round * size, (round + 1) * size);
      if (chunk.length === 0) continue;
      const node = processCpuMs(contender.pid);
      const postgres = postgresCpuMs(options.postgresDataDir);
      const run = await drive(chunk, options.concurrency, contender.work);
      totals[index]!.nodeCpu += processCpuMs(contender.pid) - node;
      totals[index]!.postgresCpu += postgresCpuMs(options.postgresDataDir) - postgres;
      totals[index]!.outcomes.push(...run.outcomes);
      totals[index]!.seconds += run.seconds;
    }
  }
  return contenders.map((contender, index) => {
    const total = totals[index]!;
    const ms = total.outcomes.map((outcome) => outcome.ms);
    const failed = total.outcomes.filter((outcome) => !outcome.ok);
    return {
      name: contender.name,
      requests: total.outcomes.length,
      perSecond: total.outcomes.length / total.seconds,
      p50: percentile(ms, 50),
      p99: percentile(ms, 99),
      errors: failed.length,
      firstError: failed[0]?.error,
      nodeCpuMsPerRequest: total.nodeCpu / total.outcomes.length,
      postgresCpuMsPerRequest: total.postgresCpu / total.outcomes.length,
    };
  });
}

/**
 * Open loop: starts one request every 1000/rate ms for `seconds`, whatever the earlier ones
 * are doing; each latency counts from the moment the request was due (no coordinated omission).
 * The requests leave from a process of their own (open-loop-client.ts), so this process's
 * garbage collection is not charged to the server; request i is `calls[i % calls.length]`.
 * Also answers the p99 of each second (stalls spread out, or one burst?), the machine's CPU
 * pressure during the loop (the share of time some runnable task waited for a CPU: on a shared
 * box, how much the neighbours' load was in the way; ARCHITECTURE.md, "Open-loop stalls") and
 * the client's own GC pauses and start lag. `warmUp`: unmeasured requests first.
 */
export async function openLoop(
  calls: HttpCall[],
  ratePerSecond: number,
  seconds: number,
  { warmUp = 50 } = {},
) {
  const folder = await mkdtemp(path.join(tmpdir(), 'lms-open-loop-'));
  try {
    const planFile = path.join(folder, 'plan.json');
    const plan: OpenLoopPlan = { rate: ratePerSecond, seconds, calls, warmUp };
    await writeFile(planFile, JSON.stringify(plan));
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(benchDir, 'open-loop-client.ts'), planFile],
      { cwd: path.dirname(benchDir), maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(stdout) as OpenLoopReport;
    const { ms } = report;
    const perSecondP99 = Array.from({ length: Math.ceil(ms.length / ratePerSecond) }, (_, second) =>
      percentile(ms.slice(second * ratePerSecond, (second + 1) * ratePerSecond), 99),
    );
    return {
      rate: ratePerSecond,
      requests: ms.length,
      p50: percentile(ms, 50),
      p99: percentile(ms, 99),
      max: Math.max(...ms),
      errors: report.errors,
      firstError: report.firstError,
      perSecondP99,
      clientGcPauseMaxMs: report.clientGcPauseMaxMs,
      clientStartLagMaxMs: report.clientStartLagMaxMs,
      cpuPressure: report.cpuPressure,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Prints results as a table, each contender's throughput as a ratio of the baseline's. */
export function printResults(title: string, results: Result[], baselineName: string) {
  const baseline = results.find((result) => result.name === baselineName) ?? results[0]!;
  const line = (cells: (string | number)[]) =>
    console.log(cells.map((cell, i) => String(cell).padEnd(i === 0 ? 40 : 10)).join(''));
  console.log(`\n${title}\n`);
  line(['contender', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'ratio', 'node ms', 'pg ms']);
  for (const result of results) {
    line([
      result.name,
      result.perSecond.toFixed(0),
      result.p50.toFixed(1),
      result.p99.toFixed(1),
      result.errors,
      (result.perSecond / baseline.perSecond).toFixed(2),
      result.nodeCpuMsPerRequest.toFixed(2),
      result.postgresCpuMsPerRequest.toFixed(2),
    ]);
    if (result.firstError) console.log(`  first error: ${result.firstError}`);
  }
  console.log('(node ms / pg ms: CPU per request of the server process / of PostgreSQL)');
}
