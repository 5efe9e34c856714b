import {
  addCredential,
  addSelfReportedCredit,
  getAttemptCompletion,
  getCertificate,
  getMyTranscript,
  listCeuRequirements,
  listMyCertificates,
  listMyCredentials,
  listSelfReportedCredits,
  reissueCertificate,
  removeCredential,
  removeSelfReportedCredit,
  revokeCertificate,
  searchCertificates,
  updateCeuRequirement,
  verifyCertificate,
} from '@lms/core';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { rateBuckets } from '../../rate-limit';
import { Connection, toConnection } from '../common/connection';
import {
  AttemptCompletion,
  Certificate,
  CertificateSearchHit,
  CertificateStatus,
  CertificateVerification,
  CeuRequirement,
  CeuRequirementInput,
  LearnerCredential,
  LearnerCredentialInput,
  SelfReportedCredit,
  SelfReportedCreditInput,
  Transcript,
} from './certificate.types';

const CertificateSearchConnection = Connection(
  CertificateSearchHit,
  'CertificateSearch',
  'certificate search hit',
);

@Resolver()
export class CertificateResolver {
  @Authorized('ADMIN')
  @Query(() => CertificateSearchConnection, {
    description:
      'Admin: certificates by learner (name or email), course title or serial, newest first.',
  })
  async certificates(
    @Arg('first', () => Int, { defaultValue: 25, description: 'Page size, 1–100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
    @Arg('search', () => String, {
      nullable: true,
      description:
        'Part of the learner’s name or email or of the course title, or a serial (typed loosely).',
    })
    search: string | null,
    @Arg('status', () => CertificateStatus, { nullable: true, description: 'Only this status.' })
    status: CertificateStatus | null,
    @Ctx() ctx: Context,
  ) {
    return toConnection(
      await searchCertificates({ db: ctx.db, viewer: ctx.viewer, first, after, search, status }),
      (hit) => hit,
    );
  }

  @Authorized()
  @Query(() => [Certificate], {
    description: 'The viewer’s certificates, newest first (revoked and superseded ones marked).',
  })
  myCertificates(@Ctx() ctx: Context) {
    return listMyCertificates({ db: ctx.db, viewer: ctx.viewer });
  }

  @Authorized()
  @Query(() => Certificate, {
    description: 'One of the viewer’s certificates (admins: any). NOT_FOUND for anyone else.',
  })
  certificate(
    @Arg('serial', () => String, { description: 'Serial, typed loosely (case, dashes, O/0).' })
    serial: string,
    @Ctx() ctx: Context,
  ) {
    return getCertificate({ db: ctx.db, viewer: ctx.viewer, serial });
  }

  @Authorized()
  @Query(() => AttemptCompletion, {
    description:
      'For the results page of the viewer’s quiz attempt: the course completion it brought about and the certificates that completion issued. NOT_FOUND for anyone else’s attempt.',
  })
  attemptCompletion(
    @Arg('attemptId', () => ID, { description: 'Quiz attempt id.' }) attemptId: string,
    @Ctx() ctx: Context,
  ) {
    return getAttemptCompletion({ db: ctx.db, viewer: ctx.viewer, attemptId });
  }

  @Query(() => CertificateVerification, {
    description:
      'Public verification of a serial (no sign-in): VALID, REVOKED, SUPERSEDED or NOT_FOUND, with what the certificate says. Never private data. Limited per address (TOO_MANY_REQUESTS).',
  })
  verifyCertificate(
    @Arg('serial', () => String, { description: 'Serial as printed or typed.' }) serial: string,
    @Ctx() ctx: Context,
  ) {
    // The per-address limit is charged in the look-up's own statement (one round trip).
    const [bucket] = rateBuckets(ctx, ['verifyPerAddress']);
    return verifyCertificate({
      db: ctx.db,
      serial,
      rateLimit: bucket && { bucket, message: 'Too many certificate look-ups.' },
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => Certificate, { description: 'Admin: revokes a certificate with a reason.' })
  revokeCertificate(
    @Arg('id', () => ID, { description: 'Certificate id.' }) id: string,
    @Arg('reason', () => String, { description: 'Why (shown on the verify page).' }) reason: string,
    @Ctx() ctx: Context,
  ) {
    return revokeCertificate({ db: ctx.db, viewer: ctx.viewer, certificateId: id, reason });
  }

  @Authorized('ADMIN')
  @Mutation(() => Certificate, {
    description:
      'Admin: issues a corrected certificate that supersedes this one (which is revoked with the reason). Returns the new certificate.',
  })
  reissueCertificate(
    @Arg('id', () => ID, { description: 'Certificate to replace.' }) id: string,
    @Arg('reason', () => String, { description: 'Why it is corrected.' }) reason: string,
    @Arg('participantName', () => String, {
      nullable: true,
      description: 'Corrected participant name (default: unchanged).',
    })
    participantName: string | null,
    @Ctx() ctx: Context,
  ) {
    return reissueCertificate({
      db: ctx.db,
      viewer: ctx.viewer,
      certificateId: id,
      reason,
      participantName,
    });
  }

  @Authorized()
  @Query(() => [LearnerCredential], { description: 'The credentials the viewer recorded.' })
  myCredentials(@Ctx() ctx: Context) {
    return listMyCredentials({ db: ctx.db, viewer: ctx.viewer });
  }

  @Authorized()
  @Mutation(() => LearnerCredential, { description: 'Records a credential the viewer holds.' })
  addCredential(
    @Arg('input', () => LearnerCredentialInput, { description: 'The credential.' })
    input: LearnerCredentialInput,
    @Ctx() ctx: Context,
  ) {
    return addCredential({ db: ctx.db, viewer: ctx.viewer, input: { ...input } });
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Removes one of the viewer’s credentials.' })
  removeCredential(
    @Arg('id', () => ID, { description: 'Credential id.' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return removeCredential({ db: ctx.db, viewer: ctx.viewer, credentialId: id });
  }

  @Authorized()
  @Query(() => [SelfReportedCredit], { description: 'The viewer’s self-reported credits.' })
  mySelfReportedCredits(@Ctx() ctx: Context) {
    return listSelfReportedCredits({ db: ctx.db, viewer: ctx.viewer });
  }

  @Authorized()
  @Mutation(() => SelfReportedCredit, { description: 'Records CEUs earned elsewhere.' })
  addSelfReportedCredit(
    @Arg('input', () => SelfReportedCreditInput, { description: 'The credit.' })
    input: SelfReportedCreditInput,
    @Ctx() ctx: Context,
  ) {
    return addSelfReportedCredit({ db: ctx.db, viewer: ctx.viewer, input: { ...input } });
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Removes one of the viewer’s self-reported credits.' })
  removeSelfReportedCredit(
    @Arg('id', () => ID, { description: 'Self-reported credit id.' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return removeSelfReportedCredit({ db: ctx.db, viewer: ctx.viewer, creditId: id });
  }

  @Authorized()
  @Query(() => Transcript, {
    description:
      'The viewer’s CEU transcript per credential and renewal cycle (export: GET /transcript.pdf or /transcript.csv with the bearer token).',
  })
  myTranscript(@Ctx() ctx: Context) {
    return getMyTranscript({ db: ctx.db, viewer: ctx.viewer });
  }

  @Authorized('ADMIN')
  @Query(() => [CeuRequirement], { description: 'Admin: the bodies’ dated renewal rules.' })
  ceuRequirements(@Ctx() ctx: Context) {
    return listCeuRequirements({ db: ctx.db, viewer: ctx.viewer });
  }

  @Authorized('ADMIN')
  @Mutation(() => CeuRequirement, { description: 'Admin: changes a renewal rule (audited).' })
  updateCeuRequirement(
    @Arg('id', () => ID, { description: 'Rule id.' }) id: string,
    @Arg('input', () => CeuRequirementInput, { description: 'New values.' })
    input: CeuRequirementInput,
    @Ctx() ctx: Context,
  ) {
    return updateCeuRequirement({
      db: ctx.db,
      viewer: ctx.viewer,
      requirementId: id,
      input: { ...input },
    });
  }
}
