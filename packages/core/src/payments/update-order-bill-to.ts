import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { requireId } from '../db/ids';
import { AppError } from '../errors/app-error';
import { parseInput } from '../errors/validate';
import { type BillToInput, billToColumns, billToSchema } from './bill-to';
import { loadOrderView, type OrderView } from './order-view';

/** The buyer changes the "bill to" lines their receipt shows (for reimbursement). */
export async function updateOrderBillTo(options: {
  db: Db;
  viewer: Viewer | null;
  orderId: string;
  billTo: BillToInput;
}): Promise<OrderView> {
  const buyer = requireViewer(options.viewer);
  requireId(options.orderId, 'Order');
  const billTo = parseInput(billToSchema, options.billTo);
  const updated = await options.db.order.updateMany({
    where: { id: options.orderId, userId: buyer.id },
    data: billToColumns(billTo),
  });
  if (updated.count === 0) throw AppError.notFound('Order');
  return loadOrderView(options.db, options.orderId);
}
