import {
  cancelEmailChange,
  changePassword,
  checkPasswordResetToken,
  confirmEmail,
  getAccountSecurity,
  requestEmailChange,
  requestPasswordReset,
  resendVerificationEmail,
  resetPassword,
  revokeSession,
  signOutOtherSessions,
} from '@lms/core';
import {
  Arg,
  Authorized,
  Ctx,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  UseMiddleware,
} from 'type-graphql';
import type { Context } from '../../context';
import { rateLimited } from '../../rate-limit';
import { AuthPayload } from '../auth/auth.types';
import {
  AccountSecurityType,
  ChangeEmailInput,
  ChangePasswordInput,
  ConfirmedEmailType,
  ResetPasswordInput,
} from './account.types';

@Resolver()
export class AccountResolver {
  @Authorized()
  @Query(() => AccountSecurityType, {
    description:
      'The viewer’s sign-in address (confirmed or not, pending change) and live sessions.',
  })
  accountSecurity(@Ctx() ctx: Context) {
    return getAccountSecurity({ db: ctx.db, viewer: ctx.viewer });
  }

  @Mutation(() => Boolean, {
    description:
      'Emails a password-reset link (valid 1 hour, single use) when the address has an account. Always true, with the same answer and timing whether it has one or not. Limited per address and per email (TOO_MANY_REQUESTS).',
  })
  requestPasswordReset(
    @Arg('email', () => String, { description: 'The account’s email address.' }) email: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return requestPasswordReset({
      db: ctx.db,
      input: { email },
      client: ctx.client,
      limits: ctx.rateLimits,
    }).then(() => true);
  }

  @Query(() => Boolean, {
    description: 'Whether a password-reset link still works (unused, newest, under an hour old).',
  })
  passwordResetTokenValid(
    @Arg('token', () => String, { description: 'The token from the link.' }) token: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return checkPasswordResetToken({ db: ctx.db, token });
  }

  @Mutation(() => AuthPayload, {
    description:
      'Sets a new password through a reset link: the link is used up, every session of the account ends, and a new session is returned. BAD_USER_INPUT for a used, replaced or expired link, or a weak password (field: password).',
  })
  resetPassword(
    @Arg('input', () => ResetPasswordInput, { description: 'Token and new password.' })
    input: ResetPasswordInput,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return resetPassword({ db: ctx.db, input, client: ctx.client });
  }

  @Mutation(() => ConfirmedEmailType, {
    description:
      'Opens an emailed confirmation link: confirms the address, or completes an email change. BAD_USER_INPUT for a used or expired link; CONFLICT when another account took the new address.',
  })
  confirmEmail(
    @Arg('token', () => String, { description: 'The token from the link.' }) token: string,
    @Ctx() ctx: Context,
  ) {
    return confirmEmail({ db: ctx.db, token });
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description:
      'Emails a new link confirming the viewer’s address (the previous one stops working). False when it is already confirmed. Limited per account.',
  })
  @UseMiddleware(rateLimited('Too many emails asked for.', 'accountEmailsPerAccount'))
  resendVerificationEmail(@Ctx() ctx: Context): Promise<boolean> {
    return resendVerificationEmail({ db: ctx.db, viewer: ctx.viewer });
  }

  @Authorized()
  @Mutation(() => Int, {
    description:
      'Changes the viewer’s password (the current one is required) and signs out every other session; returns how many ended. Fields: currentPassword, newPassword.',
  })
  changePassword(
    @Arg('input', () => ChangePasswordInput, { description: 'Current and new password.' })
    input: ChangePasswordInput,
    @Ctx() ctx: Context,
  ): Promise<number> {
    return changePassword({
      db: ctx.db,
      viewer: ctx.viewer,
      input,
      limits: ctx.rateLimits,
    });
  }

  @Authorized()
  @Mutation(() => String, {
    description:
      'Asks to change the sign-in address (the current password is required): a confirmation link goes to the new address, and the change happens when it is opened; the old address is then told. Returns the pending address. Fields: newEmail (taken, same), currentPassword.',
  })
  @UseMiddleware(rateLimited('Too many emails asked for.', 'accountEmailsPerAccount'))
  async requestEmailChange(
    @Arg('input', () => ChangeEmailInput, { description: 'New address and current password.' })
    input: ChangeEmailInput,
    @Ctx() ctx: Context,
  ): Promise<string> {
    const { pendingEmail } = await requestEmailChange({
      db: ctx.db,
      viewer: ctx.viewer,
      input,
      limits: ctx.rateLimits,
    });
    return pendingEmail;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Drops a pending email change. False when none.' })
  cancelEmailChange(@Ctx() ctx: Context): Promise<boolean> {
    return cancelEmailChange({ db: ctx.db, viewer: ctx.viewer });
  }

  @Authorized()
  @Mutation(() => Int, {
    description: 'Signs out every session of the viewer but this one; returns how many ended.',
  })
  signOutOtherSessions(@Ctx() ctx: Context): Promise<number> {
    return signOutOtherSessions({ db: ctx.db, viewer: ctx.viewer });
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Signs out one of the viewer’s sessions. NOT_FOUND for anyone else’s.',
  })
  revokeSession(
    @Arg('id', () => ID, { description: 'The session id.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return revokeSession({ db: ctx.db, viewer: ctx.viewer, sessionId: id });
  }
}
