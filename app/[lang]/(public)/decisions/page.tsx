import type { Metadata } from "next";
import { getT, resolveLang, resolveListingQuery } from "@/lib/i18n/server";
import { cacheUntilChanged, publicTags } from "@/lib/cache/public";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { decisionsQuerySchema } from "@/lib/decisions/schema";
import { listDecisions } from "@/lib/decisions/service";
import { Pagination } from "@/components/catalog/Pagination";
import { SearchBox } from "@/components/catalog/SearchBox";
import { DecisionList } from "@/components/reports/DecisionList";
import { localized } from "@/lib/i18n/localized";

type Props = { params: Promise<{ lang: string }> };

/** One cached answer per query (the proxy gives each query its own page: lib/http/pageSegment). */
async function searchRegister(query: { q?: string; page?: number }) {
  "use cache";
  cacheUntilChanged(publicTags.decisions);
  const found = await listDecisions(query);
  // A page past the end (an old link) shows the last page rather than an empty one.
  const lastPage = Math.max(1, Math.ceil(found.total / found.pageSize));
  return found.page > lastPage ? await listDecisions({ ...query, page: lastPage }) : found;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "decisions");
  return { title: t("title") };
}

export default async function DecisionsPage({ params }: Props) {
  const lang = await resolveLang(params);
  const t = await getT(lang, "decisions");
  const raw = await resolveListingQuery(params);
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const query = decisionsQuerySchema.parse({ q: first(raw.q), page: first(raw.page) });
  const result = await searchRegister(query);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <SearchBox
        action={`/${lang}/decisions`}
        id="q"
        label={t("searchLabel")}
        hint={t("searchHint")}
        button={t("common:actions.search")}
        defaultValue={query.q}
      />
      <h2 aria-live="polite">
        {t("count", { count: result.total, formatted: formatNumber(result.total, lang) })}
        {query.q ? <> {t("resultsFor", { q: query.q })}</> : null}
      </h2>
      {result.total === 0 ? (
        <p>{query.q ? t("emptySearch") : t("emptyAll")}</p>
      ) : (
        <DecisionList
          decisions={result.rows.map((decision) => ({
            id: decision.id,
            number: decision.number,
            issuedOn: formatDate(decision.issuedOn, lang),
            agency: localized(lang, decision.agency),
            summary: localized(lang, decision, "summary"),
          }))}
          labels={{ issuedOn: t("issuedOn"), agency: t("agency") }}
        />
      )}
      <Pagination
        basePath={`/${lang}/decisions`}
        params={{ q: query.q }}
        page={result.page}
        pages={pages}
        labels={{
          nav: t("pagination"),
          previous: t("common:pagination.previous"),
          next: t("common:pagination.next"),
          pageOf: t("pageOf", { page: result.page, pages }),
        }}
      />
    </>
  );
}
