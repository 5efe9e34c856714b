import { ArgsType, Field, ID, Int } from 'type-graphql';

/**
 * The two arguments every edit of a course draft takes: which course, and the draft revision
 * the client last read. An edit based on an older revision is refused (CONFLICT) instead of
 * overwriting someone else's change; the response carries the new revision.
 */
@ArgsType()
export class DraftEditArgs {
  @Field(() => ID, {
    description: 'The course whose draft is edited (EditableCourse.id).',
  })
  courseId!: string;

  @Field(() => Int, {
    description:
      'The draft revision this edit is based on (EditableCourse.revision, as last read). A stale revision is refused with CONFLICT; the result carries the new one.',
  })
  revision!: number;
}
