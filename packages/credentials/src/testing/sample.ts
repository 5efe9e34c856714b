import type { TranscriptInput } from '../pdf/transcript.js';
import type { CertificateSnapshot } from '../types.js';

/** Sample data shared by tests and the sample renderer. Fictional learner; no CPT content. */
export const SAMPLE_PROGRAM_TITLE =
  'ICD-10-CM Official Guidelines for Coding and Reporting: FY2027 Update';

export function sampleSnapshot(overrides: Partial<CertificateSnapshot> = {}): CertificateSnapshot {
  return {
    serial: 'CEU-7K3M-9QXD-H2TB',
    participantName: 'Jordan A. Rivera',
    programTitle: SAMPLE_PROGRAM_TITLE,
    sponsoringOrganization: 'CodeCred LMS',
    completionDate: '2026-11-20',
    issuedAt: '2026-11-21T15:04:05.000Z',
    credits: [
      {
        body: 'AAPC',
        bodyName: 'AAPC',
        indexNumber: 'AAPC-DEMO-0001',
        ceuAmount: '2.00',
        category: 'core',
      },
      {
        body: 'AHIMA',
        bodyName: 'American Health Information Management Association',
        indexNumber: 'AHIMA-DEMO-0001',
        ceuAmount: '2.00',
        category: 'coding',
      },
    ],
    instructionalMinutes: 125,
    completionRules: {
      requiredLessons: 8,
      postTestPassPercent: 70,
      minimumLessonTimePercent: 0,
      minimumSeatMinutes: 0,
    },
    verifyUrl: 'https://lms.codecred.example/verify/CEU-7K3M-9QXD-H2TB',
    statusListIndex: 4242,
    ...overrides,
  };
}

export function sampleTranscript(): TranscriptInput {
  return {
    learnerName: 'Jordan A. Rivera',
    generatedAt: '2026-11-27T10:00:00.000Z',
    cycles: [
      {
        credential: 'CPC (AAPC)',
        cycleStart: '2025-06-01',
        cycleEnd: '2027-05-31',
        required: '36.00',
        earned: '5.50',
        remaining: '30.50',
        entries: [
          {
            date: '2026-11-20',
            title: SAMPLE_PROGRAM_TITLE,
            body: 'AAPC',
            ceuAmount: '2.00',
            source: 'certificate',
            serial: 'CEU-7K3M-9QXD-H2TB',
            provider: 'CodeCred LMS',
            indexNumber: 'AAPC-DEMO-0001',
          },
          {
            date: '2026-03-14',
            title: 'HCPCS Level II Quarterly Update Review (Q1 2026)',
            body: 'AAPC',
            ceuAmount: '1.50',
            source: 'certificate',
            serial: 'CEU-4N8R-2WZC-K7PA',
          },
          {
            date: '2025-09-02',
            title: 'Regional chapter meeting: documentation integrity',
            body: 'AAPC',
            ceuAmount: '2.00',
            source: 'self-reported',
            provider: 'Regional AAPC chapter',
          },
        ],
      },
      {
        credential: 'CCS (AHIMA)',
        cycleStart: '2025-01-01',
        cycleEnd: '2026-12-31',
        required: '20.00',
        earned: '2.00',
        remaining: '18.00',
        entries: [
          {
            date: '2026-11-20',
            title: SAMPLE_PROGRAM_TITLE,
            body: 'AHIMA',
            ceuAmount: '2.00',
            source: 'certificate',
            serial: 'CEU-7K3M-9QXD-H2TB',
          },
        ],
      },
    ],
  };
}
