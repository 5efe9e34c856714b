import type { CodeSystem } from '@lms/db';

/**
 * Parsers for the official, public-domain code-set files, one line at a time (the caller
 * streams the file). Layouts:
 *
 * ICD-10-CM and ICD-10-PCS "order" files (icd10cm_order_<year>.txt from CDC/NCHS,
 * icd10pcs_order_<year>.txt from CMS; layout in the "order file" description that ships with
 * them, e.g. icd10cm_order_<year>.pdf / icd10pcs_order_file_description):
 *   cols  1–5   order number, right-justified, zero-filled
 *   col   6     blank
 *   cols  7–13  code, without the dot, left-justified, blank-filled
 *   col   14    blank
 *   col   15    0 = header (not valid for HIPAA-covered transactions), 1 = valid (billable)
 *   col   16    blank
 *   cols 17–76  short description (60 characters, blank-filled)
 *   col   77    blank
 *   cols 78–    long description (up to 323 characters)
 *
 * HCPCS Level II "alpha-numeric" file (HCPC<year>_<month>_ANWEB.txt in CMS's quarterly/annual
 * zip, layout in the HCPC<year>_recordlayout file of the same zip), fixed-width 320-character
 * records; the fields used here:
 *   cols  1–5   HCPCS code (procedure) or, for modifier records, the 2-character modifier
 *   cols  6–10  sequence number (continuation lines of one code count up)
 *   col   11    record identification: 3 = first line of a procedure, 4 = its continuation,
 *               7 = first line of a modifier, 8 = its continuation
 *   cols 12–91  long description (80 characters per record; continuations are appended)
 *   cols 92–119 short description (28 characters, on the first record)
 *   cols 285–292 termination date (CCYYMMDD; blank while the code is active), on the first record
 * Codes whose termination date falls on or before the release's effective date are not valid
 * in that release: they are left out and counted (CMS keeps terminated codes in the file for a
 * while, with this date, so claims for earlier dates of service can still be processed).
 * Modifier records are skipped (modifiers are checked by format only); dental D-codes (CDT, the
 * ADA's) are skipped and counted; CPT (HCPCS Level I) codes are refused.
 */

export interface ParsedCode {
  /** Key form: upper case, no dot. */
  code: string;
  billable: boolean;
  shortDescription: string;
  longDescription: string;
  /** 1-based line the code starts on. */
  line: number;
}

/** A line of the file that cannot be imported; the whole import stops. */
export class CodeFileLineError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`Line ${line}: ${detail}`);
    this.name = 'CodeFileLineError';
  }
}

/** HCPCS Level I (CPT, the AMA's): five digits, or four digits and F, T or U. */
export const CPT_CODE_SHAPE = /^[0-9]{4}[0-9FTU]$/;

const CPT_REFUSAL = (code: string) =>
  `${code} is a CPT (HCPCS Level I) code. CPT is the AMA's copyrighted code set and cannot be imported; the file must hold only public ICD-10-CM, ICD-10-PCS or HCPCS Level II codes.`;

const CODE_FORMATS: Record<CodeSystem, { pattern: RegExp; hint: string }> = {
  // A letter, a digit, an alphanumeric, then up to four alphanumerics (U codes included).
  ICD10CM: { pattern: /^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/, hint: 'like E119 or U071' },
  // Seven characters without I or O; the order file's table headers have the first three.
  ICD10PCS: {
    pattern: /^[0-9A-HJ-NP-Z]{3}([0-9A-HJ-NP-Z]{4})?$/,
    hint: 'seven characters without I or O, like 0DTJ4ZZ',
  },
  HCPCS: { pattern: /^[A-V][0-9]{4}$/, hint: 'a letter A–V and four digits, like E0114' },
};

const LABELS: Record<CodeSystem, string> = {
  ICD10CM: 'ICD-10-CM',
  ICD10PCS: 'ICD-10-PCS',
  HCPCS: 'HCPCS Level II',
};

function checkCode(system: CodeSystem, code: string, line: number) {
  if (CPT_CODE_SHAPE.test(code)) throw new CodeFileLineError(line, CPT_REFUSAL(code));
  const format = CODE_FORMATS[system];
  if (!format.pattern.test(code)) {
    throw new CodeFileLineError(
      line,
      `“${code}” is not a ${LABELS[system]} code (${format.hint}). Is this the right file for ${LABELS[system]}?`,
    );
  }
}

/** One line of an ICD-10-CM or ICD-10-PCS order file → a code (blank lines → null). */
export function parseOrderLine(system: 'ICD10CM' | 'ICD10PCS', raw: string, line: number) {
  const text = raw.replace(/\r$/, '');
  if (text.trim() === '') return null;
  if (text.length < 78) {
    throw new CodeFileLineError(
      line,
      `too short for the order-file layout (${text.length} characters; a line has an order number, code, flag, 60-character short description and a long description from column 78).`,
    );
  }
  if (!/^[0-9]{5}$/.test(text.slice(0, 5))) {
    throw new CodeFileLineError(line, 'columns 1–5 must be the 5-digit order number.');
  }
  if (text[5] !== ' ' || text[13] !== ' ' || text[15] !== ' ' || text[76] !== ' ') {
    throw new CodeFileLineError(
      line,
      'columns 6, 14, 16 and 77 must be blank (fixed-width order-file layout).',
    );
  }
  const code = text.slice(6, 13).trimEnd();
  checkCode(system, code, line);
  const flag = text[14];
  if (flag !== '0' && flag !== '1') {
    throw new CodeFileLineError(
      line,
      `column 15 must be 0 (header) or 1 (billable), not “${flag}”.`,
    );
  }
  if (system === 'ICD10PCS' && code.length !== 7 && flag === '1') {
    throw new CodeFileLineError(
      line,
      `${code} is a table header: it cannot be flagged billable (1).`,
    );
  }
  const shortDescription = text.slice(16, 76).trim();
  const longDescription = text.slice(77).trim();
  if (!shortDescription || !longDescription) {
    throw new CodeFileLineError(line, `${code} has no description.`);
  }
  return { code, billable: flag === '1', shortDescription, longDescription, line };
}

