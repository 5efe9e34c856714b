import { describe, expect, it } from 'vitest';
import { buildOpenBadgeCredential } from './open-badge.js';
import { sampleSnapshot } from './testing/sample.js';

const issuer = {
  id: 'https://lms.codecred.example/issuer',
  name: 'CodeCred LMS',
  url: 'https://lms.codecred.example',
};
const narrativeOf = (snapshot: ReturnType<typeof sampleSnapshot>) =>
  buildOpenBadgeCredential(
    snapshot,
    issuer,
    {
      url: 'https://lms.codecred.example/credentials/status/1',
      index: 1,
    },
    { subjectId: 'urn:uuid:00000000-0000-4000-8000-000000000001' },
  ).credentialSubject.achievement.criteria.narrative;

describe('badge criteria', () => {
  it('states the version’s real rules: post-test pass mark, minimum times, required lessons', () => {
    const narrative = narrativeOf(
      sampleSnapshot({
        completionRules: {
          requiredLessons: 6,
          postTestPassPercent: 80,
          minimumLessonTimePercent: 75,
          minimumSeatMinutes: 120,
        },
      }),
    );
    expect(narrative).toContain('all 6 required lessons');
    expect(narrative).toContain('pass its post-test with at least 80%');
    expect(narrative).toContain('at least 75% of each lesson’s estimated time');
    expect(narrative).toContain('at least 2 h of study time in total');
  });

  it('claims no post-test and no minimum time when the program has neither', () => {
    const narrative = narrativeOf(
      sampleSnapshot({
        completionRules: {
          requiredLessons: 1,
          postTestPassPercent: null,
          minimumLessonTimePercent: 0,
          minimumSeatMinutes: 0,
        },
      }),
    );
    expect(narrative).toMatch(/Complete the required lesson of/);
    expect(narrative).not.toMatch(/post-test|minimum|study time/);
  });

  it('makes no claim it cannot back for a certificate issued before the rules were recorded', () => {
    const narrative = narrativeOf(sampleSnapshot({ completionRules: undefined }));
    expect(narrative).not.toMatch(/post-test|minimum instructional time/);
    expect(narrative).toMatch(/completion requirements/);
  });
});
