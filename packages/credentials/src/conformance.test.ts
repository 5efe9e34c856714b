// Conformance with the published Open Badges 3.0 documents, vendored under ../vendor (never
// fetched): 1EdTech's JSON Schema (draft 2019-09, checked with Ajv) and the OB 3.0 / VC 2.0
// JSON-LD contexts (checked with the jsonld processor and a loader that only knows the copies).
import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it } from 'vitest';
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from './contexts.js';
import { signCredentialJwt, verifyCredentialJwt } from './jwt.js';
import { generateIssuerKey, type IssuerKey, importIssuerKey } from './keys.js';
import { buildOpenBadgeCredential, issuerProfile, learnerSubjectId } from './open-badge.js';
import { sampleSnapshot } from './testing/sample.js';

const vendored = (file: string) =>
  JSON.parse(readFileSync(new URL(`../vendor/${file}`, import.meta.url), 'utf8'));

const CONTEXTS: Record<string, unknown> = {
  [VC_V2_CONTEXT]: vendored('credentials-v2.jsonld'),
  [OB_V3_CONTEXT]: vendored('ob-v3p0-context-3.0.3.json'),
};

/** A JSON-LD document loader that serves the vendored contexts and refuses everything else. */
async function documentLoader(url: string) {
  const document = CONTEXTS[url];
  if (!document) throw new Error(`Refusing to load ${url}: not vendored`);
  return { contextUrl: undefined, documentUrl: url, document: document as object };
}

/** Every IRI used as a property or type in an expanded JSON-LD document. */
function expandedTerms(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) expandedTerms(item, out);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (!key.startsWith('@')) out.add(key);
      if (key === '@type') for (const t of [value].flat()) out.add(String(t));
      expandedTerms(value, out);
    }
  }
  return out;
}

const issuer = {
  id: 'https://api.codecred.example/issuer',
  name: 'CodeCred LMS',
  url: 'https://lms.codecred.example',
};
const statusList = { url: 'https://api.codecred.example/credentials/status/1', index: 90_210 };
const LEARNER_ID = '5f0c2a3e-8d1b-4c55-9f6e-2b7a1c9d0e42';

let key: IssuerKey;
beforeAll(async () => {
  key = await importIssuerKey((await generateIssuerKey()).privateJwk);
});

function credential() {
  return buildOpenBadgeCredential(sampleSnapshot(), issuer, statusList, {
    subjectId: learnerSubjectId(issuer.id, LEARNER_ID),
  });
}

describe('Open Badges 3.0 conformance', () => {
  it('validates against the OB 3.0 AchievementCredential JSON Schema', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(vendored('ob_v3p0_achievementcredential_schema.json'));
    const vc = credential();
    const valid = validate(JSON.parse(JSON.stringify(vc)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The schema is not a rubber stamp: the old property name breaks it.
    const { otherIdentifier, ...achievement } = vc.credentialSubject.achievement;
    const misnamed = {
      ...vc,
      credentialSubject: {
        ...vc.credentialSubject,
        achievement: { ...achievement, otherIdentifier: [{ ...otherIdentifier[0], extra: 1 }] },
      },
    };
    expect(validate(misnamed)).toBe(false);
  });

  it('uses only terms the OB 3.0 and VC 2.0 contexts define', async () => {
    const expanded = await jsonld.expand(JSON.parse(JSON.stringify(credential())), {
      documentLoader,
      safe: true,
    } as unknown as jsonld.Options.Expand);
    const terms = [...expandedTerms(expanded)];
    expect(terms.length).toBeGreaterThan(20);
    // VC 2.0's @vocab catches undefined terms as "issuer-dependent": none may land there.
    expect(
      terms.filter((t) => t.startsWith('https://www.w3.org/ns/credentials/issuer-dependent#')),
    ).toEqual([]);
    expect(terms).toContain('https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier');
  });

  it('identifies the learner by a stable urn:uuid, never by email or database id', () => {
    const vc = credential();
    const id = vc.credentialSubject.id;
    expect(id).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(id).toBe(learnerSubjectId(issuer.id, LEARNER_ID));
    expect(id).not.toContain(LEARNER_ID);
    expect(learnerSubjectId(issuer.id, 'another-learner')).not.toBe(id);
    expect(JSON.stringify(vc)).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+|mailto:/);
  });

  it('is a VC-JWT as OB 3.0 defines it: typ JWT, alg and kid only; iss, jti, nbf and sub claims', async () => {
    const vc = credential();
    const token = await signCredentialJwt(vc, key);
    expect(decodeProtectedHeader(token)).toEqual({
      alg: 'EdDSA',
      typ: 'JWT',
      kid: `${issuer.id}#${key.kid}`,
    });
    const claims = decodeJwt(token);
    expect(claims.iss).toBe(issuer.id);
    expect(claims.jti).toBe(vc.id);
    expect(claims.sub).toBe(vc.credentialSubject.id);
    expect(claims.nbf).toBe(Date.parse(vc.validFrom) / 1000);
    expect(claims).not.toHaveProperty('exp'); // no validUntil
  });

  it('keeps retired keys in the issuer profile; the header kid picks the key that verifies', async () => {
    const retired = await importIssuerKey((await generateIssuerKey()).privateJwk);
    const oldToken = await signCredentialJwt(credential(), retired);
    const newToken = await signCredentialJwt(credential(), key);
    const profile = issuerProfile(issuer, key.publicJwk, [retired.publicJwk]);
    expect(profile.verificationMethod.map((m) => m.id)).toEqual([
      `${issuer.id}#${key.kid}`,
      `${issuer.id}#${retired.kid}`,
    ]);
    expect(profile.assertionMethod).toEqual(profile.verificationMethod.map((m) => m.id));
    const published = profile.verificationMethod.map((m) => m.publicKeyJwk);
    expect(JSON.stringify(published)).not.toContain('"d"');
    await expect(verifyCredentialJwt(oldToken, published)).resolves.toMatchObject({
      id: credential().id,
    });
    await expect(verifyCredentialJwt(newToken, published)).resolves.toMatchObject({
      id: credential().id,
    });
    // A key that was never published verifies nothing.
    const stranger = await importIssuerKey((await generateIssuerKey()).privateJwk);
    await expect(
      verifyCredentialJwt(await signCredentialJwt(credential(), stranger), published),
    ).rejects.toThrow(/kid/);
  });
});
