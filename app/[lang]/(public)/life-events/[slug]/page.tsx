import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT, resolveLang } from "@/lib/i18n/server";
import { cacheUntilChanged, publicTags } from "@/lib/cache/public";
import { isLifeEvent, lifeEventText } from "@/lib/catalog/lifeEvents";
import { proceduresOfLifeEvent } from "@/lib/catalog/service";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ProcedureList } from "@/components/catalog/ProcedureList";

type Props = { params: Promise<{ lang: string; slug: string }> };

/**
 * Next requires one slug to prerender; the build prerenders no real page (see buildOnlySegment), and
 * each event's page is cached on its first request.
 */
export function generateStaticParams() {
  return [{ slug: "birth" }];
}

async function eventProcedures(slug: string) {
  "use cache";
  cacheUntilChanged(publicTags.catalogue);
  return proceduresOfLifeEvent(slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const { slug } = await params;
  if (!isLifeEvent(slug)) return {};
  const t = await getT(lang, "catalog");
  return { title: t(lifeEventText(slug).title) };
}

export default async function LifeEventPage({ params }: Props) {
  const lang = await resolveLang(params);
  const { slug } = await params;
  if (!isLifeEvent(slug)) notFound();
  const t = await getT(lang, "catalog");
  const text = lifeEventText(slug);
  const procedures = await eventProcedures(slug);
  return (
    <>
      <Breadcrumbs
        label={t("common:nav.breadcrumbs")}
        items={[
          { href: `/${lang}`, text: t("common:nav.home") },
          { href: `/${lang}/life-events`, text: t("lifeEvents.title") },
          { text: t(text.title) },
        ]}
      />
      <h1>{t(text.title)}</h1>
      <p className="lead">{t(text.intro)}</p>
      <section aria-labelledby="event-procedures">
        <h2 id="event-procedures">{t("lifeEvents.proceduresHeading")}</h2>
        {procedures.length === 0 ? (
          <p>{t("lifeEvents.none")}</p>
        ) : (
          <ProcedureList lang={lang} t={t} procedures={procedures} headingLevel={3} />
        )}
      </section>
      <p>
        {/* A full page load: the client router would reuse the catalogue page without its query
            (each query is its own cached page, lib/http/pageSegment.ts). */}
        <a href={`/${lang}/procedures?event=${slug}`}>{t("lifeEvents.searchEvent")}</a>
        {" · "}
        <Link href={`/${lang}/life-events`}>{t("lifeEvents.allEvents")}</Link>
      </p>
    </>
  );
}
