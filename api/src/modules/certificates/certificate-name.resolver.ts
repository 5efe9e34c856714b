import {
  confirmCertificateName,
  getMyCertificateName,
  listCertificateNameCorrections,
  requestCertificateNameCorrection,
  resolveCertificateNameCorrection,
} from '@lms/core';
import { NameCorrectionStatus } from '@lms/db';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { CertificateName, CertificateNameCorrection } from './certificate-name.types';

@Resolver()
export class CertificateNameResolver {
  @Authorized()
  @Query(() => CertificateName, {
    description: 'The name printed on the viewer’s certificates, and whether it is confirmed.',
  })
  myCertificateName(@Ctx() ctx: Context) {
    return getMyCertificateName({ db: ctx.db, viewer: ctx.viewer });
  }

  @Authorized()
  @Mutation(() => CertificateName, {
    description:
      'Confirms the name to print. Certificates waiting for it are issued now (dated with their completion). Once a certificate carries it, changes are correction requests. PRECONDITION_FAILED until the viewer’s email address is confirmed.',
  })
  confirmCertificateName(
    @Arg('name', () => String, { description: 'The name exactly as it should be printed.' })
    name: string,
    @Ctx() ctx: Context,
  ) {
    return confirmCertificateName({ db: ctx.db, viewer: ctx.viewer, name });
  }

  @Authorized()
  @Mutation(() => CertificateNameCorrection, {
    description: 'Asks an admin to change the name on the viewer’s certificates.',
  })
  requestCertificateNameCorrection(
    @Arg('name', () => String, { description: 'The corrected name.' }) name: string,
    @Arg('note', () => String, { nullable: true, description: 'Why (optional).' })
    note: string | null,
    @Ctx() ctx: Context,
  ) {
    return requestCertificateNameCorrection({ db: ctx.db, viewer: ctx.viewer, name, note });
  }

  @Query(() => [CertificateNameCorrection], {
    description:
      'Admin: name correction requests with a status (default PENDING), oldest first (at most 200).',
  })
  certificateNameCorrections(
    @Arg('status', () => NameCorrectionStatus, { nullable: true, description: 'Which requests.' })
    status: NameCorrectionStatus | null,
    @Ctx() ctx: Context,
  ) {
    return listCertificateNameCorrections({ db: ctx.db, viewer: ctx.viewer, status });
  }

  @Mutation(() => CertificateNameCorrection, {
    description:
      'Admin: applies a name correction (every live certificate is reissued with the new name, the old ones revoked with the reason) or rejects it.',
  })
  resolveCertificateNameCorrection(
    @Arg('id', () => ID, { description: 'The request.' }) id: string,
    @Arg('apply', () => Boolean, { description: 'true: apply; false: reject.' }) apply: boolean,
    @Arg('note', () => String, { nullable: true, description: 'Note to the learner.' })
    note: string | null,
    @Ctx() ctx: Context,
  ) {
    return resolveCertificateNameCorrection({
      db: ctx.db,
      viewer: ctx.viewer,
      correctionId: id,
      apply,
      note,
    });
  }
}
