// End to end: build an Open Badges 3.0 credential, sign it, and check it with jose's own
// jwtVerify and the bare public JWK (an independent path: none of our verify code runs), then
// revoke it through the status list and show tampering breaks the signature.
import { createHash } from 'node:crypto';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { signCredentialJwt, verifyCredentialJwt } from './jwt.js';
import { generateIssuerKey, type IssuerKey, type IssuerKeyPair, importIssuerKey } from './keys.js';
import { buildOpenBadgeCredential, hashIdentity, issuerProfile } from './open-badge.js';
import { buildStatusListCredential, encodeStatusList, isRevoked } from './status-list.js';
import { SAMPLE_PROGRAM_TITLE, sampleSnapshot } from './testing/sample.js';

const issuer = {
  id: 'https://lms.codecred.example/issuer',
  name: 'CodeCred LMS',
  url: 'https://lms.codecred.example',
};
const statusListUrl = 'https://lms.codecred.example/credentials/status/1';
const holder = { subjectId: 'urn:uuid:00000000-0000-8000-8000-000000000001' };

let pair: IssuerKeyPair;
let key: IssuerKey;
beforeAll(async () => {
  pair = await generateIssuerKey();
  key = await importIssuerKey(JSON.stringify(pair.privateJwk));
});

/** Only the public x coordinate, as a verifier would take it from the issuer profile. */
async function publicKeyFromProfile() {
  const profile = issuerProfile(issuer, pair.publicJwk);
  const method = profile.verificationMethod[0]!;
  return importJWK(method.publicKeyJwk, 'EdDSA');
}

