import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';

/** An Ed25519 public key as a JWK (kty OKP, crv Ed25519), with its kid. */
export interface IssuerPublicJwk extends JWK {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/** The private JWK adds `d`. This JSON is what a key file or secret store holds. */
export interface IssuerPrivateJwk extends IssuerPublicJwk {
  d: string;
}

/** A freshly generated key pair, both halves as JSON-serialisable JWKs. */
export interface IssuerKeyPair {
  kid: string;
  publicJwk: IssuerPublicJwk;
  privateJwk: IssuerPrivateJwk;
}

/** A key ready to sign with (see signCredentialJwt). */
export interface IssuerKey {
  kid: string;
  publicJwk: IssuerPublicJwk;
  privateKey: CryptoKey;
}

/** The public JWK of an Ed25519 key (its `x`), as the issuer profile publishes it. */
function issuerPublicJwk(x: string, kid: string): IssuerPublicJwk {
  return { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' };
}

/** Generates a new Ed25519 signing key; its kid is the RFC 7638 JWK thumbprint. */
export async function generateIssuerKey(): Promise<IssuerKeyPair> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  if (!jwk.d || !jwk.x) throw new Error('Ed25519 key export did not yield a private JWK');
  const kid = await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwk.x });
  const publicJwk = issuerPublicJwk(jwk.x, kid);
  return { kid, publicJwk, privateJwk: { ...publicJwk, d: jwk.d } };
}

function parseJwk(jwkJson: string | JWK): JWK {
  if (typeof jwkJson !== 'string') return jwkJson;
  try {
    return JSON.parse(jwkJson) as JWK;
  } catch {
    throw new Error('Issuer key is not valid JSON');
  }
}

/**
 * Imports the private Ed25519 JWK (JSON text or object, e.g. from a secret store or the key
 * file). The kid is taken from the JWK, or computed as its thumbprint when absent.
 */
export async function importIssuerKey(jwkJson: string | JWK): Promise<IssuerKey> {
  const jwk = parseJwk(jwkJson);
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new Error('Issuer key must be an Ed25519 JWK (kty OKP, crv Ed25519)');
  }
  if (typeof jwk.d !== 'string') {
    throw new Error('Issuer key has no private part (d): cannot sign with a public key');
  }
  const kid =
    typeof jwk.kid === 'string' && jwk.kid.length > 0
      ? jwk.kid
      : await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwk.x });
  const privateKey = (await importJWK(
    { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d },
    'EdDSA',
  )) as CryptoKey;
  const publicJwk = issuerPublicJwk(jwk.x, kid);
  return { kid, publicJwk, privateKey };
}

/**
 * Parses the retired public keys (a JSON array of Ed25519 public JWKs, each with its kid) that
 * the issuer profile keeps publishing after a key rotation, so badges signed with them still
 * verify. A key with a private part (`d`) is refused: retired keys are public only.
 */
export function parseRetiredPublicJwks(json: string | undefined): IssuerPublicJwk[] {
  if (!json?.trim()) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('Retired issuer keys must be a JSON array of public JWKs');
  }
  if (!Array.isArray(parsed))
    throw new Error('Retired issuer keys must be a JSON array of public JWKs');
  return parsed.map((value, i) => {
    const jwk = value as Partial<IssuerPrivateJwk>;
    if (jwk?.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
      throw new Error(
        `Retired issuer key ${i + 1} must be an Ed25519 JWK (kty OKP, crv Ed25519, x)`,
      );
    }
    if ('d' in jwk) {
      throw new Error(
        `Retired issuer key ${i + 1} has a private part (d): publish only the public key`,
      );
    }
    if (typeof jwk.kid !== 'string' || !jwk.kid) {
      throw new Error(`Retired issuer key ${i + 1} needs the kid it signed with`);
    }
    return { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: jwk.kid, alg: 'EdDSA', use: 'sig' };
  });
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/**
 * Development convenience: reads the private JWK at `filePath`, or creates it (mode 0600,
 * atomically, so processes starting at once agree on one key) when missing.
 * Production should pass its key to importIssuerKey from a secret store; whether a missing key
 * may be generated is the caller's decision.
 */
export async function loadOrCreateIssuerKey(filePath: string): Promise<IssuerKey> {
  try {
    return await importIssuerKey(await readFile(filePath, 'utf8'));
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
  }
  const pair = await generateIssuerKey();
  // Not 0700: in development this is the shared data folder, which PostgreSQL (running as the
  // postgres user) must traverse; the key file itself is 0600.
  await mkdir(dirname(filePath), { recursive: true });
  // Write a private temporary file, then hard-link it into place: the key file appears complete
  // or not at all, and link() fails with EEXIST if another process got there first.
  const temporary = `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(pair.privateJwk, null, 2)}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  try {
    await link(temporary, filePath);
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return importIssuerKey(await readFile(filePath, 'utf8'));
    throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  return importIssuerKey(pair.privateJwk);
}
