import type { ReactNode } from "react";
import stackedStyles from "./stackedTable.module.css";

export type Column = { key: string; header: ReactNode; numeric?: boolean };

/**
 * A plain, scrollable table; numbers right-aligned. `stacked`: on a phone each row becomes a block,
 * each cell on its own line under its column's name (stackedTable.module.css).
 */
export function DataTable({
  caption,
  columns,
  rows,
  scrollLabel,
  stacked = false,
}: {
  caption?: ReactNode;
  /**
   * For a table with nothing to focus inside (no links): names the scrollable region and makes it
   * focusable, so a keyboard user can scroll it sideways on a narrow screen.
   */
  scrollLabel?: string;
  columns: Column[];
  rows: { key: string; cells: Record<string, ReactNode> }[];
  stacked?: boolean;
}) {
  const content = (column: Column, cell: ReactNode) =>
    stacked ? (
      <>
        <span className={stackedStyles.label} aria-hidden="true">
          {column.header}
        </span>
        {cell}
      </>
    ) : (
      cell
    );
  return (
    <div
      className="table-wrap"
      {...(scrollLabel ? { tabIndex: 0, role: "region", "aria-label": scrollLabel } : {})}
    >
      <table className={stacked ? `table ${stackedStyles.table}` : "table"}>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? "num" : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {columns.map((column, index) =>
                index === 0 ? (
                  <th key={column.key} scope="row" className={column.numeric ? "num" : undefined}>
                    {content(column, row.cells[column.key])}
                  </th>
                ) : (
                  <td key={column.key} className={column.numeric ? "num" : undefined}>
                    {content(column, row.cells[column.key])}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
