import type { ReactNode } from "react";

export type TimelineEntry = { key: string; title: ReactNode; meta: ReactNode; comment?: ReactNode };

/** A history, newest first. */
export function Timeline({ entries, label }: { entries: TimelineEntry[]; label: string }) {
  return (
    <ol className="timeline" aria-label={label}>
      {entries.map((entry) => (
        <li className="timeline__item" key={entry.key}>
          <p className="timeline__title">{entry.title}</p>
          <p className="timeline__meta">{entry.meta}</p>
          {entry.comment ? <p className="timeline__comment">{entry.comment}</p> : null}
        </li>
      ))}
    </ol>
  );
}
