import type { Metadata } from "next";
import Link from "next/link";
import { getT, resolveLang } from "@/lib/i18n/server";
import { cacheUntilChanged, publicTags } from "@/lib/cache/public";
import { formatNumber } from "@/lib/i18n/format";
import { lifeEventSlugs, lifeEventText } from "@/lib/catalog/lifeEvents";
import { lifeEventCounts } from "@/lib/catalog/service";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";

type Props = { params: Promise<{ lang: string }> };

/** Public catalogue data, the same for everyone: cached until the catalogue changes. */
async function counts() {
  "use cache";
  cacheUntilChanged(publicTags.catalogue);
  return lifeEventCounts();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "catalog");
  return { title: t("lifeEvents.title") };
}

export default async function LifeEventsPage({ params }: Props) {
  const lang = await resolveLang(params);
  const t = await getT(lang, "catalog");
  const perEvent = await counts();
  return (
    <>
      <Breadcrumbs
        label={t("common:nav.breadcrumbs")}
        items={[{ href: `/${lang}`, text: t("common:nav.home") }, { text: t("lifeEvents.title") }]}
      />
      <h1>{t("lifeEvents.title")}</h1>
      <p className="lead">{t("lifeEvents.lead")}</p>
      <ul className="card-list">
        {lifeEventSlugs.map((slug) => {
          const text = lifeEventText(slug);
          const count = perEvent[slug] ?? 0;
          return (
            <li key={slug}>
              <h2>
                <Link href={`/${lang}/life-events/${slug}`}>{t(text.title)}</Link>
              </h2>
              <p>{t(text.description)}</p>
              <p className="small muted">
                {t("lifeEvents.count", { count, formatted: formatNumber(count, lang) })}
              </p>
            </li>
          );
        })}
      </ul>
      <p>
        <Link href={`/${lang}/procedures`}>{t("lifeEvents.searchAll")}</Link>
      </p>
    </>
  );
}
