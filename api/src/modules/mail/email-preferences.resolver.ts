import { getEmailPreferences, unsubscribeByToken, updateEmailPreferences } from '@lms/core';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import type { Context } from '../../context';

@ObjectType({
  description:
    'Which notification emails the viewer receives. Transactional mail (receipts, certificates, password and address mails) is always sent.',
})
export class EmailPreferences {
  @Field(() => Boolean, { description: 'Enrolment confirmations.' })
  enrolment!: boolean;

  @Field(() => Boolean, { description: 'Reminders 90 and 30 days before a CEU cycle ends.' })
  ceuReminders!: boolean;

  @Field(() => Boolean, {
    description: 'Instructors: a credit approval expires within 60 or 14 days.',
  })
  approvalExpiry!: boolean;

  @Field(() => Boolean, { description: 'Admins: an order was flagged for review.' })
  flaggedOrders!: boolean;
}

@InputType({ description: 'Notification choices to change; left out: unchanged.' })
export class EmailPreferencesInput {
  @Field(() => Boolean, { nullable: true, description: 'Enrolment confirmations.' })
  enrolment?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'CEU cycle reminders.' })
  ceuReminders?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Credit approval expiry reminders.' })
  approvalExpiry?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Flagged order alerts.' })
  flaggedOrders?: boolean | null;
}

@ObjectType({ description: 'The result of an unsubscribe link.' })
export class UnsubscribeResult {
  @Field(() => String, { description: 'The notification topic that is now off.' })
  topic!: string;
}

const defined = (input: EmailPreferencesInput) =>
  Object.fromEntries(
    Object.entries(input).filter(([, value]) => typeof value === 'boolean'),
  ) as Partial<EmailPreferences>;

@Resolver()
export class EmailPreferencesResolver {
  @Authorized()
  @Query(() => EmailPreferences, { description: 'The signed-in user’s notification emails.' })
  myEmailPreferences(@Ctx() ctx: Context) {
    return getEmailPreferences({ db: ctx.db, viewer: ctx.viewer });
  }

  @Authorized()
  @Mutation(() => EmailPreferences, { description: 'Turns notification emails on or off.' })
  updateMyEmailPreferences(
    @Arg('input', () => EmailPreferencesInput, { description: 'The choices to change.' })
    input: EmailPreferencesInput,
    @Ctx() ctx: Context,
  ) {
    return updateEmailPreferences({ db: ctx.db, viewer: ctx.viewer, input: defined(input) });
  }

  @Mutation(() => UnsubscribeResult, {
    description:
      'Turns one notification topic off for the owner of an unsubscribe token (the List-Unsubscribe link of a notification email); no sign-in needed.',
  })
  unsubscribeEmail(
    @Arg('token', () => String, { description: 'The token from the email’s link.' })
    token: string,
    @Arg('topic', () => String, { description: 'The topic from the email’s link.' })
    topic: string,
    @Ctx() ctx: Context,
  ) {
    return unsubscribeByToken({ db: ctx.db, token, topic });
  }
}
