import { Link } from '@remix-run/react';

/**
 * The list pager of the admin and teach lists (forward-only cursors): a link back to the first
 * page and a link to the next one, each shown only when there is somewhere to go.
 */
export function Pager({
  firstHref,
  nextHref,
  firstLabel = 'First page',
  nextLabel = 'Next page',
}: {
  firstHref: string | null | undefined;
  nextHref: string | null | undefined;
  firstLabel?: string;
  nextLabel?: string;
}) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {firstHref ? (
        <Link to={firstHref} rel="prev">
          ← {firstLabel}
        </Link>
      ) : (
        <span />
      )}
      <span />
      {nextHref ? (
        <Link to={nextHref} rel="next">
          {nextLabel} →
        </Link>
      ) : null}
    </nav>
  );
}
