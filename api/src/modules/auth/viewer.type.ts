import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../common/enums';

@ObjectType('Viewer', { description: 'The signed-in user, as they see themselves.' })
export class ViewerType {
  @Field(() => ID, { description: 'User id.' })
  id!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => String, { description: 'Sign-in email (lower case). Visible only to its owner.' })
  email!: string;

  @Field(() => Role, { description: 'The user’s role.' })
  role!: Role;

  @Field(() => String, {
    nullable: true,
    description: 'IANA time zone the user reads dates and times in; null: not set yet.',
  })
  timeZone?: string | null;
}
