import { createHash } from 'node:crypto';
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from './contexts.js';
import { criteriaNarrative } from './criteria.js';
import { formatCeu, formatLongDate, formatMinutes, utcDate } from './format.js';
import { verificationMethodId } from './jwt.js';
import type { IssuerPublicJwk } from './keys.js';
import type { CertificateCredit, CertificateSnapshot } from './types.js';

/** The organisation that signs: its profile is served (as JSON) at `id`. */
export interface IssuerInfo {
  /** URL of the issuer profile document (see issuerProfile). */
  id: string;
  name: string;
  /** Human-facing home page. */
  url: string;
}

export interface StatusListRef {
  /** URL of the BitstringStatusListCredential. */
  url: string;
  index: number;
}

export interface OpenBadgeOptions {
  /**
   * `credentialSubject.id` (and the JWT's `sub`): who holds the badge, see learnerSubjectId.
   * Required by OB 3.0's VC-JWT rules.
   */
  subjectId: string;
  /**
   * Leave the participant's plain name out of the badge (only the salted hash stays), for
   * holders who share badges publicly. Default false: auditors read the name.
   */
  omitPlainName?: boolean;
  /** Overrides the derived achievement id (e.g. a public course URL). */
  achievementId?: string;
}

export interface Profile {
  id: string;
  type: ['Profile'];
  name: string;
  url?: string;
}

export interface ResultDescription {
  id: string;
  type: ['ResultDescription'];
  name: string;
  resultType: string;
}

export interface Result {
  type: ['Result'];
  resultDescription: string;
  value: string;
}

export interface IdentifierEntry {
  type: 'IdentifierEntry';
  identifier: string;
  identifierType: string;
}

export interface IdentityObject {
  type: 'IdentityObject';
  hashed: true;
  identityHash: string;
  identityType: 'name';
  salt: string;
}

export interface OpenBadgeCredential {
  '@context': [typeof VC_V2_CONTEXT, typeof OB_V3_CONTEXT];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  issuer: Profile;
  validFrom: string;
  name: string;
  description: string;
  credentialSubject: {
    id: string;
    type: ['AchievementSubject'];
    name?: string;
    identifier: IdentityObject[];
    activityEndDate: string;
    achievement: {
      id: string;
      type: ['Achievement'];
      achievementType: 'CertificateOfCompletion';
      name: string;
      description: string;
      criteria: { narrative: string };
      creator: Profile;
      otherIdentifier: IdentifierEntry[];
      resultDescription: ResultDescription[];
    };
    result: Result[];
  };
  credentialStatus: {
    id: string;
    type: 'BitstringStatusListEntry';
    statusPurpose: 'revocation';
    statusListIndex: string;
    statusListCredential: string;
  };
}

/** The `resultType` extension value for a body's CEU award (OB 3.0 allows `ext:` values). */
export const CEU_RESULT_TYPE = 'ext:ContinuingEducationUnits';

/** Deterministic RFC 4122-shaped URN from a name (SHA-256 based, version nibble 8 = custom). */
function nameUrn(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The learner's `credentialSubject.id` (and the JWT's `sub`): a name-based `urn:uuid:` from the
 * issuer id and the learner's user id (a random UUID). Stable for one learner across all their
 * badges from this issuer, so wallets can group them; reveals neither the user id (SHA-256 of a
 * 122-bit random value) nor anything personal (no email, no name).
 */
export function learnerSubjectId(issuerId: string, userId: string): string {
  return nameUrn('learner', issuerId, userId);
}

/** OB 3.0 IdentityHash: "sha256$" + hex(SHA-256(plaintext + salt)). */
export function hashIdentity(plaintext: string, salt: string): string {
  return `sha256$${createHash('sha256')
    .update(plaintext + salt)
    .digest('hex')}`;
}

function creditLabel(credit: CertificateCredit): string {
  return credit.body === 'OTHER' ? credit.bodyName : credit.body;
}

/** "AAPC · Index number AAPC-DEMO-0001 · 2.00 CEUs (core)": the line printed per body. */
export function creditLine(credit: CertificateCredit): string {
  const amount = formatCeu(credit.ceuAmount);
  const unit = Number(amount) === 1 ? 'CEU' : 'CEUs';
  const category = credit.category ? ` (${credit.category})` : '';
  return `${creditLabel(credit)} · Index number ${credit.indexNumber} · ${amount} ${unit}${category}`;
}

function validateSnapshot(s: CertificateSnapshot): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s.completionDate)) {
    throw new Error(`completionDate must be YYYY-MM-DD: ${s.completionDate}`);
  }
  if (Number.isNaN(Date.parse(s.issuedAt))) throw new Error(`issuedAt is not ISO: ${s.issuedAt}`);
  if (!Number.isInteger(s.statusListIndex) || s.statusListIndex < 0) {
    throw new Error(`statusListIndex must be a non-negative integer: ${s.statusListIndex}`);
  }
}

