import { CycleAnchor } from '@lms/db';
import { DateTimeResolver } from 'graphql-scalars';
import {
  Field,
  ID,
  InputType,
  Int,
  InterfaceType,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import { CreditBody } from '../common/enums';

export enum CertificateStatus {
  VALID = 'VALID',
  REVOKED = 'REVOKED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(CertificateStatus, {
  name: 'CertificateStatus',
  description:
    'VALID: in force. REVOKED: withdrawn (see revokedAt and revocationReason). SUPERSEDED: replaced by a corrected certificate (see supersededBySerial).',
});

export enum VerificationStatus {
  VALID = 'VALID',
  REVOKED = 'REVOKED',
  SUPERSEDED = 'SUPERSEDED',
  NOT_FOUND = 'NOT_FOUND',
}
registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description: 'What a serial verifies as: a certificate status, or NOT_FOUND.',
});

export enum TranscriptSource {
  CERTIFICATE = 'CERTIFICATE',
  SELF_REPORTED = 'SELF_REPORTED',
}
registerEnumType(TranscriptSource, {
  name: 'TranscriptSource',
  description: 'CERTIFICATE: earned here (a certificate). SELF_REPORTED: entered by the learner.',
});

registerEnumType(CycleAnchor, {
  name: 'CycleAnchor',
  description:
    'CERTIFICATION_DATE: cycles run from the date the credential was earned. CALENDAR_YEAR: cycles are calendar years.',
});

@ObjectType({
  simpleResolvers: true,
  description: 'One body’s credit on a certificate, exactly as approved.',
})
export class CertificateCredit {
  @Field(() => CreditBody, { description: 'The approving body.' })
  body!: CreditBody;

  @Field(() => String, { description: 'The body’s name as printed.' })
  bodyName!: string;

  @Field(() => String, { description: 'The approval’s index number.' })
  indexNumber!: string;

  @Field(() => String, { description: 'Approved CEUs, two decimals (e.g. "2.00").' })
  ceuAmount!: string;

  @Field(() => String, { description: 'Category as the body names it, e.g. "core".' })
  category!: string;
}

/**
 * What every certificate says and its status: the fields the holder's `Certificate` and the
 * public `CertificateRecord` share. One GraphQL interface, so the web asks for them with one
 * fragment and the two types cannot drift apart field by field.
 */
@InterfaceType({
  description:
    'What a certificate says (its immutable snapshot) and its status, wherever it is shown.',
})
export abstract class CertificateContent {
  @Field(() => String, { description: 'Serial, e.g. CEU-7K3M-9QXD-H2TB.' })
  serial!: string;

  @Field(() => String, { description: 'The participant’s name as printed.' })
  participantName!: string;

  @Field(() => String, { description: 'Program (course) title.' })
  programTitle!: string;

  @Field(() => String, { description: 'Sponsoring organization.' })
  sponsoringOrganization!: string;

  @Field(() => String, { description: 'Program (completion) date, YYYY-MM-DD.' })
  completionDate!: string;

  @Field(() => DateTimeResolver, { description: 'When the certificate was issued.' })
  issuedAt!: Date;

  @Field(() => [CertificateCredit], {
    description: 'Each body’s credit on its own line; empty for a certificate without credit.',
  })
  credits!: CertificateCredit[];

  @Field(() => Int, { description: 'Minutes of instruction.' })
  instructionalMinutes!: number;

  @Field(() => String, { description: 'Public verification page.' })
  verifyUrl!: string;

  @Field(() => CertificateStatus, { description: 'Status now.' })
  status!: CertificateStatus;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was revoked.' })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked.' })
  revocationReason!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Serial of the certificate this one corrects.',
  })
  supersedesSerial!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Serial of the certificate that replaced this one.',
  })
  supersededBySerial!: string | null;
}

@ObjectType({
  // Plain fields, no per-field wrapper (public verification; api/src/modules/catalog/simple-resolvers.test.ts).
  simpleResolvers: true,
  description:
    'What a certificate says (its immutable snapshot) and its status. Contains nothing that is not printed on the certificate.',
  implements: CertificateContent,
})
export class CertificateRecord extends CertificateContent {}

