import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { requireId } from '../db/ids';
import { AppError } from '../errors/app-error';
import { type OrderView, orderViewSelect, toOrderView } from './order-view';

export interface GetOrderOptions {
  db: Db;
  viewer: Viewer | null;
  orderId: string;
}

/** One order: its buyer or an admin; anyone else gets NOT_FOUND (no existence leak). */
export async function getOrder(options: GetOrderOptions): Promise<OrderView> {
  const viewer = requireViewer(options.viewer);
  requireId(options.orderId, 'Order');
  const row = await options.db.order.findUnique({
    where: { id: options.orderId },
    select: orderViewSelect,
  });
  if (!row || (row.userId !== viewer.id && viewer.role !== 'ADMIN')) {
    throw AppError.notFound('Order');
  }
  return toOrderView(row);
}
