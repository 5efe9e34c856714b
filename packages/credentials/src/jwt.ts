import {
  decodeProtectedHeader,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import type { IssuerKey } from './keys.js';

/** Media type of a VC secured with JOSE (W3C VC-JOSE-COSE). */
export const VC_JWT_TYP = 'vc+jwt';

/** Any credential object: the payload is the credential itself (VC-JOSE-COSE, VCDM 2.0). */
export interface CredentialLike {
  id?: string;
  issuer: string | { id: string };
}

export function credentialIssuerId(credential: CredentialLike): string {
  return typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id;
}

/** The absolute key id used in the JWT header and the issuer profile: `<issuer id>#<kid>`. */
export function verificationMethodId(issuerId: string, kid: string): string {
  return `${issuerId}#${kid}`;
}

/**
 * Signs a credential as a VC-JOSE-COSE compact JWS: header `{alg: EdDSA, typ: vc+jwt, cty: vc,
 * kid: <issuer id>#<kid>}`, payload = the credential JSON plus the non-conflicting JWT claims
 * `iss` (= issuer id), `jti` (= credential id) and `iat`.
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
      cty: 'vc',
      kid: verificationMethodId(issuerId, key.kid),
    })
    .setIssuer(issuerId)
    .setIssuedAt(options.issuedAt ?? new Date());
  if (credential.id) jwt.setJti(credential.id);
  return jwt.sign(key.privateKey);
}

/**
 * Verifies a vc+jwt against the issuer's public JWK and returns the credential (the payload).
 * For the public verify page; tests deliberately check signatures with jose directly instead.
 */
export async function verifyCredentialJwt(
  token: string,
  publicJwk: JWK,
): Promise<Record<string, unknown>> {
  const header = decodeProtectedHeader(token);
  if (header.alg !== 'EdDSA') throw new Error(`Unexpected alg ${String(header.alg)}`);
  const key = await importJWK({ kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x }, 'EdDSA');
  const { payload } = await jwtVerify(token, key, { algorithms: ['EdDSA'], typ: VC_JWT_TYP });
  const issuer = payload.issuer as CredentialLike['issuer'] | undefined;
  const issuerId = typeof issuer === 'string' ? issuer : issuer?.id;
  if (payload.iss !== undefined && payload.iss !== issuerId) {
    throw new Error('JWT iss does not match the credential issuer');
  }
  return payload as Record<string, unknown>;
}
