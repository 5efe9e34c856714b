import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'Relay pagination state of a connection.',
})
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow the last edge.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Items precede the first edge.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass as `after`.' })
  endCursor!: string | null;
}
