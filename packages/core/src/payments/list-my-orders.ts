import type { Db } from '@lms/db';
import { requireViewer } from '../access/roles';
import { type Viewer } from '../access/viewer';
import { type OrderView, orderViewSelect, toOrderView } from './order-view';

export interface ListMyOrdersOptions {
  db: Db;
  viewer: Viewer | null;
}

/** The viewer's purchases, newest first (abandoned checkouts left out). */
export async function listMyOrders(options: ListMyOrdersOptions): Promise<OrderView[]> {
  const buyer = requireViewer(options.viewer);
  const rows = await options.db.order.findMany({
    where: { userId: buyer.id, status: { not: 'EXPIRED' } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
    select: orderViewSelect,
  });
  return rows.map(toOrderView);
}
