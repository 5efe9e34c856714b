import { gunzipSync, gzipSync } from 'node:zlib';
import { VC_V2_CONTEXT } from './contexts.js';

/** The spec's minimum bitstring size (16 KiB) keeps one holder's bit among many (herd privacy). */
export const MIN_STATUS_LIST_LENGTH = 131_072;
/** Refuse to inflate anything bigger (a gzip bomb from an untrusted status list). */
const MAX_DECODED_BYTES = 16 * 1024 * 1024;

function checkIndex(index: number, length: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= length) {
    throw new RangeError(`Status list index ${index} is outside 0..${length - 1}`);
  }
}

/**
 * W3C Bitstring Status List `encodedList`: a bitstring of `length` bits (index 0 = the left-most
 * bit of the first byte) with the given indexes set, GZIP-compressed, base64url without padding,
 * with the multibase prefix `u`.
 */
export function encodeStatusList(
  revokedIndexes: Iterable<number>,
  length = MIN_STATUS_LIST_LENGTH,
): string {
  if (!Number.isInteger(length) || length < MIN_STATUS_LIST_LENGTH || length % 8 !== 0) {
    throw new RangeError(
      `Status list length must be a multiple of 8 and at least ${MIN_STATUS_LIST_LENGTH}`,
    );
  }
  const bytes = new Uint8Array(length / 8);
  for (const index of revokedIndexes) {
    checkIndex(index, length);
    bytes[index >> 3]! |= 0x80 >> (index & 7);
  }
  return `u${gzipSync(bytes, { level: 9 }).toString('base64url')}`;
}

/** Decodes an `encodedList` to the raw bitstring bytes. */
export function decodeStatusList(encodedList: string): Uint8Array {
  if (typeof encodedList !== 'string' || !encodedList.startsWith('u')) {
    throw new Error("encodedList must be multibase base64url (prefix 'u')");
  }
  const body = encodedList.slice(1);
  if (!/^[A-Za-z0-9_-]*$/.test(body)) throw new Error('encodedList is not base64url');
  const gz = Buffer.from(body, 'base64url');
  const bytes = gunzipSync(gz, { maxOutputLength: MAX_DECODED_BYTES });
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Reads one bit of a decoded bitstring. */
export function readStatusBit(bits: Uint8Array, index: number): boolean {
  checkIndex(index, bits.length * 8);
  return (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

/** True when the bit at `index` (number or the credential's string statusListIndex) is set. */
export function isRevoked(encodedList: string, index: number | string): boolean {
  const i = typeof index === 'string' ? Number(index) : index;
  return readStatusBit(decodeStatusList(encodedList), i);
}

/** All set indexes, ascending (for audits and for re-encoding after a change). */
export function listRevokedIndexes(encodedList: string): number[] {
  const bits = decodeStatusList(encodedList);
  const out: number[] = [];
  for (let byte = 0; byte < bits.length; byte++) {
    const value = bits[byte]!;
    if (value === 0) continue;
    for (let bit = 0; bit < 8; bit++) if (value & (0x80 >> bit)) out.push(byte * 8 + bit);
  }
  return out;
}

export interface StatusListCredentialInput {
  /** URL the status list credential is served at (= credentialStatus.statusListCredential). */
  id: string;
  /** Issuer id (URL), or a profile object with an id. */
  issuer: string | { id: string; name?: string; url?: string; type?: string[] };
  encodedList: string;
  /** ISO instant. */
  validFrom: string;
  /** Optional ISO instant after which verifiers should re-fetch. */
  validUntil?: string;
}

export interface BitstringStatusListCredential {
  '@context': [typeof VC_V2_CONTEXT];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: StatusListCredentialInput['issuer'];
  validFrom: string;
  validUntil?: string;
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: 'revocation';
    encodedList: string;
  };
}

/** The `BitstringStatusListCredential` to serve (signed with signCredentialJwt) at `id`. */
export function buildStatusListCredential(
  input: StatusListCredentialInput,
): BitstringStatusListCredential {
  decodeStatusList(input.encodedList); // refuse to publish a list nobody can read
  return {
    '@context': [VC_V2_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuer,
    validFrom: new Date(input.validFrom).toISOString(),
    ...(input.validUntil ? { validUntil: new Date(input.validUntil).toISOString() } : {}),
    credentialSubject: {
      id: `${input.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: input.encodedList,
    },
  };
}
