import { providerTimeZone, setMyTimeZone } from '@lms/core';
import { timeZoneNames } from '@lms/time';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';

@Resolver()
export class TimeZoneResolver {
  @Query(() => String, {
    description:
      'The provider’s IANA time zone (PROVIDER_TIME_ZONE): credit days follow it, and times are shown in it to anyone who has not chosen a zone.',
  })
  providerTimeZone(): string {
    return providerTimeZone();
  }

  @Query(() => [String], { description: 'Every IANA time-zone name a user may choose, sorted.' })
  timeZones(): string[] {
    return timeZoneNames();
  }

  @Authorized()
  @Mutation(() => String, {
    description: 'Sets the IANA time zone the signed-in user reads dates and times in.',
  })
  async setMyTimeZone(
    @Arg('timeZone', () => String, { description: 'An IANA name, e.g. "America/Chicago".' })
    timeZone: string,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return (await setMyTimeZone({ db: ctx.db, viewer: ctx.viewer, input: { timeZone } })).timeZone;
  }
}
