import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculateJwkThumbprint } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  generateIssuerKey,
  importIssuerKey,
  loadOrCreateIssuerKey,
  parseRetiredPublicJwks,
} from './keys.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lms-credentials-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('generateIssuerKey', () => {
  it('makes an Ed25519 JWK pair whose kid is the RFC 7638 thumbprint', async () => {
    const { kid, publicJwk, privateJwk } = await generateIssuerKey();
    expect(publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid });
    expect(publicJwk).not.toHaveProperty('d');
    expect(privateJwk.d).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes
    expect(privateJwk.x).toBe(publicJwk.x);
    expect(kid).toBe(await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: publicJwk.x }));
    expect((await generateIssuerKey()).kid).not.toBe(kid);
  });
});

describe('importIssuerKey', () => {
  it('imports the private JWK as JSON text or object', async () => {
    const pair = await generateIssuerKey();
    const fromText = await importIssuerKey(JSON.stringify(pair.privateJwk));
    const fromObject = await importIssuerKey(pair.privateJwk);
    expect(fromText.kid).toBe(pair.kid);
    expect(fromText.publicJwk).toEqual(pair.publicJwk);
    expect(fromObject.privateKey.type).toBe('private');
  });

  it('computes the kid when the JWK has none', async () => {
    const { privateJwk, kid } = await generateIssuerKey();
    const { kid: _dropped, ...withoutKid } = privateJwk;
    expect((await importIssuerKey(withoutKid)).kid).toBe(kid);
  });

  it('refuses public-only, non-Ed25519 and malformed keys', async () => {
    const { publicJwk } = await generateIssuerKey();
    await expect(importIssuerKey(publicJwk)).rejects.toThrow(/private/);
    await expect(
      importIssuerKey({ kty: 'EC', crv: 'P-256', x: 'a', y: 'b', d: 'c' }),
    ).rejects.toThrow(/Ed25519/);
    await expect(importIssuerKey('{not json')).rejects.toThrow(/JSON/);
  });
});

describe('loadOrCreateIssuerKey', () => {
  it('creates the key file with mode 0600 when missing, then reuses it', async () => {
    const file = join(dir, 'nested', 'issuer-key.json');
    const first = await loadOrCreateIssuerKey(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // The folder it creates is the shared data folder in development, which the embedded
    // PostgreSQL (running as the postgres user) must traverse: the file's 0600 protects the key.
    expect((await stat(join(dir, 'nested'))).mode & 0o011).toBe(0o011);
    const stored = JSON.parse(await readFile(file, 'utf8'));
    expect(stored).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: first.kid });
    expect(typeof stored.d).toBe('string');

    const second = await loadOrCreateIssuerKey(file);
    expect(second.kid).toBe(first.kid);
    expect(second.publicJwk).toEqual(first.publicJwk);
  });

  it('agrees on one key when several callers create it at once', async () => {
    const file = join(dir, 'issuer-key.json');
    const keys = await Promise.all(Array.from({ length: 5 }, () => loadOrCreateIssuerKey(file)));
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
  });

  it('fails loudly on a corrupt key file instead of replacing it', async () => {
    const file = join(dir, 'issuer-key.json');
    await writeFile(file, 'garbage');
    await expect(loadOrCreateIssuerKey(file)).rejects.toThrow(/JSON/);
    expect(await readFile(file, 'utf8')).toBe('garbage');
  });
});

describe('parseRetiredPublicJwks', () => {
  it('reads public keys with their kid and refuses private parts or malformed keys', async () => {
    const pair = await generateIssuerKey();
    expect(parseRetiredPublicJwks(undefined)).toEqual([]);
    expect(parseRetiredPublicJwks(JSON.stringify([pair.publicJwk]))).toEqual([pair.publicJwk]);
    expect(() => parseRetiredPublicJwks(JSON.stringify([pair.privateJwk]))).toThrow(/private/);
    expect(() => parseRetiredPublicJwks('{"kty":"OKP"}')).toThrow(/JSON array/);
    expect(() =>
      parseRetiredPublicJwks(JSON.stringify([{ ...pair.publicJwk, kid: undefined }])),
    ).toThrow(/kid/);
    expect(() => parseRetiredPublicJwks('[{"kty":"RSA"}]')).toThrow(/Ed25519/);
  });
});
