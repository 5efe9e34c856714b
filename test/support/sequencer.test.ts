import { describe, expect, it } from 'vitest';
import { groupSharedWorkerProjects } from './sequencer';

const spec = (project: string, isolate: boolean, file: string) => ({
  project: { name: project, config: { isolate } },
  file,
});

describe('groupSharedWorkerProjects', () => {
  it("moves a shared-worker project's files up to its longest one and keeps isolated files in place", () => {
    const longestFirst = [
      spec('test', true, 'journey-a'),
      spec('api', false, 'api-long'),
      spec('test', true, 'journey-b'),
      spec('core', false, 'core-long'),
      spec('api', false, 'api-mid'),
      spec('test', true, 'short'),
      spec('core', false, 'core-short'),
      spec('api', false, 'api-short'),
    ];
    expect(groupSharedWorkerProjects(longestFirst).map((s) => s.file)).toEqual([
      'journey-a',
      'api-long',
      'api-mid',
      'api-short',
      'journey-b',
      'core-long',
      'core-short',
      'short',
    ]);
  });

  it('leaves an order without shared-worker projects as it is', () => {
    const files = [spec('test', true, 'a'), spec('web', true, 'b'), spec('test', true, 'c')];
    expect(groupSharedWorkerProjects(files)).toEqual(files);
  });
});
