import Link from "next/link";
import type { T } from "@/lib/i18n/server";

/** Previous / next links with "Page 2 of 7"; nothing when everything fits on one page. */
export function Pagination({
  page,
  pages,
  hrefFor,
  t,
  tCommon,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  t: T;
  tCommon: T;
}) {
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t("queue.pagination")}>
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          {tCommon("pagination.previous")}
        </Link>
      ) : null}
      <span>{t("queue.pageOf", { page, pages })}</span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} rel="next">
          {tCommon("pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}
