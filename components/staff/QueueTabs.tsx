import Link from "next/link";
import type { T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { queueBuckets, type QueueBucket } from "@/lib/dossiers/buckets";
import { formatNumber } from "@/lib/i18n/format";

/**
 * Links, not script tabs: each bucket is its own URL (with the view's filters), so it works without
 * JavaScript and can be shared. The tabs are lib/dossiers/buckets.ts's list, in its order.
 */
export function QueueTabs({
  lang,
  t,
  current,
  counts,
  capped = [],
  hrefFor,
}: {
  lang: Lang;
  t: T;
  current: QueueBucket;
  counts: Record<QueueBucket, number>;
  /** Buckets that stopped counting at their count: say "more than". */
  capped?: readonly QueueBucket[];
  hrefFor: (bucket: QueueBucket) => string;
}) {
  return (
    <nav aria-label={t("queue.tabsLabel")}>
      <ul className="tabs">
        {queueBuckets.map((bucket) => (
          <li key={bucket}>
            <Link href={hrefFor(bucket)} aria-current={bucket === current ? "page" : undefined}>
              {t(capped.includes(bucket) ? "queue.tabMore" : "queue.tab", {
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