/** Parses an HCPCS Level II file line by line; continuation records are merged into their code. */
export class HcpcsFileParser {
  private pending: ParsedCode | null = null;
  /** Dental (CDT) codes met and skipped. */
  skippedDental = 0;
  /** Codes terminated on or before the release's effective date, met and skipped. */
  skippedTerminated = 0;
  /** Modifier records met and skipped. */
  skippedModifiers = 0;
  private inSkipped = false;

  /** `effectiveOn`: the release's first day (UTC midnight), for the termination dates. */
  constructor(private readonly effectiveOn?: Date) {}

  /** Whether the first record's termination date (cols 285–292) ends the code by `effectiveOn`. */
  private terminated(text: string, line: number): boolean {
    const field = text.slice(284, 292).trim();
    if (field === '' || !this.effectiveOn) return false;
    const match = /^(\d{4})(\d{2})(\d{2})$/.exec(field);
    const date = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : null;
    if (!date || date.getUTCMonth() !== +match![2]! - 1) {
      throw new CodeFileLineError(
        line,
        `columns 285–292 must be the termination date as CCYYMMDD (or blank), not “${field}”.`,
      );
    }
    return date.getTime() <= this.effectiveOn.getTime();
  }

  /** Feeds one line; returns the code completed by it, if any. */
  push(raw: string, line: number): ParsedCode | null {
    const text = raw.replace(/\r$/, '');
    if (text.trim() === '') return null;
    if (text.length < 12) {
      throw new CodeFileLineError(
        line,
        'too short for the HCPCS record layout (code in columns 1–5, sequence 6–10, record identification in 11, long description from 12).',
      );
    }
    const code = text.slice(0, 5).trimEnd();
    const sequence = text.slice(5, 10);
    const recordId = text[10];
    if (!/^[0-9]{5}$/.test(sequence)) {
      throw new CodeFileLineError(line, 'columns 6–10 must be the 5-digit sequence number.');
    }
    const longPart = text.slice(11, 91).trim();
    switch (recordId) {
      case '3': {
        if (CPT_CODE_SHAPE.test(code)) throw new CodeFileLineError(line, CPT_REFUSAL(code));
        const finished = this.pending;
        this.pending = null;
        this.inSkipped = false;
        if (/^D[0-9]{4}$/.test(code)) {
          this.skippedDental += 1;
          this.inSkipped = true;
          return finished;
        }
        checkCode('HCPCS', code, line);
        if (this.terminated(text, line)) {
          this.skippedTerminated += 1;
          this.inSkipped = true;
          return finished;
        }
        const shortDescription = text.slice(91, 119).trim();
        if (!longPart && !shortDescription) {
          throw new CodeFileLineError(line, `${code} has no description.`);
        }
        this.pending = {
          code,
          billable: true,
          shortDescription: shortDescription || longPart.slice(0, 28),
          longDescription: longPart,
          line,
        };
        return finished;
      }
      case '4': {
        if (this.inSkipped) return null;
        if (!this.pending || this.pending.code !== code) {
          throw new CodeFileLineError(
            line,
            `continuation record (identification 4) for ${code} does not follow a first record of ${code}.`,
          );
        }
        this.pending.longDescription = `${this.pending.longDescription} ${longPart}`.trim();
        return null;
      }
      case '7':
      case '8': {
        if (CPT_CODE_SHAPE.test(code)) throw new CodeFileLineError(line, CPT_REFUSAL(code));
        if (/^[0-9]{2}$/.test(code)) {
          throw new CodeFileLineError(
            line,
            `modifier ${code} is a CPT (Level I) modifier; the HCPCS Level II file has only alphanumeric modifiers.`,
          );
        }
        const finished = this.pending;
        this.pending = null;
        this.inSkipped = true;
        if (recordId === '7') this.skippedModifiers += 1;
        return finished;
      }
      default:
        throw new CodeFileLineError(
          line,
          `column 11 must be the record identification (3, 4, 7 or 8), not “${recordId}”.`,
        );
    }
  }

  /** The last code, at the end of the file. */
  finish(): ParsedCode | null {
    const finished = this.pending;
    this.pending = null;
    return finished;
  }
}

/** A streaming parser for one system's official file. */
export interface CodeFileParser {
  push(raw: string, line: number): ParsedCode | null;
  finish(): ParsedCode | null;
  /** Notes for the import summary (skipped dental codes …). */
  notes(): string[];
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** `effectiveOn`: the release's first day; HCPCS codes terminated by then are left out. */
export function codeFileParser(system: CodeSystem, effectiveOn?: Date): CodeFileParser {
  if (system === 'HCPCS') {
    const parser = new HcpcsFileParser(effectiveOn);
    return {
      push: (raw, line) => parser.push(raw, line),
      finish: () => parser.finish(),
      notes: () => [
        ...(parser.skippedDental > 0
          ? [`${plural(parser.skippedDental, 'dental D-code')} skipped (CDT is the ADA's).`]
          : []),
        ...(parser.skippedTerminated > 0
          ? [
              `${plural(parser.skippedTerminated, 'code')} terminated on or before the effective date left out.`,
            ]
          : []),
      ],
    };
  }
  return {
    push: (raw, line) => parseOrderLine(system, raw, line),
    finish: () => null,
    notes: () => [],
  };
}
