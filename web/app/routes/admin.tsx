import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { type NavItem, NavList } from '../components/nav-list';
import { requireAdmin } from '../utils/teach.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

/** The administration tabs, in order. */
const ADMIN_TABS: NavItem[] = [
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/audit', label: 'Audit log' },
  { to: '/admin/orders', label: 'Orders' },
  { to: '/admin/certificates', label: 'Certificates' },
  { to: '/admin/code-sets', label: 'Code sets' },
  { to: '/admin/name-corrections', label: 'Name corrections' },
  { to: '/admin/jobs', label: 'Failed jobs' },
  { to: '/teach', label: 'All courses' },
];

export default function AdminLayout() {
  return (
    <div className="admin-page">
      <p className="card-eyebrow">Administration</p>
      <nav aria-label="Administration" className="tabs">
        <NavList items={ADMIN_TABS} />
      </nav>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
