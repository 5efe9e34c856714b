// Vitest reporter (root vitest.config.ts, beside the default one): how full the workers were.
// At the end of a run it prints the files' summed time (from the moment a worker takes a file to
// its end, imports and hooks included), the wall time, what that sum over the workers would
// take, and how long before the end fewer files than workers were running (the idle tail).
// TEST_TIMELINE=<file> also writes each file's start and end, in seconds from the run's start;
// TEST_WEIGHTS=write rewrites test/support/file-weights.json (what sequencer.ts orders by) with
// this run's per-file seconds, after a run of the whole suite in which every file passed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule, TestRunEndReason, Vitest } from 'vitest/node';
import { fileKey, weightsFile } from './sequencer';

interface FileSpan {
  key: string;
  start: number;
  end: number;
}

export default class TimelineReporter implements Reporter {
  private vitest!: Vitest;
  private runStart = Date.now();
  private readonly started = new Map<string, number>();
  private readonly spans: FileSpan[] = [];

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunStart(): void {
    this.runStart = Date.now();
  }

  onTestModuleQueued(module: TestModule): void {
    this.started.set(module.moduleId, Date.now());
  }

  onTestModuleEnd(module: TestModule): void {
    const start = this.started.get(module.moduleId) ?? this.runStart;
    this.spans.push({
      key: fileKey(this.vitest.config.root, module.project.name, module.moduleId),
      start: (start - this.runStart) / 1000,
      end: (Date.now() - this.runStart) / 1000,
    });
    // Written after every file, so that a run stopped half-way still tells where it was.
    this.writeTimeline();
  }

  private writeTimeline(): void {
    const timeline = process.env.TEST_TIMELINE;
    if (!timeline) return;
    const wall = (Date.now() - this.runStart) / 1000;
    const workers = this.vitest.config.maxWorkers;
    const fileSeconds = this.spans.reduce((sum, span) => sum + span.end - span.start, 0);
    const files = [...this.spans].sort((a, b) => a.start - b.start);
    writeFileSync(timeline, `${JSON.stringify({ wall, workers, fileSeconds, files }, null, 1)}\n`);
  }

  onTestRunEnd(
    modules: ReadonlyArray<TestModule>,
    errors: ReadonlyArray<unknown>,
    reason: TestRunEndReason,
  ): void {
    if (this.spans.length === 0) return;
    const workers = this.vitest.config.maxWorkers;
    const wall = (Date.now() - this.runStart) / 1000;
    const fileSeconds = this.spans.reduce((sum, span) => sum + span.end - span.start, 0);
    const tail = wall - lastMomentWithRunning(this.spans, workers);
    const first = Math.min(...this.spans.map((span) => span.start));
    const longest = [...this.spans]
      .sort((a, b) => b.end - b.start - (a.end - a.start))
      .slice(0, 6)
      .map((span) => `${span.key.split('/').pop()} ${Math.round(span.end - span.start)} s`);
    console.log(
      `\n Timeline  ${this.spans.length} files, ${Math.round(fileSeconds)} file-seconds in ` +
        `${Math.round(wall)} s (${Math.round(fileSeconds / workers)} s over ${workers} workers); ` +
        `the first file started at ${Math.round(first)} s; fewer than ${workers} files ran ` +
        `for the last ${Math.round(tail)} s\n` +
        ` Longest   ${longest.join(', ')}\n`,
    );
    this.writeTimeline();
    const complete = this.vitest.state.getFiles().length === this.spans.length;
    const passed = reason === 'passed' && errors.length === 0 && modules.every((m) => m.ok());
    if (process.env.TEST_WEIGHTS === 'write' && complete && passed) {
      const weights = Object.fromEntries(
        [...this.spans]
          .sort((a, b) => a.key.localeCompare(b.key))
          .map((span) => [span.key, Math.round((span.end - span.start) * 10) / 10]),
      );
      writeFileSync(weightsFile, `${JSON.stringify(weights, null, 2)}\n`);
      console.log(` Weights   written to ${path.relative(process.cwd(), weightsFile)}\n`);
    }
  }
}

/** The last moment at which `workers` files were running at once (0 if never). */
function lastMomentWithRunning(spans: FileSpan[], workers: number): number {
  const events = spans.flatMap((span) => [
    { at: span.start, change: 1 },
    { at: span.end, change: -1 },
  ]);
  events.sort((a, b) => a.at - b.at || a.change - b.change);
  let running = 0;
  let last = 0;
  for (const event of events) {
    if (running >= workers) last = event.at;
    running += event.change;
  }
  return last;
}
