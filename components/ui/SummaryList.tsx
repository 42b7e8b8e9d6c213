import type { ReactNode } from "react";

/** Key–value rows, as on a check-answers page; an optional action (Change) per row. */
export function SummaryList({ rows }: { rows: { key: ReactNode; value: ReactNode; action?: ReactNode }[] }) {
  return (
    <dl className="summary-list">
      {rows.map((row, index) => (
        <div className="summary-list__row" key={index}>
          <dt className="summary-list__key">{row.key}</dt>
          <dd className="summary-list__value">{row.value}</dd>
          {row.action ? <dd className="summary-list__value">{row.action}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