@ObjectType({
  description: 'A certificate as its holder (or an admin) sees it.',
  implements: CertificateContent,
})
export class Certificate extends CertificateContent {
  @Field(() => ID, { description: 'Certificate id.' })
  id!: string;

  @Field(() => ID, { description: 'The course completed.' })
  courseId!: string;

  @Field(() => String, {
    description:
      'Absolute URL of the signed Open Badges 3.0 credential (VC-JWT) on the API (send the bearer token). The web app serves the same path for signed-in holders.',
  })
  openBadgeUrl!: string;
}

@ObjectType({ description: 'What a passing quiz attempt’s course completion issued.' })
export class AttemptCompletion {
  @Field(() => Boolean, {
    description: 'True when this attempt is the one the course completion records.',
  })
  completedCourse!: boolean;

  @Field(() => [Certificate], {
    description: 'The certificates that completion issued (a reissued one: its successor).',
  })
  certificates!: Certificate[];

  @Field(() => Boolean, {
    description:
      'The course is complete but its certificates wait for the learner to confirm the name to print.',
  })
  awaitingCertificateName!: boolean;
}

@ObjectType({ description: 'A certificate in an admin’s search, with whose it is.' })
export class CertificateSearchHit {
  @Field(() => Certificate, { description: 'The certificate and its status.' })
  certificate!: Certificate;

  @Field(() => String, { description: 'The holder’s account name.' })
  holderName!: string;

  @Field(() => String, { description: 'The holder’s sign-in email.' })
  holderEmail!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who revoked it (null when valid, or revoked by the system, e.g. a refund).',
  })
  revokedByName!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'The public answer for a serial.' })
export class CertificateVerification {
  @Field(() => VerificationStatus, { description: 'VALID, REVOKED, SUPERSEDED or NOT_FOUND.' })
  status!: VerificationStatus;

  @Field(() => String, {
    nullable: true,
    description: 'The serial looked up, in canonical form; null when the input cannot be a serial.',
  })
  serial!: string | null;

  @Field(() => CertificateRecord, {
    nullable: true,
    description: 'What the certificate says; null when NOT_FOUND.',
  })
  certificate!: CertificateRecord | null;
}

@ObjectType({ description: 'A credential the learner holds.' })
export class LearnerCredential {
  @Field(() => ID, { description: 'The credential’s id (to update or remove it).' })
  id!: string;

  @Field(() => CreditBody, { description: 'The body that awarded it.' })
  body!: CreditBody;

  @Field(() => String, { description: 'Abbreviation, e.g. CPC.' })
  credential!: string;

  @Field(() => String, { description: 'When it was earned (exam date), YYYY-MM-DD.' })
  certifiedOn!: string;
}

@InputType({ description: 'A credential to record.' })
export class LearnerCredentialInput {
  @Field(() => CreditBody, { description: 'The body that awarded it.' })
  body!: CreditBody;

  @Field(() => String, { description: 'Abbreviation, e.g. CPC, CCS, CMC, RHIA.' })
  credential!: string;

  @Field(() => String, { description: 'When it was earned, YYYY-MM-DD.' })
  certifiedOn!: string;
}

@ObjectType({ description: 'CEUs earned elsewhere, entered by the learner.' })
export class SelfReportedCredit {
  @Field(() => ID, { description: 'The entry’s id (to update or remove it).' })
  id!: string;

  @Field(() => CreditBody, { description: 'Whose CEUs.' })
  body!: CreditBody;

  @Field(() => String, { description: 'Program title.' })
  title!: string;

  @Field(() => String, { description: 'Who provided it.' })
  provider!: string;

  @Field(() => String, { description: 'Completion date, YYYY-MM-DD.' })
  completedOn!: string;

  @Field(() => String, { description: 'CEUs, two decimals.' })
  ceuAmount!: string;

  @Field(() => String, { description: 'Category, e.g. core.' })
  category!: string;

  @Field(() => String, {
    description: 'The learner’s own note (e.g. where the activity took place); empty when none.',
  })
  note!: string;
}

@InputType({ description: 'CEUs earned elsewhere.' })
export class SelfReportedCreditInput {
  @Field(() => CreditBody, { description: 'Whose CEUs.' })
  body!: CreditBody;

  @Field(() => String, { description: 'Program title.' })
  title!: string;

