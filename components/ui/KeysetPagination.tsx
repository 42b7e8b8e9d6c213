import Link from "next/link";

/**
 * Links to the pages next to this one in a list read by cursor (lib/dossiers/cursor.ts): first,
 * previous and next. There is no "page 3 of 7": a cursor knows where it is, not how far in.
 * Nothing when the list fits on one page.
 */
export function KeysetPagination({
  hrefFor,
  previous,
  next,
  atStart,
  labels,
}: {
  /** The address of the page that starts at a cursor; null is the first page. */
  hrefFor: (start: { after: string } | { before: string } | null) => string;
  previous: string | null;
  next: string | null;
  /** This is the first page (no cursor in the address). */
  atStart: boolean;
  labels: { nav: string; first: string; previous: string; next: string };
}) {
  if (atStart && next === null) return null;
  return (
    <nav className="pagination" aria-label={labels.nav}>
      {atStart ? null : <Link href={hrefFor(null)}>{labels.first}</Link>}
      {previous !== null ? (
        <Link href={hrefFor({ before: previous })} rel="prev">
          {labels.previous}
        </Link>
      ) : null}
      {next !== null ? (
        <Link href={hrefFor({ after: next })} rel="next">
          {labels.next}
        </Link>
      ) : null}
    </nav>
  );
}
