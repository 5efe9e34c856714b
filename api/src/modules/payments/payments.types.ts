import { OrderStatus } from '@lms/db';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection';
import { Money } from '../common/money';

registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description:
    'PENDING: checkout started, not paid. PAID: paid and enrolled. FAILED: the payment failed. EXPIRED: checkout abandoned or replaced. REFUND_PENDING: refund asked of Stripe, not yet confirmed. REFUNDED: refunded, access ended. FLAGGED: a payment that needs an admin (amount or currency mismatch, duplicate payment); nobody was enrolled by it.',
});

export { OrderStatus };

@InputType({ description: 'Optional lines for a reimbursement receipt.' })
export class BillToInput {
  @Field(() => String, { nullable: true, description: 'Name to bill (default: the buyer).' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Employer line, e.g. the clinic.' })
  employer?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Member id with the credentialing body (e.g. AAPC member number).',
  })
  memberId?: string | null;
}

@ObjectType({ description: 'A purchase of a course. Money is integer cents with a currency.' })
export class Order {
  @Field(() => ID, { description: 'Order id.' })
  id!: string;

  @Field(() => String, { description: 'Human-friendly order number, e.g. ORD-2026-000123.' })
  orderNumber!: string;

  @Field(() => OrderStatus, {
    description:
      'Where the order is: PENDING (at checkout), PAID, FAILED, EXPIRED, REFUND_PENDING, REFUNDED, or FLAGGED for an admin (amounts did not match).',
  })
  status!: OrderStatus;

  @Field(() => ID, { description: 'The course bought.' })
  courseId!: string;

  @Field(() => String, { description: 'The course’s slug (for links).' })
  courseSlug!: string;

  @Field(() => String, { description: 'Title of the version bought.' })
  courseTitle!: string;

  @Field(() => Money, { description: 'Price of the course when checkout started.' })
  price!: Money;

  @Field(() => Money, { nullable: true, description: 'What was paid (null until paid).' })
  amountPaid!: Money | null;

  @Field(() => Money, { description: 'Promotion discount (0 when none).' })
  discount!: Money;

  @Field(() => String, { description: 'The buyer’s name.' })
  buyerName!: string;

  @Field(() => String, { description: 'The buyer’s email.' })
  buyerEmail!: string;

  @Field(() => String, { nullable: true, description: 'Bill-to name on the receipt.' })
  billToName!: string | null;

  @Field(() => String, { nullable: true, description: 'Bill-to employer line on the receipt.' })
  billToEmployer!: string | null;

  @Field(() => String, { nullable: true, description: 'Member id on the receipt.' })
  memberId!: string | null;

  @Field(() => DateTimeResolver, { description: 'When checkout started.' })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the payment was taken.' })
  paidAt!: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When an admin asked for the refund.',
  })
  refundRequestedAt!: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When Stripe confirmed the refund.',
  })
  refundedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was refunded.' })
  refundReason!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it needs an admin (FLAGGED).' })
  flaggedReason!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Path of the receipt PDF on the API (GET with the bearer token); null when the order has no receipt.',
  })
  receiptPath!: string | null;
}

export const OrderConnection = Connection(Order, 'Order', 'order');

@ObjectType({ description: 'A started checkout: send the buyer to `url`.' })
export class CheckoutStart {
  @Field(() => ID, { description: 'The order.' })
  orderId!: string;

  @Field(() => String, { description: 'The hosted checkout page (or the success page if paid).' })
  url!: string;

  @Field(() => Boolean, { description: 'True when an open checkout was handed out again.' })
  reused!: boolean;

  @Field(() => [String], {
    description:
      'What the buyer must know about the course’s credit: expired credit is not included (the course is sold without it), or the approval ends before a typical learner could finish. Empty when nothing.',
  })
  creditNotices!: string[];
}

@ObjectType({ description: 'What the success page shows after checkout.' })
export class CheckoutConfirmation {
  @Field(() => Order, { description: 'The order.' })
  order!: Order;

  @Field(() => Boolean, { description: 'True when the buyer is now enrolled in the course.' })
  enrolled!: boolean;
}
