import { describe, expect, it } from 'vitest';
import { buildTranscript } from './build-transcript';
import type { CeuRequirementView } from './ceu-requirements';

const rule = (
  r: Partial<CeuRequirementView> & Pick<CeuRequirementView, 'body' | 'credential' | 'baseCeus'>,
): CeuRequirementView => ({
  id: `${r.body}-${r.credential}-${r.effectiveFrom ?? '2000-01-01'}`,
  effectiveFrom: '2000-01-01',
  cycleMonths: 24,
  cycleAnchor: 'CERTIFICATION_DATE',
  additionalCeus: '0.00',
  maxAdditional: null,
  coreMinimum: null,
  coreCategory: 'core',
  capCeus: null,
  capCategory: '',
  credentialMinimum: null,
  note: '',
  updatedAt: new Date(0),
  ...r,
});

// The seeded rules (see the certificates migration).
const RULES = [
  rule({
    body: 'AAPC',
    credential: '*',
    baseCeus: '36.00',
    additionalCeus: '4.00',
    maxAdditional: 4,
  }),
  rule({ body: 'AHIMA', credential: '*', baseCeus: '20.00', additionalCeus: '10.00' }),
  rule({ body: 'AHIMA', credential: 'CCS', baseCeus: '20.00', additionalCeus: '10.00' }),
  rule({ body: 'AHIMA', credential: 'RHIA', baseCeus: '30.00', additionalCeus: '10.00' }),
  rule({
    body: 'PMI',
    credential: 'CMC',
    baseCeus: '12.00',
    cycleMonths: 12,
    cycleAnchor: 'CALENDAR_YEAR',
    coreMinimum: '9.00',
  }),
];

const credential = (body: 'AAPC' | 'AHIMA' | 'PMI', name: string, certifiedOn: string) => ({
  id: `${body}-${name}`,
  body,
  credential: name,
  certifiedOn,
});

const self = (
  body: 'AAPC' | 'AHIMA' | 'PMI',
  completedOn: string,
  ceuAmount: string,
  category = 'core',
) => ({
  id: `${body}-${completedOn}-${ceuAmount}`,
  body,
  title: 'Elsewhere',
  provider: 'Provider',
  completedOn,
  ceuAmount,
  category,
  note: '',
});

function transcript(
  credentials: ReturnType<typeof credential>[],
  selfReported: ReturnType<typeof self>[] = [],
  today = '2026-11-27',
) {
  return buildTranscript({
    learnerName: 'L',
    credentials,
    requirements: RULES,
    certificates: [],
    selfReported,
    today,
    generatedAt: new Date(`${today}T12:00:00Z`),
    sponsor: 'CodeCred LMS',
  });
}

