import type { ReactNode } from 'react';

/** A column heading; `{ hidden }` is read by screen readers only (an actions column). */
export type DataTableColumn = string | { hidden: string };

/**
 * A data table in its scrolling wrapper: the (screen-reader) caption, one row of column
 * headings, then the rows the page renders (`children`, the tbody's rows).
 */
export function DataTable({
  className,
  caption,
  columns,
  children,
}: {
  /** Added to `data-table`, for a table's own column styles. */
  className?: string;
  caption?: ReactNode;
  columns: DataTableColumn[];
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className={className ? `data-table ${className}` : 'data-table'}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th scope="col" key={column}>
                  {column}
                </th>
              ) : (
                <th scope="col" key={column.hidden}>
                  <span className="visually-hidden">{column.hidden}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
