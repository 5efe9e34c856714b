// Vitest sequencer (root vitest.config.ts, `sequence.sequencer`): the longest files first, across
// projects, from the per-file seconds of a whole run committed in file-weights.json.
//
// Vitest's BaseSequencer runs the projects one after the other (by name) and orders each
// project's files by the durations in its cache, which a clean clone (CI) does not have: there it
// goes by file size. The `test` project (browser journeys, multi-process API tests) then starts
// after about a hundred other files, and its long files end the run with one worker idle.
// Started longest first, the two workers stay busy until the short files at the end run out.
// Files the weights do not list (new ones) go first, as BaseSequencer does with files it has no
// record of; ties keep BaseSequencer's order. Refresh the weights with
// `TEST_WEIGHTS=write pnpm test` (test/support/timeline-reporter.ts).
//
// The files of a project that shares workers between files (`isolate: false`) stay together,
// longest first among themselves, placed by their longest file: Vitest's pool hands a freed
// worker process the next file in the queue and keeps that process (and its loaded modules)
// only when that file belongs to the same project; interleaved with other projects' files, every
// file would start a new process again.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const weightsFile = fileURLToPath(new URL('./file-weights.json', import.meta.url));

/** A file's key in the weights: its project's name and its path from the repository root. */
export function fileKey(root: string, project: string, moduleId: string): string {
  return `${project}:${path.relative(root, moduleId).split(path.sep).join('/')}`;
}

function readWeights(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(weightsFile, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

export default class WeightedSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const byDefault = await super.sort(files);
    const weights = readWeights();
    const root = this.ctx.config.root;
    const weightOf = (spec: TestSpecification) =>
      weights[fileKey(root, spec.project.name, spec.moduleId)] ?? Number.MAX_SAFE_INTEGER;
    // Array.prototype.sort is stable: equal weights keep BaseSequencer's order.
    const longestFirst = byDefault.sort((a, b) => weightOf(b) - weightOf(a));
    return groupSharedWorkerProjects(longestFirst);
  }
}

/**
 * `specs` (longest first) with each non-isolated project's files moved up to where its first
 * (longest) file is, in their order; isolated files keep their places.
 */
export function groupSharedWorkerProjects<
  Spec extends { project: { name: string; config: { isolate: boolean } } },
>(specs: Spec[]): Spec[] {
  const groups = new Map<string, Spec[]>();
  const units: Spec[][] = [];
  for (const spec of specs) {
    if (spec.project.config.isolate !== false) {
      units.push([spec]);
      continue;
    }
    let group = groups.get(spec.project.name);
    if (!group) {
      group = [];
      groups.set(spec.project.name, group);
      units.push(group);
    }
    group.push(spec);
  }
  return units.flat();
}
