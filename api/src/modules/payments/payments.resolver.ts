import {
  confirmCheckout,
  getOrder,
  listMyOrders,
  listOrders,
  refundOrder,
  startCheckout,
  updateOrderBillTo,
} from '@lms/core';
import {
  Arg,
  Authorized,
  Ctx,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  UseMiddleware,
} from 'type-graphql';
import type { Context } from '../../context';
import { rateLimited } from '../../rate-limit';
import { toConnection } from '../common/connection';
import { toOrder } from './payments.mapper';
import {
  BillToInput,
  CheckoutConfirmation,
  CheckoutStart,
  Order,
  OrderConnection,
  OrderStatus,
} from './payments.types';

@Resolver()
export class PaymentsResolver {
  @Authorized()
  @Mutation(() => CheckoutStart, {
    description:
      'Starts (or reuses) a Stripe Checkout for a paid course at the price of its current published version. PRECONDITION_FAILED until the viewer’s email address is confirmed; CONFLICT when already enrolled; SERVICE_UNAVAILABLE (try again) when Stripe is down; TOO_MANY_REQUESTS (limited per account and per address).',
  })
  @UseMiddleware(
    rateLimited('Too many checkouts started.', 'checkoutPerAccount', 'checkoutPerAddress'),
  )
  startCheckout(
    @Arg('courseId', () => ID, { description: 'The course to buy.' }) courseId: string,
    @Arg('billTo', () => BillToInput, {
      nullable: true,
      description: 'Optional receipt lines for reimbursement.',
    })
    billTo: BillToInput | null,
    @Ctx() ctx: Context,
  ) {
    return startCheckout({
      db: ctx.db,
      gateway: ctx.payments.gateway,
      viewer: ctx.viewer,
      courseId,
      billTo,
      webUrl: ctx.payments.webUrl,
    });
  }

  @Authorized()
  @Mutation(() => CheckoutConfirmation, {
    description:
      'The success page: reads the checkout session from Stripe and fulfils it (idempotent). NOT_FOUND unless it is the viewer’s.',
  })
  async confirmCheckout(
    @Arg('sessionId', () => String, { description: 'The Checkout Session id from the URL.' })
    sessionId: string,
    @Ctx() ctx: Context,
  ) {
    const result = await confirmCheckout({
      db: ctx.db,
      gateway: ctx.payments.gateway,
      viewer: ctx.viewer,
      sessionId,
    });
    return { order: toOrder(result.order), enrolled: result.enrolled };
  }

  @Authorized()
  @Mutation(() => Order, { description: 'Changes the bill-to lines of the viewer’s order.' })
  async updateOrderBillTo(
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('billTo', () => BillToInput, { description: 'The receipt lines.' }) billTo: BillToInput,
    @Ctx() ctx: Context,
  ) {
    return toOrder(await updateOrderBillTo({ db: ctx.db, viewer: ctx.viewer, orderId, billTo }));
  }

  @Authorized('ADMIN')
  @Mutation(() => Order, {
    description:
      'Refunds an order in full through Stripe (admins only). REFUND_PENDING until Stripe confirms; then REFUNDED and the enrolment ends.',
  })
  async refundOrder(
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('reason', () => String, { description: 'Why (kept on the order and the audit log).' })
    reason: string,
    @Ctx() ctx: Context,
  ) {
    return toOrder(
      await refundOrder({
        db: ctx.db,
        gateway: ctx.payments.gateway,
        viewer: ctx.viewer,
        orderId,
        reason,
      }),
    );
  }

  @Authorized()
  @Query(() => [Order], { description: 'The viewer’s purchases, newest first.' })
  async myOrders(@Ctx() ctx: Context) {
    return (await listMyOrders({ db: ctx.db, viewer: ctx.viewer })).map(toOrder);
  }

  @Authorized()
  @Query(() => Order, {
    description: 'One order: the buyer’s own or any for an admin; NOT_FOUND otherwise.',
  })
  async order(@Arg('id', () => ID, { description: 'Order id.' }) id: string, @Ctx() ctx: Context) {
    return toOrder(await getOrder({ db: ctx.db, viewer: ctx.viewer, orderId: id }));
  }

  @Authorized('ADMIN')
  @Query(() => OrderConnection, {
    description: 'All orders, flagged first, then newest first (admins only).',
  })
  async adminOrders(
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, 1–100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
    @Arg('status', () => OrderStatus, { nullable: true, description: 'Only this status.' })
    status: OrderStatus | null,
    @Ctx() ctx: Context,
  ) {
    return toConnection(
      await listOrders({ db: ctx.db, viewer: ctx.viewer, first, after, status }),
      toOrder,
    );
  }
}
