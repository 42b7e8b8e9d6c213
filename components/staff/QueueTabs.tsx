import Link from "next/link";
import type { T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import type { QueueBucket } from "@/lib/dossiers/service";
import { formatNumber } from "@/lib/i18n/format";

export const queueBuckets: readonly QueueBucket[] = ["new", "in_progress", "due_soon", "overdue", "all"];

export function isQueueBucket(value: unknown): value is QueueBucket {
  return typeof value === "string" && (queueBuckets as readonly string[]).includes(value);
}

/** Links, not script tabs: each bucket is its own URL, so it works without JavaScript and can be shared. */
export function QueueTabs({
  lang,
  t,
  current,
  counts,
  allCapped = false,
}: {
  lang: Lang;
  t: T;
  current: QueueBucket;
  counts: Record<QueueBucket, number>;
  /** "all" stopped counting at counts.all: say "more than". */
  allCapped?: boolean;
}) {
  return (
    <nav aria-label={t("queue.tabsLabel")}>
      <ul className="tabs">
        {queueBuckets.map((bucket) => (
          <li key={bucket}>
            <Link
              href={`/${lang}/staff?bucket=${bucket}`}
              aria-current={bucket === current ? "page" : undefined}
            >
              {t(bucket === "all" && allCapped ? "queue.tabMore" : "queue.tab", {
                label: t(`queue.bucket.${bucket}`),
                count: formatNumber(counts[bucket] ?? 0, lang),
              })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
