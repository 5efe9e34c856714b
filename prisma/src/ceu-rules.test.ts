import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './testing';

const t = useTestDatabase();

describe('seeded CEU renewal rules', () => {
  it('asks 30 CEUs of AHIMA CHPS, CHDA and CDIP holders', async () => {
    const rows = await t.db.ceuRequirement.findMany({
      where: { body: 'AHIMA', credential: { in: ['CHPS', 'CHDA', 'CDIP'] } },
      select: { credential: true, baseCeus: true, cycleMonths: true },
      orderBy: { credential: 'asc' },
    });
    expect(rows.map((r) => [r.credential, r.baseCeus.toFixed(2), r.cycleMonths])).toEqual([
      ['CDIP', '30.00', 24],
      ['CHDA', '30.00', 24],
      ['CHPS', '30.00', 24],
    ]);
  });
});
