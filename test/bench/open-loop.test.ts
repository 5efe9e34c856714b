import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoop } from './compare';

// A server that answers in ~1 ms, answers one request with a GraphQL error and, on one other,
// blocks its event loop for 150 ms (a stall, as a long GC pause would).
let server: http.Server;
let url: string;
beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as { kind: string };
      if (body.kind === 'stall') {
        const until = performance.now() + 150;
        while (performance.now() < until);
      }
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify(body.kind === 'fail' ? { errors: [{ message: 'boom' }] } : { data: {} }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('openLoop', () => {
  it('sends at the fixed rate from its own process and counts each latency from its due time', async () => {
    const kinds = Array.from({ length: 100 }, (_, index) =>
      index === 30 ? 'stall' : index === 60 ? 'fail' : 'ok',
    );
    const started = performance.now();
    const result = await openLoop(
      kinds.map((kind) => ({ url, body: { kind } })),
      100,
      1,
      { warmUp: 0 },
    );
    expect(result.requests).toBe(100);
    expect(result.errors).toBe(1);
    expect(result.firstError).toBe('boom');
    // Requests 31-44 were due while the server was stalled: each waited for it, and each one's
    // latency counts from when it was due, not from when the server could take it.
    expect(result.p50).toBeLessThan(50);
    expect(result.max).toBeGreaterThan(140);
    expect(result.p99).toBeGreaterThan(100);
    expect(result.perSecondP99).toHaveLength(1);
    expect(result.clientGcPauseMaxMs).toBeGreaterThanOrEqual(0);
    // A share of the measured loop's time (where the kernel reports CPU pressure at all).
    if (result.cpuPressure !== null) {
      expect(result.cpuPressure).toBeGreaterThanOrEqual(0);
      expect(result.cpuPressure).toBeLessThanOrEqual(1);
    }
    // One second of requests in an open loop, plus the client process's start.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
