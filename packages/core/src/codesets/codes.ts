import type { CodeSystem } from '@lms/db';

/**
 * Code-set formats. Only public code sets (docs/domain.md): ICD-10-CM (CDC/NCHS), ICD-10-PCS and
 * HCPCS Level II (CMS) without the dental D-codes (ADA). CPT is the AMA's and is never accepted.
 */
const FORMATS: Record<CodeSystem, RegExp> = {
  // A category (a letter other than U, a digit, an alphanumeric; or one of chapter 22's
  // special-purpose categories U00–U85, e.g. U07.1, U09.9), then an optional dot and 1–4
  // alphanumerics.
  ICD10CM: /^([A-TV-Z][0-9][0-9A-Z]|U[0-7][0-9]|U8[0-5])(\.?[0-9A-Z]{1,4})?$/,
  // Seven characters of 0–9 and A–Z without I and O.
  ICD10PCS: /^[0-9A-HJ-NP-Z]{7}$/,
  // A letter A–V and four digits, then any HCPCS Level II modifiers (two characters, at least
  // one a letter, e.g. E0114-NU-RR).
  HCPCS: /^[A-V][0-9]{4}(-(?=[0-9A-Z]{2}(-|$))[0-9]?[A-Z][0-9A-Z]?)*$/,
};

export const CODE_SYSTEM_LABELS: Record<CodeSystem, string> = {
  ICD10CM: 'ICD-10-CM',
  ICD10PCS: 'ICD-10-PCS',
  HCPCS: 'HCPCS Level II',
};

/** Five digits (Category I) or four digits and F/T (Categories II/III): the shape of a CPT code. */
const CPT_SHAPE = /^[0-9]{4}[0-9FT]$/;
/** Two-digit numeric modifiers (-25, -59 …) are CPT (Level I) modifiers. */
const CPT_MODIFIER = /-[0-9]{2}(-|$)/;

export const CPT_REFUSAL =
  'CPT content is not allowed: CPT is the AMA’s copyrighted code set. Use ICD-10-CM, ICD-10-PCS or HCPCS Level II codes.';
export const DENTAL_REFUSAL =
  'HCPCS dental codes (D0000–D9999) are the ADA’s copyrighted CDT codes and cannot be used.';

/** Upper-cased and trimmed: the way a code is shown (ICD-10-CM with its dot after 3 characters). */
export function displayCode(system: CodeSystem, code: string): string {
  const upper = code.trim().toUpperCase();
  if (system !== 'ICD10CM') return upper;
  const bare = upper.replace('.', '');
  return bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare;
}

/**
 * The comparison key of a code: upper case, no dot (so E11.9 = e119), modifiers in a fixed
 * order (E0114-RR-NU = E0114-NU-RR). A modifier is part of the code: E0114 ≠ E0114-NU.
 */
export function codeKey(code: string): string {
  const [base = '', ...modifiers] = code.trim().toUpperCase().replace(/\./g, '').split('-');
  return [base, ...modifiers.sort()].join('-');
}

/** Why a code cannot be used in this system, or null when it is well-formed. */
export function codeProblem(system: CodeSystem, code: string): string | null {
  const upper = code.trim().toUpperCase();
  if (CPT_SHAPE.test(upper) || CPT_MODIFIER.test(upper)) return `${code.trim()}: ${CPT_REFUSAL}`;
  if (system === 'HCPCS' && /^D[0-9]{4}$/.test(upper)) return `${upper}: ${DENTAL_REFUSAL}`;
  if (!FORMATS[system].test(upper)) {
    return `${code.trim()} is not a valid ${CODE_SYSTEM_LABELS[system]} code (${FORMAT_HINTS[system]}).`;
  }
  return null;
}

const FORMAT_HINTS: Record<CodeSystem, string> = {
  ICD10CM: 'a letter, two characters, then up to four more after an optional dot, like E11.9',
  ICD10PCS: 'seven characters of 0–9 and A–Z without I or O, like 0DTJ4ZZ',
  HCPCS: 'a letter A–V and four digits, with any modifiers after hyphens, like E0114 or E0114-NU',
};

/** Separators between codes a learner types: whitespace, commas and semicolons. */
const SEPARATORS = /[\s,;]+/;

export interface ParsedCodes {
  /** Distinct display codes, in the order typed. */
  codes: string[];
  /** Tokens that are not codes of the system, as typed. */
  malformed: string[];
}

/**
 * Learner input → a set of codes: order-insensitive, case-insensitive, separated by spaces,
 * commas, semicolons or newlines; the ICD-10-CM dot is optional. "e11.9, I10 ;z79.4" →
 * E11.9, I10, Z79.4 (keys E119, I10, Z794). Duplicates collapse.
 */
export function parseCodes(system: CodeSystem, input: string): ParsedCodes {
  const codes: string[] = [];
  const seen = new Set<string>();
  const malformed: string[] = [];
  for (const token of input.split(SEPARATORS)) {
    if (token === '') continue;
    if (codeProblem(system, token)) {
      malformed.push(token);
      continue;
    }
    const key = codeKey(token);
    if (seen.has(key)) continue;
    seen.add(key);
    codes.push(displayCode(system, token));
  }
  return { codes, malformed };
}

/**
 * The code-set year in force on a date. ICD-10-CM and ICD-10-PCS change every October 1 and
 * are named by fiscal year (FY2027 starts 2026-10-01); HCPCS Level II is named by calendar year
 * (its quarterly updates keep the year).
 */
export function currentCodeSetYear(system: CodeSystem | null, now: Date): number {
  const year = now.getUTCFullYear();
  if (system === 'HCPCS') return year;
  return now.getUTCMonth() >= 9 ? year + 1 : year;
}

/** True when an item was written for an older code-set year than the one in force. */
export function isStaleCodeSetYear(
  item: { codeSetYear: number | null; codeSystem: CodeSystem | null },
  now: Date,
): boolean {
  return item.codeSetYear !== null && item.codeSetYear < currentCodeSetYear(item.codeSystem, now);
}
