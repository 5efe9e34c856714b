import { registerUser, signIn, signOut } from '@lms/core';
import { Arg, Ctx, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import type { Context } from '../../context';
import { rateLimited } from '../../rate-limit';
import { AuthPayload, RegisterInput, SignInInput } from './auth.types';
import { ViewerType } from './viewer.type';

@Resolver()
export class AuthResolver {
  @Query(() => ViewerType, {
    nullable: true,
    description: 'The signed-in user; null if anonymous.',
  })
  viewer(@Ctx() ctx: Context): ViewerType | null {
    return ctx.viewer;
  }

  @Mutation(() => AuthPayload, {
    description:
      'Creates a student account, signs it in and emails a link confirming the address (needed before buying or confirming the certificate name). Field errors: name, email, password. Limited per address (TOO_MANY_REQUESTS with retryAfterSeconds).',
  })
  @UseMiddleware(rateLimited('Too many new accounts from your network.', 'registerPerAddress'))
  register(
    @Arg('input', () => RegisterInput, { description: 'The new account.' }) input: RegisterInput,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return registerUser({
      db: ctx.db,
      input,
      client: ctx.client,
    });
  }

  @Mutation(() => AuthPayload, {
    description:
      'Signs in with email and password. An unknown email and a wrong password get the same BAD_USER_INPUT message. Guesses are throttled per account and address, per address, and per account from unknown addresses (TOO_MANY_REQUESTS with retryAfterSeconds).',
  })
  signIn(
    @Arg('input', () => SignInInput, { description: 'Email and password.' }) input: SignInInput,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return signIn({ db: ctx.db, input, client: ctx.client, limits: ctx.rateLimits });
  }

  @Mutation(() => Boolean, {
    description: 'Revokes the session of the bearer token. False when there was none.',
  })
  signOut(@Ctx() ctx: Context): Promise<boolean> {
    return signOut({ db: ctx.db, viewer: ctx.viewer });
  }
}