  @Field(() => String, { description: 'Who provided it.' })
  provider!: string;

  @Field(() => String, { description: 'Completion date, YYYY-MM-DD (not in the future).' })
  completedOn!: string;

  @Field(() => String, { description: 'CEUs as a decimal, e.g. "1.5".' })
  ceuAmount!: string;

  @Field(() => String, { nullable: true, description: 'Category (default "core").' })
  category?: string;

  @Field(() => String, {
    nullable: true,
    description: 'A note of the learner’s own (e.g. where the activity took place).',
  })
  note?: string;
}

@ObjectType({ description: 'One line of a transcript cycle.' })
export class TranscriptEntry {
  @Field(() => String, { description: 'Program (completion) date, YYYY-MM-DD.' })
  date!: string;

  @Field(() => String, { description: 'Program title.' })
  title!: string;

  @Field(() => CreditBody, { description: 'Whose CEUs.' })
  body!: CreditBody;

  @Field(() => String, { description: 'CEUs, two decimals.' })
  ceuAmount!: string;

  @Field(() => String, { description: 'Category.' })
  category!: string;

  @Field(() => TranscriptSource, { description: 'Certificate or self-reported.' })
  source!: TranscriptSource;

  @Field(() => String, { nullable: true, description: 'Certificate serial (certificates).' })
  serial!: string | null;

  @Field(() => String, { nullable: true, description: 'Index number (certificates).' })
  indexNumber!: string | null;

  @Field(() => String, { description: 'Provider.' })
  provider!: string;

  @Field(() => ID, { nullable: true, description: 'Self-reported entry id (to remove it).' })
  selfReportedId!: string | null;
}

@ObjectType({ description: 'CEUs earned for a body the learner holds no credential of yet.' })
export class UncountedCredits {
  @Field(() => CreditBody, { description: 'The credentialing body these CEUs were earned for.' })
  body!: CreditBody;

  @Field(() => String, { description: 'CEUs earned, e.g. "1.75".' })
  earned!: string;

  @Field(() => [String], {
    description: 'Credentials the body’s renewal rules name (may be empty): what to add.',
  })
  suggestedCredentials!: string[];

  @Field(() => [TranscriptEntry], { description: 'The entries, newest first.' })
  entries!: TranscriptEntry[];
}

@ObjectType({ description: 'A credential’s own minimum within a cycle (AAPC specialty).' })
export class CredentialMinimum {
  @Field(() => String, { description: 'The credential, e.g. "CRC".' })
  credential!: string;

  @Field(() => String, { description: 'CEUs it needs in its own category.' })
  minimum!: string;

  @Field(() => String, { description: 'CEUs earned in that category in the cycle.' })
  earned!: string;
}

@ObjectType({
  description: 'A renewal cycle of one body’s credentials. Bodies are never added together.',
})
export class TranscriptCycle {
  @Field(() => CreditBody, { description: 'The credentialing body whose renewal cycle this is.' })
  body!: CreditBody;

  @Field(() => [String], { description: 'Credentials maintained, e.g. ["CPC"].' })
  credentials!: string[];

  @Field(() => String, { description: 'Label, e.g. "CPC (AAPC)".' })
  label!: string;

  @Field(() => String, { description: 'First day, YYYY-MM-DD.' })
  cycleStart!: string;

  @Field(() => String, { description: 'Last day, YYYY-MM-DD.' })
  cycleEnd!: string;

  @Field(() => Boolean, { description: 'The cycle containing today.' })
  current!: boolean;

  @Field(() => String, { description: 'CEUs required in the cycle.' })
  required!: string;

  @Field(() => String, { description: 'CEUs earned in the cycle (certificates + self-reported).' })
  earned!: string;

  @Field(() => String, { description: 'CEUs still needed (0.00 when met).' })
  remaining!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Minimum CEUs on core topics (PMI), or null.',
  })
  coreMinimum!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Core CEUs earned, when there is a minimum.',
  })
  coreEarned!: string | null;

  @Field(() => [CredentialMinimum], {
    description: 'Specialty credentials’ own minimums (AAPC), each with what counts toward it.',
  })
  credentialMinimums!: CredentialMinimum[];

  @Field(() => Int, {
    description:
      'Progress toward the cycle, 0–100: 100 only when nothing remains (core and specialty minimums included).',
  })
  percent!: number;

  @Field(() => [TranscriptEntry], { description: 'Entries, newest first.' })
  entries!: TranscriptEntry[];
}

