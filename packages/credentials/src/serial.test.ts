import { describe, expect, it } from 'vitest';
import {
  CROCKFORD_ALPHABET,
  generateSerial,
  isCanonicalSerial,
  normalizeSerial,
} from './serial.js';

describe('generateSerial', () => {
  it('has the printed shape CEU-XXXX-XXXX-XXXX in Crockford base32', () => {
    for (let i = 0; i < 200; i++) {
      const serial = generateSerial();
      expect(serial).toMatch(/^CEU-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(serial.slice(4)).not.toMatch(/[ILOU]/);
      expect(isCanonicalSerial(serial)).toBe(true);
      expect(normalizeSerial(serial)).toBe(serial);
    }
  });

  it('carries 60 random bits: no repeats and every symbol used in every position', () => {
    const seen = new Set<string>();
    const perPosition = Array.from({ length: 12 }, () => new Set<string>());
    for (let i = 0; i < 5000; i++) {
      const serial = generateSerial();
      seen.add(serial);
      [...serial.replace(/^CEU-/, '').replaceAll('-', '')].forEach((ch, pos) => {
        perPosition[pos]!.add(ch);
      });
    }
    expect(seen.size).toBe(5000);
    // 5000 draws over 32 symbols: a biased or constant position would miss symbols.
    for (const symbols of perPosition) expect(symbols.size).toBe(CROCKFORD_ALPHABET.length);
    expect(CROCKFORD_ALPHABET.length ** 12).toBe(2 ** 60);
  });
});

describe('normalizeSerial', () => {
  const canonical = 'CEU-7K3M-9QXD-H2TB';

  it.each([
    ['CEU-7K3M-9QXD-H2TB'],
    ['ceu-7k3m-9qxd-h2tb'],
    ['CEU7K3M9QXDH2TB'],
    ['7K3M9QXDH2TB'],
    ['7k3m-9qxd-h2tb'],
    ['  CEU 7K3M 9QXD H2TB \n'],
    ['ceu–7k3m–9qxd–h2tb'],
  ])('accepts %j', (input) => {
    expect(normalizeSerial(input)).toBe(canonical);
  });

  it('maps the look-alikes O→0 and I/L→1', () => {
    expect(normalizeSerial('CEU-OOOO-IIII-LLLL')).toBe('CEU-0000-1111-1111');
    expect(normalizeSerial('ceu-o1il-0000-abcd')).toBe('CEU-0111-0000-ABCD');
  });

  it.each([
    [''],
    ['CEU-7K3M-9QXD'],
    ['CEU-7K3M-9QXD-H2TB-X'],
    ['CEU-7K3M-9QXD-H2TU'],
    ['CEU-7K3M-9QXD-H2T!'],
    ['XYZ-7K3M-9QXD-H2TB'],
    ['x'.repeat(100)],
  ])('rejects %j', (input) => {
    expect(normalizeSerial(input)).toBeNull();
  });
});
