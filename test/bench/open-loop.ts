// The open-loop load generator, run in a process of its own (open-loop-client.ts; `openLoop` in
// compare.ts starts it): sends one request every 1000/rate ms whatever the earlier ones are
// doing and reports each one's latency. Each latency counts from the moment its request was due
// (no coordinated omission). A process of its own because the benchmark's main process holds
// the fixtures and every closed-loop outcome: its garbage collector paused it for 10-20 ms
// every second and once for 183 ms, and each pause was charged to whichever server was being
// measured (ARCHITECTURE.md, "The open loop's client in a process of its own"). Here the heap
// stays small, requests go through node:http with keep-alive (less garbage than fetch), and the
// report says how long this process itself was paused, so a reader can check it.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { PerformanceObserver } from 'node:perf_hooks';

export interface HttpCall {
  url: string;
  body: unknown;
  headers?: Record<string, string>;
}

export interface OpenLoopPlan {
  rate: number;
  seconds: number;
  /** Request i is calls[i % calls.length]. */
  calls: HttpCall[];
  /** Unmeasured requests first, two at a time (this process's JIT, the server's sockets). */
  warmUp: number;
}

export interface OpenLoopReport {
  /** Latency of request i from its due time, in ms, in the order they were due. */
  ms: number[];
  errors: number;
  firstError?: string;
  /** This process's garbage-collection pauses during the measured loop. */
  clientGcPauseMaxMs: number;
  clientGcPauseTotalMs: number;
  /** How late the latest request left this process after it was due. */
  clientStartLagMaxMs: number;
  /**
   * The share of the measured loop's time in which some runnable task of the machine waited for
   * a CPU (on a shared box, how much the neighbours' load was in the way), or null where the
   * kernel does not report it.
   */
  cpuPressure: number | null;
}

/**
 * Milliseconds so far in which some runnable task of this machine waited for a CPU (the kernel's
 * pressure stall information, `/proc/pressure/cpu`), or null where the kernel does not report it.
 */
function cpuPressureMs(): number | null {
  try {
    const total = /^some .*total=(\d+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1];
    return total === undefined ? null : Number(total) / 1000;
  } catch {
    return null;
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

interface Prepared {
  url: URL;
  headers: Record<string, string | number>;
  body: Buffer;
}

function prepare(call: HttpCall): Prepared {
  const body = Buffer.from(JSON.stringify(call.body));
  return {
    url: new URL(call.url),
    headers: {
      'content-type': 'application/json',
      'content-length': body.length,
      ...call.headers,
    },
    body,
  };
}

/** POSTs and resolves with null on a 2xx answer without GraphQL errors, else what went wrong. */
function send(call: Prepared): Promise<string | null> {
  return new Promise((resolve) => {
    const request = http.request(
      call.url,
      { method: 'POST', headers: call.headers, agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status < 200 || status >= 300) return resolve(`HTTP ${status}`);
          try {
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
              errors?: { message: string }[];
            };
            resolve(json.errors ? (json.errors[0]?.message ?? 'GraphQL errors') : null);
          } catch (error) {
            resolve(`unreadable answer: ${String(error)}`);
          }
        });
        response.on('error', (error) => resolve(String(error)));
      },
    );
    request.on('error', (error) => resolve(String(error)));
    request.end(call.body);
  });
}

export async function runOpenLoop(plan: OpenLoopPlan): Promise<OpenLoopReport> {
  const calls = plan.calls.map(prepare);
  for (let index = 0; index < plan.warmUp; index += 2) {
    await Promise.all([
      send(calls[index % calls.length]!),
      send(calls[(index + 1) % calls.length]!),
    ]);
  }
  const total = Math.round(plan.rate * plan.seconds);
  const interval = 1000 / plan.rate;
  const ms = new Array<number>(total).fill(0);
  const failures: string[] = [];
  let gcMax = 0;
  let gcTotal = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMax = Math.max(gcMax, entry.duration);
      gcTotal += entry.duration;
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  let startLagMax = 0;
  const pending: Promise<void>[] = [];
  const pressureBefore = cpuPressureMs();
  const started = performance.now();
  for (let index = 0; index < total; index++) {
    const due = started + index * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    startLagMax = Math.max(startLagMax, performance.now() - due);
    pending.push(
      send(calls[index % calls.length]!).then((failure) => {
        ms[index] = performance.now() - due;
        if (failure !== null) failures.push(failure);
      }),
    );
  }
  await Promise.all(pending);
  const pressureAfter = cpuPressureMs();
  const elapsedMs = performance.now() - started;
  gc.disconnect();
  return {
    ms,
    errors: failures.length,
    firstError: failures[0],
    clientGcPauseMaxMs: gcMax,
    clientGcPauseTotalMs: gcTotal,
    clientStartLagMaxMs: startLagMax,
    cpuPressure:
      pressureBefore === null || pressureAfter === null
        ? null
        : (pressureAfter - pressureBefore) / elapsedMs,
  };
}

/** Closes the kept-alive sockets (the process can then exit). */
export function closeConnections() {
  agent.destroy();
}