@ObjectType({ description: 'The learner’s CEU transcript.' })
export class Transcript {
  @Field(() => String, { description: 'The learner’s name.' })
  learnerName!: string;

  @Field(() => DateTimeResolver, { description: 'When it was computed.' })
  generatedAt!: Date;

  @Field(() => [TranscriptCycle], { description: 'Cycles: current ones first, per body.' })
  cycles!: TranscriptCycle[];

  @Field(() => [UncountedCredits], {
    description:
      'CEUs of bodies the learner has no credential of yet: earned, in no cycle until one is added.',
  })
  uncounted!: UncountedCredits[];
}

@ObjectType({ description: 'A body’s dated CEU renewal rule.' })
export class CeuRequirement {
  @Field(() => ID, { description: 'The rule’s id.' })
  id!: string;

  @Field(() => CreditBody, { description: 'The credentialing body the rule belongs to.' })
  body!: CreditBody;

  @Field(() => String, { description: 'Credential, or "*" for any of the body’s credentials.' })
  credential!: string;

  @Field(() => String, { description: 'In effect for cycles starting on or after, YYYY-MM-DD.' })
  effectiveFrom!: string;

  @Field(() => Int, { description: 'Cycle length in months.' })
  cycleMonths!: number;

  @Field(() => CycleAnchor, { description: 'What cycles are anchored on.' })
  cycleAnchor!: CycleAnchor;

  @Field(() => String, { description: 'CEUs for this credential alone.' })
  baseCeus!: string;

  @Field(() => String, { description: 'Extra CEUs per additional credential of the body.' })
  additionalCeus!: string;

  @Field(() => Int, { nullable: true, description: 'Cap on additional credentials counted.' })
  maxAdditional!: number | null;

  @Field(() => String, { nullable: true, description: 'Minimum core CEUs per cycle.' })
  coreMinimum!: string | null;

  @Field(() => String, { description: 'The category that counts as core.' })
  coreCategory!: string;

  @Field(() => String, {
    nullable: true,
    description: 'At most this many CEUs from capCategory count toward a cycle (null: no cap).',
  })
  capCeus!: string | null;

  @Field(() => String, { description: 'The capped category (empty: none).' })
  capCategory!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'CEUs this credential needs in its own category (named as the credential) per cycle, beside the total; null: none.',
  })
  credentialMinimum!: string | null;

  @Field(() => String, { description: 'Source and explanation.' })
  note!: string;

  @Field(() => DateTimeResolver, { description: 'Last change.' })
  updatedAt!: Date;
}

@InputType({ description: 'A renewal rule’s new values.' })
export class CeuRequirementInput {
  @Field(() => String, { description: 'In effect from, YYYY-MM-DD.' })
  effectiveFrom!: string;

  @Field(() => Int, { description: 'Cycle length in months.' })
  cycleMonths!: number;

  @Field(() => CycleAnchor, { description: 'What cycles are anchored on.' })
  cycleAnchor!: CycleAnchor;

  @Field(() => String, { description: 'CEUs for this credential alone.' })
  baseCeus!: string;

  @Field(() => String, { description: 'Extra CEUs per additional credential.' })
  additionalCeus!: string;

  @Field(() => Int, { nullable: true, description: 'Cap on additional credentials counted.' })
  maxAdditional!: number | null;

  @Field(() => String, { nullable: true, description: 'Minimum core CEUs, or null.' })
  coreMinimum!: string | null;

  @Field(() => String, { description: 'The category that counts as core.' })
  coreCategory!: string;

  @Field(() => String, {
    nullable: true,
    description: 'At most this many CEUs from capCategory count (null or omitted: no cap).',
  })
  capCeus?: string | null;

  @Field(() => String, { nullable: true, description: 'The capped category.' })
  capCategory?: string;

  @Field(() => String, {
    nullable: true,
    description: 'CEUs this credential needs in its own category per cycle (null: none).',
  })
  credentialMinimum?: string | null;

  @Field(() => String, { description: 'Source and explanation.' })
  note!: string;
}
