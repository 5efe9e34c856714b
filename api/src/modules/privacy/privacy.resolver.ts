import { deleteMyAccount } from '@lms/core';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';

@InputType({ description: 'What deleting one’s own account requires.' })
export class DeleteMyAccountInput {
  @Field(() => String, { description: 'The current password.' })
  password!: string;

  @Field(() => String, { description: 'The typed confirmation: “delete my account”.' })
  confirmation!: string;
}

@Resolver()
export class PrivacyResolver {
  @Authorized()
  @Mutation(() => Boolean, {
    description:
      'Deletes the signed-in account: personal data erased or anonymised, certificates, orders and completion evidence kept; every session ends.',
  })
  async deleteMyAccount(
    @Arg('input', () => DeleteMyAccountInput, { description: 'Password and confirmation.' })
    input: DeleteMyAccountInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await deleteMyAccount({ db: ctx.db, viewer: ctx.viewer, input });
    return true;
  }
}
