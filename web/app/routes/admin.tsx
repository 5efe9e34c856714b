import type { LoaderFunctionArgs } from '@remix-run/node';
import { NavLink, Outlet } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary';
import { requireAdmin } from '../utils/teach.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export default function AdminLayout() {
  return (
    <div className="admin-page">
      <p className="card-eyebrow">Administration</p>
      <nav aria-label="Administration" className="tabs">
        <ul>
          <li>
            <NavLink to="/admin/users">Users</NavLink>
          </li>
          <li>
            <NavLink to="/admin/audit">Audit log</NavLink>
          </li>
          <li>
            <NavLink to="/admin/orders">Orders</NavLink>
          </li>
          <li>
            <NavLink to="/admin/certificates">Certificates</NavLink>
          </li>
          <li>
            <NavLink to="/admin/code-sets">Code sets</NavLink>
          </li>
          <li>
            <NavLink to="/admin/name-corrections">Name corrections</NavLink>
          </li>
          <li>
            <NavLink to="/admin/jobs">Failed jobs</NavLink>
          </li>
          <li>
            <NavLink to="/teach">All courses</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
