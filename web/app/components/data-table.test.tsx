// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DataTable } from './data-table';

afterEach(cleanup);

describe('DataTable', () => {
  it('renders the wrapper, a screen-reader caption, column headings and the rows', () => {
    const { container } = render(
      <DataTable
        className="audit-table"
        caption="Orders"
        columns={['Order', { hidden: 'Actions' }]}
      >
        <tr>
          <td>A-1</td>
          <td>Refund</td>
        </tr>
      </DataTable>,
    );
    const table = screen.getByRole('table', { name: 'Orders' });
    expect(table.className).toBe('data-table audit-table');
    expect(table.parentElement?.className).toBe('table-wrap');
    expect(container.querySelector('caption')?.className).toBe('visually-hidden');
    const headings = screen.getAllByRole('columnheader');
    expect(headings.map((th) => [th.getAttribute('scope'), th.textContent])).toEqual([
      ['col', 'Order'],
      ['col', 'Actions'],
    ]);
    expect(headings[1]?.querySelector('.visually-hidden')).not.toBeNull();
    expect(container.querySelectorAll('tbody tr')).toHaveLength(1);
  });

  it('has no caption when none is given', () => {
    const { container } = render(
      <DataTable columns={['Code']}>
        <tr>
          <td>E11.9</td>
        </tr>
      </DataTable>,
    );
    expect(container.querySelector('caption')).toBeNull();
    expect(container.querySelector('table')?.className).toBe('data-table');
  });
});
