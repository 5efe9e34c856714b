// Generator of a synthetic, full-size ICD-10-CM order file (the official fixed-width layout:
// order number, code, header/billable flag, 60-character short and long description) for the
// code-set benchmark. The codes have the ICD-10-CM shape but are synthetic, and so are their
// descriptions (built from a small medical vocabulary): no real code-set content, no CPT.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const WORDS = [
  'acute',
  'chronic',
  'synthetic',
  'disorder',
  'fracture',
  'infection',
  'lesion',
  'syndrome',
  'left',
  'right',
  'bilateral',
  'upper',
  'lower',
  'limb',
  'kidney',
  'heart',
  'lung',
  'liver',
  'with',
  'without',
  'complication',
  'initial',
  'subsequent',
  'encounter',
  'unspecified',
  'mild',
  'moderate',
  'severe',
  'stage',
  'pain',
  'inflammation',
  'obstruction',
  'deficiency',
];

const SYLLABLES = [
  'ar',
  'ce',
  'di',
  'fo',
  'gu',
  'hy',
  'la',
  'me',
  'no',
  'pa',
  'ri',
  'so',
  'te',
  'vu',
  'xo',
  'ze',
];

/**
 * A realistic vocabulary: the common words above plus 3,000 pseudo-words (three syllables),
 * drawn with a Zipf-like skew so that, as in the real code set, a few words are frequent and
 * most are rare.
 */
const RARE = Array.from({ length: 3000 }, (_, i) =>
  [i % 16, Math.floor(i / 16) % 16, Math.floor(i / 256) % 16].map((n) => SYLLABLES[n]).join(''),
);

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export interface SyntheticCode {
  code: string;
  billable: boolean;
  description: string;
}

/** `count` codes: per category (letter + two digits) one header and up to 28 billable codes. */
export function* syntheticCodes(count: number, seed = 2027): Generator<SyntheticCode> {
  const next = random(seed);
  const word = () =>
    next() < 0.35
      ? WORDS[Math.floor(next() * WORDS.length)]
      : RARE[Math.floor(RARE.length * next() ** 2)];
  const phrase = (n: number) => Array.from({ length: n }, word).join(' ');
  let produced = 0;
  for (let letter = 0; letter < 26 && produced < count; letter += 1) {
    for (let number = 0; number < 100 && produced < count; number += 1) {
      const category = `${String.fromCharCode(65 + letter)}${String(number).padStart(2, '0')}`;
      const topic = phrase(3);
      yield { code: category, billable: false, description: `Synthetic ${topic}` };
      produced += 1;
      for (let child = 0; child < 28 && produced < count; child += 1) {
        const suffix = `${ALNUM[child % ALNUM.length]}${ALNUM[Math.floor(next() * ALNUM.length)]}`;
        yield {
          code: `${category}${suffix}`,
          billable: true,
          description: `Synthetic ${topic}, ${phrase(4 + Math.floor(next() * 6))} ${child}`,
        };
        produced += 1;
      }
    }
  }
}

export function orderLine(order: number, code: string, billable: boolean, description: string) {
  return `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${billable ? 1 : 0} ${description.slice(0, 60).padEnd(60)} ${description}`;
}

/** Writes the file; answers the codes written (for picking look-up queries). */
export async function writeSyntheticOrderFile(
  path: string,
  count: number,
): Promise<SyntheticCode[]> {
  const out = createWriteStream(path);
  const codes: SyntheticCode[] = [];
  let order = 0;
  for (const code of syntheticCodes(count)) {
    order += 1;
    codes.push(code);
    if (!out.write(`${orderLine(order, code.code, code.billable, code.description)}\n`)) {
      await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
  return codes;
}

export { WORDS };
