import { getMyProfile, updateMyProfile } from '@lms/core';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import type { Context } from '../../context';

@ObjectType({ description: 'A professional credential, e.g. CPC awarded in 2015.' })
export class ProfessionalCredential {
  @Field(() => String, { description: 'Credential abbreviation, e.g. "CPC".' })
  credential!: string;

  @Field(() => Int, { description: 'Year it was awarded.' })
  awardedYear!: number;
}

@ObjectType({ description: 'The viewer’s own profile.' })
export class MyProfile {
  @Field(() => ID, { description: 'User id.' })
  id!: string;

  @Field(() => String, { description: 'Display name (printed on certificates).' })
  name!: string;

  @Field(() => String, { description: 'Sign-in email.' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'Biography shown on course pages.' })
  bio!: string | null;

  @Field(() => [ProfessionalCredential], { description: 'Credentials, in display order.' })
  credentials!: ProfessionalCredential[];
}

@InputType({ description: 'A credential to list on the profile.' })
export class ProfessionalCredentialInput {
  @Field(() => String, { description: 'Credential abbreviation, e.g. "CPC".' })
  credential!: string;

  @Field(() => Int, { description: 'Year it was awarded.' })
  awardedYear!: number;
}

@InputType({ description: 'The viewer’s profile.' })
export class ProfileInput {
  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Biography, at most 2,000 characters.' })
  bio?: string | null;

  @Field(() => [ProfessionalCredentialInput], {
    nullable: true,
    description:
      'Credentials shown on the instructor’s course pages (replaces the list; left out: unchanged).',
  })
  credentials?: ProfessionalCredentialInput[];
}

@Resolver()
export class ProfileResolver {
  @Authorized()
  @Query(() => MyProfile, { description: 'The signed-in user’s profile.' })
  myProfile(@Ctx() ctx: Context) {
    return getMyProfile({ db: ctx.db, viewer: ctx.viewer });
  }

  @Authorized()
  @Mutation(() => MyProfile, { description: 'Updates name, bio and credentials.' })
  updateMyProfile(
    @Arg('input', () => ProfileInput, { description: 'The new profile.' }) input: ProfileInput,
    @Ctx() ctx: Context,
  ) {
    return updateMyProfile({
      db: ctx.db,
      viewer: ctx.viewer,
      input: { name: input.name, bio: input.bio ?? '', credentials: input.credentials },
    });
  }
}
