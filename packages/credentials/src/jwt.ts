import {
  decodeProtectedHeader,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import type { IssuerKey } from './keys.js';

/** OB 3.0 (§ VC-JWT) requires the header `typ` "JWT", with `alg` and `kid` and nothing else. */
export const VC_JWT_TYP = 'JWT';
/** What credentials signed before 2026-11-29 carried (VC-JOSE-COSE); still accepted by verify. */
const LEGACY_TYP = 'vc+jwt';

/** Any credential object: the payload is the credential itself (VC-JOSE-COSE, VCDM 2.0). */
export interface CredentialLike {
  id?: string;
  issuer: string | { id: string };
  validFrom?: string;
  validUntil?: string;
  credentialSubject?: { id?: string };
}

export function credentialIssuerId(credential: CredentialLike): string {
  return typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id;
}

/** The absolute key id used in the JWT header and the issuer profile: `<issuer id>#<kid>`. */
export function verificationMethodId(issuerId: string, kid: string): string {
  return `${issuerId}#${kid}`;
}

/**
 * Signs a credential as OB 3.0's VC-JWT: header `{alg: EdDSA, typ: JWT, kid: <issuer id>#<kid>}`
 * and nothing else; payload = the credential JSON plus the registered claims OB 3.0 maps from
 * it: `iss` (issuer id), `jti` (credential id), `nbf` (validFrom), `sub` (credentialSubject.id),
 * `exp` (validUntil, when set), and `iat`.
 */
export async function signCredentialJwt(
  credential: CredentialLike,
  key: IssuerKey,
  options: { issuedAt?: Date } = {},
): Promise<string> {
  const issuerId = credentialIssuerId(credential);
  const jwt = new SignJWT({ ...(credential as unknown as JWTPayload) })
    .setProtectedHeader({
      alg: 'EdDSA',
      typ: VC_JWT_TYP,
      kid: verificationMethodId(issuerId, key.kid),
    })
    .setIssuer(issuerId)
    .setIssuedAt(options.issuedAt ?? new Date());
  if (credential.id) jwt.setJti(credential.id);
  if (credential.validFrom) jwt.setNotBefore(new Date(credential.validFrom));
  if (credential.validUntil) jwt.setExpirationTime(new Date(credential.validUntil));
  if (credential.credentialSubject?.id) jwt.setSubject(credential.credentialSubject.id);
  return jwt.sign(key.privateKey);
}

/**
 * Verifies a credential JWT against the issuer's published public JWKs (the issuer profile's
 * current and retired keys): the header's kid (`<issuer id>#<kid>`) picks the key. Returns the
 * credential (the payload). For the public verify page; tests also check signatures with jose
 * directly.
 */
export async function verifyCredentialJwt(
  token: string,
  publicJwks: JWK | readonly JWK[],
): Promise<Record<string, unknown>> {
  const header = decodeProtectedHeader(token);
  if (header.alg !== 'EdDSA') throw new Error(`Unexpected alg ${String(header.alg)}`);
  if (header.typ !== VC_JWT_TYP && header.typ !== LEGACY_TYP) {
    throw new Error(`Unexpected typ ${String(header.typ)}`);
  }
  const keys = Array.isArray(publicJwks) ? publicJwks : [publicJwks as JWK];
  const kid =
    typeof header.kid === 'string' ? header.kid.slice(header.kid.lastIndexOf('#') + 1) : '';
  const publicJwk = keys.length === 1 && !header.kid ? keys[0] : keys.find((k) => k.kid === kid);
  if (!publicJwk) throw new Error(`No published key matches the JWT's kid ${String(header.kid)}`);
  const key = await importJWK({ kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x }, 'EdDSA');
  const { payload } = await jwtVerify(token, key, { algorithms: ['EdDSA'] });
  const issuer = payload.issuer as CredentialLike['issuer'] | undefined;
  const issuerId = typeof issuer === 'string' ? issuer : issuer?.id;
  if (payload.iss !== undefined && payload.iss !== issuerId) {
    throw new Error('JWT iss does not match the credential issuer');
  }
  return payload as Record<string, unknown>;
}
