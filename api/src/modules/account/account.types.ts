import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A signed-in session of the viewer’s account.' })
export class AccountSessionType {
  @Field(() => ID, { description: 'Session id (not its token).' })
  id!: string;

  @Field(() => Boolean, { description: 'True for the session making this request.' })
  current!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Browser and system read from the User-Agent, e.g. "Firefox on Windows".',
  })
  device!: string | null;

  @Field(() => String, { nullable: true, description: 'The raw User-Agent it signed in with.' })
  userAgent!: string | null;

  @Field(() => String, { nullable: true, description: 'The address it signed in from.' })
  ip!: string | null;

  @Field(() => DateTimeResolver, { description: 'When it signed in.' })
  createdAt!: Date;

  @Field(() => DateTimeResolver, {
    description: 'When it was last used (updated at most every 5 minutes).',
  })
  lastSeenAt!: Date;

  @Field(() => DateTimeResolver, { description: 'When it ends unless signed out first.' })
  expiresAt!: Date;
}

@ObjectType({ description: 'The viewer’s sign-in address and sessions.' })
export class AccountSecurityType {
  @Field(() => String, { description: 'Sign-in email address.' })
  email!: string;

  @Field(() => Boolean, {
    description:
      'Whether the address is confirmed (needed to buy and to confirm the certificate name).',
  })
  emailVerified!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'A new address waiting for its confirmation link to be opened.',
  })
  pendingEmail!: string | null;

  @Field(() => [AccountSessionType], { description: 'Live sessions, this one first.' })
  sessions!: AccountSessionType[];
}

@ObjectType({ description: 'What an email confirmation link did.' })
export class ConfirmedEmailType {
  @Field(() => String, { description: 'The confirmed address, now the sign-in address.' })
  email!: string;

  @Field(() => Boolean, { description: 'True when the link changed the account’s address.' })
  changed!: boolean;
}

@InputType({ description: 'A new password set through an emailed reset link.' })
export class ResetPasswordInput {
  @Field(() => String, { description: 'The token from the link.' })
  token!: string;

  @Field(() => String, { description: 'The new password (at least 10 characters, not common).' })
  password!: string;
}

@InputType({ description: 'A password change by the signed-in user.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'The current password.' })
  currentPassword!: string;

  @Field(() => String, { description: 'The new password (at least 10 characters, not common).' })
  newPassword!: string;
}

@InputType({ description: 'A change of sign-in address, confirmed through the new address.' })
export class ChangeEmailInput {
  @Field(() => String, { description: 'The new email address.' })
  newEmail!: string;

  @Field(() => String, { description: 'The current password.' })
  currentPassword!: string;
}
