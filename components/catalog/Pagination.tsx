import Link from "next/link";

/** Previous/next links that keep the other GET parameters; nothing when there is one page. */
export function Pagination({
  basePath,
  params,
  page,
  pages,
  labels,
}: {
  basePath: string;
  params: Record<string, string>;
  page: number;
  pages: number;
  labels: { nav: string; previous: string; next: string; pageOf: string };
}) {
  if (pages <= 1) return null;
  const href = (target: number) => {
    const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== ""));
    if (target > 1) query.set("page", String(target));
    const text = query.toString();
    return text ? `${basePath}?${text}` : basePath;
  };
  return (
    <nav className="pagination" aria-label={labels.nav}>
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          {labels.previous}
        </Link>
      ) : null}
      <span>{labels.pageOf}</span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next">
          {labels.next}
        </Link>
      ) : null}
    </nav>
  );
}
