import { randomBytes } from 'node:crypto';

/** Crockford base32: digits and upper-case letters without I, L, O and U. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const SERIAL_PREFIX = 'CEU';
/** 12 symbols of 5 bits = 60 random bits. */
export const SERIAL_SYMBOLS = 12;
const GROUP = 4;

const SERIAL_PATTERN = /^CEU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

function format(symbols: string): string {
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += GROUP) groups.push(symbols.slice(i, i + GROUP));
  return [SERIAL_PREFIX, ...groups].join('-');
}

/**
 * A new certificate serial such as `CEU-7K3M-9QXD-H2TB`: 60 bits from the operating system's
 * CSPRNG, written in Crockford base32 so it can be typed from paper. Uniqueness is still the
 * database's job (unique index; retry on the vanishingly rare collision).
 */
export function generateSerial(): string {
  // 8 random bytes = 64 bits; the low 60 bits become 12 symbols of 5 bits each (uniform).
  let n = randomBytes(8).readBigUInt64BE(0);
  let symbols = '';
  for (let i = 0; i < SERIAL_SYMBOLS; i++) {
    symbols = CROCKFORD_ALPHABET[Number(n & 31n)] + symbols;
    n >>= 5n;
  }
  return format(symbols);
}

/** True when `serial` is in canonical form (as generateSerial returns it). */
export function isCanonicalSerial(serial: string): boolean {
  return SERIAL_PATTERN.test(serial);
}

/**
 * Turns what a person typed (or scanned) into the canonical serial, or null when it cannot be
 * one. Accepts lower case, missing or extra dashes and spaces, a missing `CEU` prefix, and the
 * look-alikes Crockford decoding allows: O/o → 0, I/i/L/l → 1. `U` is never a symbol.
 */
export function normalizeSerial(input: string): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  let s = input.toUpperCase().replace(/[\s\-_.·–—]/g, '');
  // "CEU" contains U, which no symbol uses, so the prefix is unambiguous when present.
  if (s.startsWith(SERIAL_PREFIX)) s = s.slice(SERIAL_PREFIX.length);
  if (s.length !== SERIAL_SYMBOLS) return null;
  s = s.replace(/O/g, '0').replace(/[IL]/g, '1');
  for (const ch of s) if (!CROCKFORD_ALPHABET.includes(ch)) return null;
  return format(s);
}
