import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'An amount of money in integer minor units (cents) and its currency.',
})
export class Money {
  @Field(() => Int, { description: 'Amount in the currency’s minor unit, e.g. 34900 = $349.00.' })
  amountCents!: number;

  @Field(() => String, { description: 'ISO-4217 currency code, lower case (e.g. "usd").' })
  currency!: string;
}
