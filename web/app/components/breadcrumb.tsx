import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';

/** A link up the breadcrumb trail. */
export interface Crumb {
  to: string;
  label: ReactNode;
}

/** The breadcrumb above a page's header: links up, then the page itself (`aria-current`). */
export function Breadcrumb({ trail, current }: { trail: Crumb[]; current: ReactNode }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        {trail.map((crumb) => (
          <li key={crumb.to}>
            <Link to={crumb.to}>{crumb.label}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
