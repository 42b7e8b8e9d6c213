"use client";

import { useEffect, useRef } from "react";

export type ErrorLink = { href: string; message: string };

/**
 * The list of problems at the top of a form; each links to its field. Focus moves here so a
 * screen-reader user hears what went wrong (GOV.UK pattern).
 */
export function ErrorSummary({ title, errors }: { title: string; errors: ErrorLink[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.href + error.message}>
            <a href={error.href}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
