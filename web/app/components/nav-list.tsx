import { NavLink } from '@remix-run/react';
import type { ReactNode } from 'react';

/** One entry of a navigation list (the header, the admin tabs, the course editor's tabs). */
export interface NavItem {
  to: string;
  label: ReactNode;
  /** Marked current only on exactly this URL, not below it. */
  end?: boolean;
  className?: string;
}

/** A navigation list of links; the current one is marked by NavLink (`aria-current`). */
export function NavList({ items }: { items: NavItem[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.end} className={item.className}>
            {item.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
