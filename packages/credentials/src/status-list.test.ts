import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildStatusListCredential,
  decodeStatusList,
  encodeStatusList,
  isRevoked,
  listRevokedIndexes,
  MIN_STATUS_LIST_LENGTH,
} from './status-list.js';

describe('Bitstring Status List', () => {
  it('encodes per the spec: multibase u + base64url(no padding) of a GZIP of 16 KiB', () => {
    const encoded = encodeStatusList([]);
    expect(encoded.startsWith('u')).toBe(true);
    expect(encoded.slice(1)).toMatch(/^[A-Za-z0-9_-]+$/); // base64url, no '=' padding
    const raw = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(raw.length).toBe(MIN_STATUS_LIST_LENGTH / 8);
    expect(raw.every((b) => b === 0)).toBe(true);
    // An empty 16 KiB list compresses to a few dozen bytes.
    expect(encoded.length).toBeLessThan(200);
  });

  it('puts index 0 in the left-most bit of the first byte', () => {
    const bits = decodeStatusList(encodeStatusList([0, 9, 131_071]));
    expect(bits[0]).toBe(0b1000_0000);
    expect(bits[1]).toBe(0b0100_0000);
    expect(bits[bits.length - 1]).toBe(0b0000_0001);
  });

  it('answers isRevoked for set and unset indexes, as number or string', () => {
    const encoded = encodeStatusList([7, 4242, 100_000]);
    expect(isRevoked(encoded, 4242)).toBe(true);
    expect(isRevoked(encoded, '4242')).toBe(true);
    expect(isRevoked(encoded, 4241)).toBe(false);
    expect(isRevoked(encoded, 4243)).toBe(false);
    expect(isRevoked(encoded, 0)).toBe(false);
    expect(listRevokedIndexes(encoded)).toEqual([7, 4242, 100_000]);
  });

  it('round-trips a larger list', () => {
    const indexes = Array.from({ length: 500 }, (_, i) => i * 523 + 11).filter((i) => i < 262_144);
    const encoded = encodeStatusList(indexes, 262_144);
    expect(decodeStatusList(encoded).length).toBe(262_144 / 8);
    expect(listRevokedIndexes(encoded)).toEqual(indexes);
  });

  it('refuses indexes out of range, short lists and malformed input', () => {
    expect(() => encodeStatusList([MIN_STATUS_LIST_LENGTH])).toThrow(RangeError);
    expect(() => encodeStatusList([-1])).toThrow(RangeError);
    expect(() => encodeStatusList([1.5])).toThrow(RangeError);
    expect(() => encodeStatusList([], 1024)).toThrow(RangeError);
    expect(() => isRevoked(encodeStatusList([]), MIN_STATUS_LIST_LENGTH)).toThrow(RangeError);
    expect(() => decodeStatusList('zabc')).toThrow(/prefix/);
    expect(() => decodeStatusList('u+/=')).toThrow(/base64url/);
    expect(() => decodeStatusList('uAAAA')).toThrow();
  });

  it('refuses to inflate a gzip bomb', () => {
    const big = encodeStatusList([], 8 * 32 * 1024 * 1024); // 32 MiB of zero bytes, tiny gzipped
    expect(() => decodeStatusList(big)).toThrow();
  });

  it('builds a BitstringStatusListCredential', () => {
    const encodedList = encodeStatusList([3]);
    const credential = buildStatusListCredential({
      id: 'https://lms.codecred.example/credentials/status/1',
      issuer: 'https://lms.codecred.example/issuer',
      encodedList,
      validFrom: '2026-11-27T00:00:00Z',
    });
    expect(credential).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'https://lms.codecred.example/credentials/status/1',
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: 'https://lms.codecred.example/issuer',
      validFrom: '2026-11-27T00:00:00.000Z',
      credentialSubject: {
        id: 'https://lms.codecred.example/credentials/status/1#list',
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList,
      },
    });
    expect(() =>
      buildStatusListCredential({ ...credential, issuer: 'x', encodedList: 'nope', validFrom: '' }),
    ).toThrow();
  });
});