describe('CEU transcript math', () => {
  it('requires 36/40/44/48/52 AAPC CEUs for 1/2/3/4/5+ credentials, in one cycle from the earliest', () => {
    const names = ['CPC', 'CRC', 'COC', 'CPB', 'CPMA', 'CIC'];
    const required = [1, 2, 3, 4, 5, 6].map((n) => {
      const cycles = transcript(
        names.slice(0, n).map((name, i) => credential('AAPC', name, `2025-0${i + 1}-15`)),
      ).cycles;
      expect(cycles).toHaveLength(1);
      expect(cycles[0]).toMatchObject({ cycleStart: '2025-01-15', cycleEnd: '2027-01-14' });
      return cycles[0]!.required;
    });
    expect(required).toEqual(['36.00', '40.00', '44.00', '48.00', '52.00', '52.00']);
  });

  it('uses the highest AHIMA base plus 10 per extra credential (CCS 20, RHIA 30, both 40)', () => {
    expect(transcript([credential('AHIMA', 'CCS', '2025-03-01')]).cycles[0]?.required).toBe(
      '20.00',
    );
    expect(transcript([credential('AHIMA', 'RHIA', '2025-03-01')]).cycles[0]?.required).toBe(
      '30.00',
    );
    expect(
      transcript([
        credential('AHIMA', 'CCS', '2025-03-01'),
        credential('AHIMA', 'RHIA', '2024-05-01'),
      ]).cycles[0],
    ).toMatchObject({
      required: '40.00',
      cycleStart: '2026-05-01',
      cycleEnd: '2028-04-30',
      label: 'CCS, RHIA (AHIMA)',
    });
  });

  it('runs PMI CMC by calendar year with 12 CEUs, at least 9 core', () => {
    const cycles = transcript(
      [credential('PMI', 'CMC', '2024-06-01')],
      [
        self('PMI', '2026-02-01', '8.00', 'core'),
        self('PMI', '2026-03-01', '4.00', 'elective'),
        self('PMI', '2025-05-05', '2.00'),
      ],
    ).cycles;
    expect(cycles.map((c) => [c.cycleStart, c.cycleEnd, c.current])).toEqual([
      ['2026-01-01', '2026-12-31', true],
      ['2025-01-01', '2025-12-31', false],
    ]);
    // 12 earned, but only 8 core: one core CEU still needed, so the bar is not full.
    expect(cycles[0]).toMatchObject({
      earned: '12.00',
      coreEarned: '8.00',
      coreMinimum: '9.00',
      remaining: '1.00',
      percent: 91,
    });
    expect(cycles[1]).toMatchObject({ earned: '2.00', remaining: '10.00' });
  });

  it('never adds one body’s CEUs to another’s, and adds decimals exactly', () => {
    const cycles = transcript(
      [credential('AAPC', 'CPC', '2025-06-01'), credential('AHIMA', 'CCS', '2025-06-01')],
      [
        self('AAPC', '2026-01-01', '0.10'),
        self('AAPC', '2026-01-02', '0.20'),
        self('AHIMA', '2026-01-03', '7.00'),
        self('PMI', '2026-01-04', '3.00'),
      ],
    ).cycles;
    expect(cycles.map((c) => [c.body, c.earned])).toEqual([
      ['AAPC', '0.30'],
      ['AHIMA', '7.00'],
    ]);
  });

  it('shows CEUs earned for a body with no credential yet, per body, and suggests its credentials', () => {
    const result = transcript(
      [credential('AHIMA', 'CCS', '2025-06-01')],
      [
        self('AAPC', '2026-01-01', '1.50'),
        self('AAPC', '2026-02-01', '0.25'),
        self('PMI', '2026-01-04', '3.00'),
        self('AHIMA', '2026-01-03', '7.00'),
      ],
    );
    expect(result.cycles.map((c) => c.body)).toEqual(['AHIMA']);
    expect(
      result.uncounted.map((u) => [u.body, u.earned, u.entries.length, u.suggestedCredentials]),
    ).toEqual([
      ['AAPC', '1.75', 2, []],
      ['PMI', '3.00', 1, ['CMC']],
    ]);
    expect(transcript([]).uncounted).toEqual([]);
  });

  it('uses the rule in effect when the cycle starts', () => {
    const rules = [
      ...RULES,
      rule({ body: 'AAPC', credential: '*', baseCeus: '30.00', effectiveFrom: '2026-01-01' }),
    ];
    const result = buildTranscript({
      learnerName: 'L',
      credentials: [credential('AAPC', 'CPC', '2024-02-01')],
      requirements: rules,
      certificates: [],
      selfReported: [self('AAPC', '2025-01-01', '1.00')],
      today: '2026-11-27',
      generatedAt: new Date(),
      sponsor: 'S',
    });
    expect(result.cycles.map((c) => [c.cycleStart, c.required])).toEqual([
      ['2026-02-01', '30.00'],
      ['2024-02-01', '36.00'],
    ]);
  });

  it('requires 30 for AHIMA CHPS, CHDA and CDIP (not the 20 of the body’s default)', () => {
    const rules = [
      ...RULES,
      ...['CHPS', 'CHDA', 'CDIP'].map((name) =>
        rule({ body: 'AHIMA', credential: name, baseCeus: '30.00', additionalCeus: '10.00' }),
      ),
    ];
    for (const name of ['CHPS', 'CHDA', 'CDIP']) {
      const result = buildTranscript({
        learnerName: 'L',
        credentials: [credential('AHIMA', name, '2025-03-01')],
        requirements: rules,
        certificates: [],
        selfReported: [],
        today: '2026-11-27',
        generatedAt: new Date(),
        sponsor: 'S',
      });
      expect(result.cycles[0]?.required, name).toBe('30.00');
    }
  });

  it('counts at most a rule’s cap from its capped category', () => {
    const rules = [
      rule({
        body: 'AHIMA',
        credential: '*',
        baseCeus: '20.00',
        capCeus: '5.00',
        capCategory: 'self-study',
      }),
    ];
    const result = buildTranscript({
      learnerName: 'L',
      credentials: [credential('AHIMA', 'CCS', '2025-03-01')],
      requirements: rules,
      certificates: [],
      selfReported: [
        self('AHIMA', '2026-01-01', '8.00', 'Self-study'),
        self('AHIMA', '2026-02-01', '4.00', 'coding'),
      ],
      today: '2026-11-27',
      generatedAt: new Date(),
      sponsor: 'S',
    });
    // 8 self-study CEUs, of which 5 count, plus 4: 9 of 20.
    expect(result.cycles[0]).toMatchObject({ earned: '9.00', remaining: '11.00', percent: 45 });
  });

  it('asks each AAPC specialty credential for its own minimum, beside the cycle total', () => {
    const rules = [
      ...RULES,
      rule({ body: 'AAPC', credential: 'CRC', baseCeus: '36.00', credentialMinimum: '8.00' }),
    ];
    const result = buildTranscript({
      learnerName: 'L',
      credentials: [
        credential('AAPC', 'CPC', '2025-06-01'),
        credential('AAPC', 'CRC', '2025-06-01'),
      ],
      requirements: rules,
      certificates: [],
      selfReported: [
        self('AAPC', '2026-01-01', '38.00', 'core'),
        self('AAPC', '2026-02-01', '2.00', 'CRC'),
      ],
      today: '2026-11-27',
      generatedAt: new Date(),
      sponsor: 'S',
    });
    // 40 of 40 earned, but only 2 of CRC's 8: 6 still needed, and the bar is not full.
    expect(result.cycles[0]).toMatchObject({
      required: '40.00',
      earned: '40.00',
      remaining: '6.00',
      credentialMinimums: [{ credential: 'CRC', minimum: '8.00', earned: '2.00' }],
    });
    expect(result.cycles[0]!.percent).toBeLessThan(100);
  });
});