function tamperPayload(token: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
  change(claims);
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

describe('OpenBadgeCredential', () => {
  it('has the OB 3.0 / VC 2.0 shape, with each body credited separately', () => {
    const snapshot = sampleSnapshot();
    const vc = buildOpenBadgeCredential(
      snapshot,
      issuer,
      { url: statusListUrl, index: 4242 },
      holder,
    );
    expect(vc['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(vc.id).toBe(snapshot.verifyUrl);
    expect(vc.issuer).toEqual({ ...issuer, type: ['Profile'] });
    expect(vc.validFrom).toBe('2026-11-21T15:04:05.000Z');
    expect(vc).not.toHaveProperty('validUntil');

    const subject = vc.credentialSubject;
    expect(subject.id).toBe('urn:uuid:00000000-0000-8000-8000-000000000001');
    expect(subject.type).toEqual(['AchievementSubject']);
    expect(subject.name).toBe('Jordan A. Rivera');
    expect(subject.identifier[0]).toEqual({
      type: 'IdentityObject',
      hashed: true,
      identityType: 'name',
      salt: snapshot.serial,
      identityHash: `sha256$${createHash('sha256')
        .update(`Jordan A. Rivera${snapshot.serial}`)
        .digest('hex')}`,
    });
    expect(subject.activityEndDate).toBe('2026-11-20T00:00:00Z');

    const achievement = subject.achievement;
    expect(achievement.type).toEqual(['Achievement']);
    expect(achievement.achievementType).toBe('CertificateOfCompletion');
    expect(achievement.name).toBe(SAMPLE_PROGRAM_TITLE);
    expect(achievement.id).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(achievement.criteria.narrative).toContain('post-test');
    expect(achievement.creator.name).toBe('CodeCred LMS');
    expect(achievement.otherIdentifier).toEqual([
      {
        type: 'IdentifierEntry',
        identifier: 'AAPC-DEMO-0001',
        identifierType: 'ext:AAPCIndexNumber',
      },
      {
        type: 'IdentifierEntry',
        identifier: 'AHIMA-DEMO-0001',
        identifierType: 'ext:AHIMAIndexNumber',
      },
    ]);
    // One ResultDescription + Result per body, amounts kept as approved strings, never summed.
    expect(achievement.resultDescription.map((d) => d.name)).toEqual([
      'AAPC CEUs, index number AAPC-DEMO-0001, core',
      'AHIMA CEUs, index number AHIMA-DEMO-0001, coding',
    ]);
    expect(subject.result).toEqual(
      achievement.resultDescription.map((d) => ({
        type: ['Result'],
        resultDescription: d.id,
        value: '2.00',
      })),
    );
    expect(new Set(achievement.resultDescription.map((d) => d.id)).size).toBe(2);
    expect(JSON.stringify(vc)).not.toMatch(/"4\.00"|creditsEarned|creditsAvailable/);

    expect(vc.credentialStatus).toEqual({
      id: `${statusListUrl}#4242`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '4242',
      statusListCredential: statusListUrl,
    });
  });

  it('is deterministic, can omit the plain name, and mentions a superseded serial', () => {
    const snapshot = sampleSnapshot({ supersedesSerial: 'CEU-0000-1111-2222' });
    const ref = { url: statusListUrl, index: 1 };
    expect(buildOpenBadgeCredential(snapshot, issuer, ref, holder)).toEqual(
      buildOpenBadgeCredential(snapshot, issuer, ref, holder),
    );
    const anonymous = buildOpenBadgeCredential(snapshot, issuer, ref, {
      ...holder,
      omitPlainName: true,
    });
    expect(anonymous.credentialSubject).not.toHaveProperty('name');
    expect(JSON.stringify(anonymous)).not.toContain('Jordan');
    expect(anonymous.credentialSubject.identifier[0]!.identityHash).toBe(
      hashIdentity('Jordan A. Rivera', snapshot.serial),
    );
    expect(anonymous.description).toContain('supersedes certificate CEU-0000-1111-2222');
  });

  it('rejects a snapshot with a malformed date or index', () => {
    const ref = { url: statusListUrl, index: 1 };
    expect(() =>
      buildOpenBadgeCredential(
        sampleSnapshot({ completionDate: '20/11/2026' }),
        issuer,
        ref,
        holder,
      ),
    ).toThrow(/completionDate/);
    expect(() =>
      buildOpenBadgeCredential(sampleSnapshot({ statusListIndex: -1 }), issuer, ref, holder),
    ).toThrow(/statusListIndex/);
  });
});

describe('signed credential, verified independently, then revoked', () => {
  it('verifies with jose.jwtVerify and the public JWK, then shows up revoked', async () => {
    const snapshot = sampleSnapshot();
    const credential = buildOpenBadgeCredential(
      snapshot,
      issuer,
      {
        url: statusListUrl,
        index: snapshot.statusListIndex,
      },
      holder,
    );
    const token = await signCredentialJwt(credential, key);

    // Header: OB 3.0 VC-JWT.
    const header = decodeProtectedHeader(token);
    expect(header).toEqual({
      alg: 'EdDSA',
      typ: 'JWT',
      kid: `${issuer.id}#${pair.kid}`,
    });
    // The header's kid names the verification method published in the issuer profile.
    const profile = issuerProfile(issuer, pair.publicJwk);
    expect(profile.assertionMethod).toEqual([header.kid]);
    expect(profile.verificationMethod[0]!.publicKeyJwk).not.toHaveProperty('d');

    // Independent check: jose's verifier with only the public key.
    const { payload, protectedHeader } = await jwtVerify(token, await publicKeyFromProfile(), {
      algorithms: ['EdDSA'],
      typ: 'JWT',
      issuer: issuer.id,
    });
    expect(protectedHeader.alg).toBe('EdDSA');
    expect(payload.jti).toBe(snapshot.verifyUrl);
    expect(typeof payload.iat).toBe('number');
    const { iss: _iss, jti: _jti, iat: _iat, nbf: _nbf, sub: _sub, ...vc } = payload;
    expect(vc).toEqual(JSON.parse(JSON.stringify(credential)));
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    const subject = vc.credentialSubject as typeof credential.credentialSubject;
    expect(subject.achievement.achievementType).toBe('CertificateOfCompletion');
    expect(subject.achievement.otherIdentifier[0]!.identifier).toBe('AAPC-DEMO-0001');
    expect(subject.result.map((r) => r.value)).toEqual(['2.00', '2.00']);

    // Our own verifier agrees (used by the verify page).
    expect(await verifyCredentialJwt(token, pair.publicJwk)).toEqual(payload);

    // Status: not revoked, then revoke this credential's index and publish a new list.
    const status = vc.credentialStatus as typeof credential.credentialStatus;
    const before = await signCredentialJwt(
      buildStatusListCredential({
        id: status.statusListCredential,
        issuer: issuer.id,
        encodedList: encodeStatusList([1, 2, 3]),
        validFrom: '2026-11-21T15:04:05Z',
      }),
      key,
    );
    const after = await signCredentialJwt(
      buildStatusListCredential({
        id: status.statusListCredential,
        issuer: issuer.id,
        encodedList: encodeStatusList([1, 2, 3, Number(status.statusListIndex)]),
        validFrom: '2026-11-28T09:00:00Z',
      }),
      key,
    );
    // A verifier fetches the status list credential, checks its signature the same way, reads
    // the bit at statusListIndex.
    const check = async (listJwt: string) => {
      const { payload: list } = await jwtVerify(listJwt, await publicKeyFromProfile(), {
        algorithms: ['EdDSA'],
        typ: 'JWT',
      });
      expect(list.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
      expect(list.id).toBe(status.statusListCredential);
      const listSubject = list.credentialSubject as { encodedList: string; statusPurpose: string };
      expect(listSubject.statusPurpose).toBe(status.statusPurpose);
      return isRevoked(listSubject.encodedList, status.statusListIndex);
    };
    expect(await check(before)).toBe(false);
    expect(await check(after)).toBe(true);
  });

  it('fails verification when the payload is tampered with or the key is wrong', async () => {
    const credential = buildOpenBadgeCredential(
      sampleSnapshot(),
      issuer,
      {
        url: statusListUrl,
        index: 4242,
      },
      holder,
    );
    const token = await signCredentialJwt(credential, key);
    const publicKey = await publicKeyFromProfile();

    const moreCredit = tamperPayload(token, (p) => {
      const subject = p.credentialSubject as typeof credential.credentialSubject;
      subject.result[0]!.value = '20.00';
    });
    await expect(jwtVerify(moreCredit, publicKey)).rejects.toMatchObject({
      code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
    const otherName = tamperPayload(token, (p) => {
      (p.credentialSubject as { name: string }).name = 'Somebody Else';
    });
    await expect(jwtVerify(otherName, publicKey)).rejects.toMatchObject({
      code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
    await expect(verifyCredentialJwt(otherName, pair.publicJwk)).rejects.toThrow();

    // A key the issuer never published does not verify either.
    const stranger = await generateIssuerKey();
    await expect(
      jwtVerify(token, await importJWK(stranger.publicJwk, 'EdDSA')),
    ).rejects.toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });

    // Untouched, it still verifies: the failures above are the tampering, not the setup.
    await expect(jwtVerify(token, publicKey)).resolves.toBeTruthy();
  });
});
