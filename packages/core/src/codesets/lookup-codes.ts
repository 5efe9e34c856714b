import { type CodeSystem, type Db } from '@lms/db';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { displayCode } from './codes';
import { releaseInForce } from './releases';
import { searchCodeRows } from './sql';

export interface CodeLookupResult {
  /** As shown (ICD-10-CM with its dot). */
  code: string;
  billable: boolean;
  shortDescription: string;
  longDescription: string;
}

export interface CodeLookup {
  release: { id: string; name: string; system: CodeSystem } | null;
  results: CodeLookupResult[];
}

/**
 * Ranking reads every matching description; a very common word ("unspecified") matches tens of
 * thousands of codes. The words branch ranks at most this many matches (in file order), which
 * bounds the worst case; narrower queries (most) are ranked in full.
 */
const WORD_CANDIDATES = 2000;

const lookupSchema = z.object({
  system: z.enum(['ICD10CM', 'ICD10PCS', 'HCPCS'], {
    error: 'Choose ICD-10-CM, ICD-10-PCS or HCPCS Level II.',
  }),
  query: z.string().trim().max(100, 'Search with at most 100 characters.'),
  releaseId: z.uuid('Unknown release.').nullish(),
  first: z.number().int().min(1).max(50).default(20),
});

/**
 * Code look-up in one release (default: the one in force): a code prefix ("E11", "e11.6")
 * ranks first — an exact code, then shorter (broader) codes, in code order — then words of the
 * long description by full-text rank (websearch syntax). Both use an index: the prefix the
 * (releaseId, code text_pattern_ops) b-tree, the words the GIN index on the description.
 */
export async function lookupCodes(options: {
  db: Db;
  input: { system: string; query: string; releaseId?: string | null; first?: number | null };
}): Promise<CodeLookup> {
  const input = parseInput(lookupSchema, {
    ...options.input,
    first: options.input.first ?? undefined,
  });
  const { db } = options;
  const release = input.releaseId
    ? await db.codeSetRelease.findFirst({
        where: { id: input.releaseId, system: input.system },
        select: { id: true, name: true, system: true },
      })
    : await releaseInForce(db, input.system).then((r) =>
        r ? { id: r.id, name: r.name, system: input.system } : null,
      );
  if (input.releaseId && !release) throw AppError.notFound('Code-set release');
  if (!release || input.query === '') return { release, results: [] };
  const key = input.query.toUpperCase().replace(/\./g, '');
  const prefix = /^[A-Z0-9]{1,7}$/.test(key) && /[0-9]/.test(key) ? key : null;
  const rows = await searchCodeRows(db, {
    releaseId: release.id,
    query: input.query,
    prefix,
    wordCandidates: WORD_CANDIDATES,
    limit: input.first * 2,
  });
  const seen = new Set<string>();
  const results: CodeLookupResult[] = [];
  for (const row of rows) {
    if (seen.has(row.code)) continue;
    seen.add(row.code);
    results.push({ ...row, code: displayCode(input.system, row.code) });
    if (results.length === input.first) break;
  }
  return { release, results };
}