/**
 * Builds the unsigned W3C VC 2.0 / Open Badges 3.0 `OpenBadgeCredential` for a certificate.
 *
 * Credits: each body's award is one `achievement.resultDescription` (resultType
 * `ext:ContinuingEducationUnits`, name "AAPC CEUs, index number …, core") paired with one
 * `credentialSubject.result` holding the approved amount as a string ("2.00"); each index number
 * is also an `achievement.otherIdentifier` entry (identifierType `ext:AAPCIndexNumber`). Bodies
 * are never summed, so `creditsAvailable`/`creditsEarned` (single numbers) are not used.
 */
export function buildOpenBadgeCredential(
  snapshot: CertificateSnapshot,
  issuer: IssuerInfo,
  statusList: StatusListRef,
  options: OpenBadgeOptions,
): OpenBadgeCredential {
  validateSnapshot(snapshot);
  const issuerProfile: Profile = {
    id: issuer.id,
    type: ['Profile'],
    name: issuer.name,
    url: issuer.url,
  };
  const achievementId =
    options.achievementId ?? nameUrn('achievement', issuer.id, snapshot.programTitle);
  const time = formatMinutes(snapshot.instructionalMinutes);

  const credits = snapshot.credits.map((credit) => {
    const amount = formatCeu(credit.ceuAmount);
    const descriptionId = nameUrn('credit', achievementId, credit.body, credit.indexNumber);
    const category = credit.category ? `, ${credit.category}` : '';
    return {
      identifier: {
        type: 'IdentifierEntry' as const,
        identifier: credit.indexNumber,
        identifierType: `ext:${credit.body}IndexNumber`,
      },
      description: {
        id: descriptionId,
        type: ['ResultDescription'] as ['ResultDescription'],
        name: `${creditLabel(credit)} CEUs, index number ${credit.indexNumber}${category}`,
        resultType: CEU_RESULT_TYPE,
      },
      result: {
        type: ['Result'] as ['Result'],
        resultDescription: descriptionId,
        value: amount,
      },
    };
  });

  const creditSummary = snapshot.credits.map(creditLine).join('; ');
  const supersedes = snapshot.supersedesSerial
    ? ` It supersedes certificate ${snapshot.supersedesSerial}.`
    : '';

  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: snapshot.verifyUrl,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: issuerProfile,
    validFrom: new Date(snapshot.issuedAt).toISOString(),
    name: `Certificate of Completion: ${snapshot.programTitle}`,
    description:
      `Certificate ${snapshot.serial}, issued ${formatLongDate(utcDate(snapshot.issuedAt))} by ` +
      `${snapshot.sponsoringOrganization}.${supersedes}` +
      (creditSummary ? ` Credit: ${creditSummary}.` : ''),
    credentialSubject: {
      id: options.subjectId,
      type: ['AchievementSubject'],
      ...(options.omitPlainName ? {} : { name: snapshot.participantName }),
      identifier: [
        {
          type: 'IdentityObject',
          hashed: true,
          identityHash: hashIdentity(snapshot.participantName, snapshot.serial),
          identityType: 'name',
          salt: snapshot.serial,
        },
      ],
      activityEndDate: `${snapshot.completionDate}T00:00:00Z`,
      achievement: {
        id: achievementId,
        type: ['Achievement'],
        achievementType: 'CertificateOfCompletion',
        name: snapshot.programTitle,
        description:
          `Continuing-education program "${snapshot.programTitle}" sponsored by ` +
          `${snapshot.sponsoringOrganization}: ${time} of instruction.`,
        criteria: {
          narrative: criteriaNarrative(snapshot.programTitle, snapshot.completionRules),
        },
        creator: {
          id: issuer.id,
          type: ['Profile'],
          name: snapshot.sponsoringOrganization,
          url: issuer.url,
        },
        otherIdentifier: credits.map((c) => c.identifier),
        resultDescription: credits.map((c) => c.description),
      },
      result: credits.map((c) => c.result),
    },
    credentialStatus: {
      id: `${statusList.url}#${statusList.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(statusList.index),
      statusListCredential: statusList.url,
    },
  };
}

/**
 * The issuer Profile served at `issuer.id`: who signs, and its Ed25519 public keys (as JWKs in
 * `JsonWebKey` verification methods whose ids equal the JWT header's kid): the current key
 * first, then every retired key, so badges signed before a key rotation still verify.
 */
export function issuerProfile(
  issuer: IssuerInfo,
  publicJwk: IssuerPublicJwk,
  retiredJwks: readonly IssuerPublicJwk[] = [],
) {
  const keys = [publicJwk, ...retiredJwks.filter((k) => k.kid !== publicJwk.kid)];
  const verificationMethod = keys.map(({ kty, crv, x, kid, alg, use }) => ({
    id: verificationMethodId(issuer.id, kid),
    type: 'JsonWebKey' as const,
    controller: issuer.id,
    publicKeyJwk: { kty, crv, x, kid, alg, use },
  }));
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: issuer.id,
    type: ['Profile'],
    name: issuer.name,
    url: issuer.url,
    verificationMethod,
    assertionMethod: verificationMethod.map((method) => method.id),
  };
}
