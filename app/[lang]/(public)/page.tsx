import Link from "next/link";
import type { Metadata } from "next";
import { getT, resolveLang } from "@/lib/i18n/server";
import { formatDateTime, formatNumber, formatPercent } from "@/lib/i18n/format";
import { cacheFigures, cacheUntilChanged, publicTags } from "@/lib/cache/public";
import { catalogueCounts, popularProcedures } from "@/lib/catalog/service";
import { getYearToDateFigures } from "@/lib/reports/service";
import { monthOf } from "@/lib/reports/rules";
import { ProcedureList } from "@/components/catalog/ProcedureList";
import { SearchBox } from "@/components/catalog/SearchBox";
import { HeadlineFigures } from "@/components/reports/HeadlineFigures";

type Props = { params: Promise<{ lang: string }> };

async function catalogueHighlights() {
  "use cache";
  cacheUntilChanged(publicTags.catalogue);
  const [popular, counts] = await Promise.all([popularProcedures(6), catalogueCounts()]);
  return { popular, counts };
}

/** This year's figures from the rollups, with the moment they were computed (said on the page). */
async function yearFigures() {
  "use cache";
  cacheFigures();
  const now = new Date();
  return { figures: await getYearToDateFigures(now), asOf: now };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "catalog");
  return { title: t("home.title") };
}

export default async function HomePage({ params }: Props) {
  const lang = await resolveLang(params);
  const t = await getT(lang, "catalog");
  const [{ popular, counts }, { figures, asOf }] = await Promise.all([catalogueHighlights(), yearFigures()]);
  const year = monthOf(asOf).slice(0, 4);
  const services = [
    { href: `/${lang}/life-events`, title: t("home.lifeEventsTitle"), body: t("home.lifeEventsBody") },
    { href: `/${lang}/lookup`, title: t("home.lookupTitle"), body: t("home.lookupBody") },
    { href: `/${lang}/transparency`, title: t("home.transparencyTitle"), body: t("home.transparencyBody") },
    { href: `/${lang}/decisions`, title: t("home.decisionsTitle"), body: t("home.decisionsBody") },
  ];

  return (
    <>
      <div className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <SearchBox
          action={`/${lang}/procedures`}
          id="home-search"
          label={t("home.searchLabel")}
          hint={t("home.searchHint")}
          button={t("common:actions.search")}
        />
      </div>

      <div className="grid grid--2">
        <section aria-labelledby="popular-heading">
          <h2 id="popular-heading">{t("home.popular")}</h2>
          <ProcedureList lang={lang} t={t} procedures={popular} headingLevel={3} />
          <p>
            <Link href={`/${lang}/procedures`}>{t("home.allProcedures")}</Link>
          </p>
        </section>
        <section aria-labelledby="services-heading" className="sidebar">
          <h2 id="services-heading">{t("home.services")}</h2>
          <ul className="card-list">
            {services.map((service) => (
              <li key={service.href}>
                <h3>
                  <Link href={service.href}>{service.title}</Link>
                </h3>
                <p className="small">{service.body}</p>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <HeadlineFigures
        title={t("home.figuresTitle", { year })}
        howHref={`/${lang}/transparency#method`}
        howText={t("home.figuresHow")}
        asOf={t("common:figuresAsOf", { time: formatDateTime(asOf, lang) })}
        items={[
          { value: formatNumber(figures.received, lang), label: t("home.figuresReceived") },
          {
            value:
              figures.onTimeShare === null
                ? t("home.figuresNoData")
                : formatPercent(figures.onTimeShare, lang),
            label: t("home.figuresOnTime"),
          },
          {
            value: t("home.figuresOnlineValue", {
              whole: formatNumber(counts.wholeOnline, lang),
              total: formatNumber(counts.procedures, lang),
            }),
            label: t("home.figuresOnline"),
          },
        ]}
      />
    </>
  );
}
