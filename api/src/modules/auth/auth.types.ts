import { DateTimeResolver } from 'graphql-scalars';
import { Field, InputType, ObjectType } from 'type-graphql';
import { ViewerType } from './viewer.type';

@InputType({ description: 'A new student account.' })
export class RegisterInput {
  @Field(() => String, { description: 'Full name, as it should appear on certificates.' })
  name!: string;

  @Field(() => String, { description: 'Email address; used to sign in.' })
  email!: string;

  @Field(() => String, { description: 'At least 10 characters.' })
  password!: string;
}

@InputType({ description: 'Credentials for signing in.' })
export class SignInInput {
  @Field(() => String, { description: 'The account’s email address.' })
  email!: string;

  @Field(() => String, { description: 'The account’s password.' })
  password!: string;
}

@ObjectType({ description: 'A new session. Send the token as `Authorization: Bearer <token>`.' })
export class AuthPayload {
  @Field(() => String, { description: 'Session token; shown once, stored only as a hash.' })
  token!: string;

  @Field(() => DateTimeResolver, { description: 'When the session ends unless signed out first.' })
  expiresAt!: Date;

  @Field(() => ViewerType, { description: 'The signed-in user.' })
  viewer!: ViewerType;
}
