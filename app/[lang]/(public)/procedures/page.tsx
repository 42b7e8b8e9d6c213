import type { Metadata } from "next";
import Link from "next/link";
import { getT, resolveLang, resolveListingQuery } from "@/lib/i18n/server";
import { cacheUntilChanged, publicTags } from "@/lib/cache/public";
import { formatNumber } from "@/lib/i18n/format";
import { parseCatalogueQuery, type CatalogueQueryInput } from "@/lib/catalog/schema";
import { audiences, lifeEventSlugs, lifeEventText, onlineLevels } from "@/lib/catalog/lifeEvents";
import {
  listCatalogueAgencies,
  listFields,
  searchProcedures,
  type CatalogueQuery,
} from "@/lib/catalog/service";
import { ProcedureList } from "@/components/catalog/ProcedureList";
import { Pagination } from "@/components/catalog/Pagination";
import { Button } from "@/components/ui/Button";
import { SelectField, TextField } from "@/components/ui/Field";
import styles from "@/components/catalog/catalogue.module.css";
import { localized } from "@/lib/i18n/localized";

type Props = { params: Promise<{ lang: string }> };

/** One cached answer per query (the proxy gives each query its own page: lib/http/pageSegment). */
async function searchCatalogue(query: CatalogueQuery) {
  "use cache";
  cacheUntilChanged(publicTags.catalogue);
  const [found, fields, agencies] = await Promise.all([
    searchProcedures(query),
    listFields(),
    listCatalogueAgencies(),
  ]);
  // A page past the end (an old link) shows the last page rather than an empty one.
  const lastPage = Math.max(1, Math.ceil(found.total / found.pageSize));
  const result = found.page > lastPage ? await searchProcedures({ ...query, page: lastPage }) : found;
  return { result, fields, agencies };
}

/** The page's GET parameters as the catalogue service reads them. */
function serviceQuery(query: CatalogueQueryInput): CatalogueQuery {
  return {
    q: query.q,
    field: query.field,
    agency: query.agency,
    audience: query.audience,
    onlineLevel: query.online,
    lifeEvent: query.event,
    page: query.page,
  };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "catalog");
  return { title: t("procedures.title") };
}

export default async function ProceduresPage({ params }: Props) {
  const lang = await resolveLang(params);
  const t = await getT(lang, "catalog");
  const query = parseCatalogueQuery(await resolveListingQuery(params));
  const { result, fields, agencies } = await searchCatalogue(serviceQuery(query));
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const { page: _page, ...kept } = query; // eslint-disable-line @typescript-eslint/no-unused-vars
  const filters = Object.values(kept).filter((value) => value !== "").length - (query.q ? 1 : 0);
  const filtered = query.q !== "" || filters > 0;

  return (
    <>
      <h1>{t("procedures.title")}</h1>
      <p className="lead">{t("procedures.lead")}</p>
      <div className={styles.layout}>
        <form action={`/${lang}/procedures`} method="get" role="search" className={styles.filters}>
          <h2 className={styles.filtersTitle}>{t("procedures.filters")}</h2>
          <TextField
            id="q"
            name="q"
            type="search"
            label={t("procedures.searchLabel")}
            hint={t("procedures.searchHint")}
            defaultValue={query.q}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
          />
          <SelectField
            id="audience"
            name="audience"
            label={t("procedures.audience")}
            defaultValue={query.audience}
            placeholder={t("procedures.allAudiences")}
            options={audiences.map((value) => ({ value, label: t(`audience.${value}`) }))}
          />
          <SelectField
            id="online"
            name="online"
            label={t("procedures.online")}
            defaultValue={query.online}
            placeholder={t("procedures.allOnline")}
            options={onlineLevels.map((value) => ({ value, label: t(`onlineLevel.${value}`) }))}
          />
          <SelectField
            id="event"
            name="event"
            label={t("procedures.lifeEvent")}
            defaultValue={query.event}
            placeholder={t("procedures.allLifeEvents")}
            options={lifeEventSlugs.map((value) => ({ value, label: t(lifeEventText(value).title) }))}
          />
          <SelectField
            id="field"
            name="field"
            label={t("procedures.field")}
            defaultValue={query.field}
            placeholder={t("procedures.allFields")}
            options={fields.map((f) => ({ value: f.fieldVi, label: localized(lang, f, "field") }))}
          />
          <SelectField
            id="agency"
            name="agency"
            label={t("procedures.agency")}
            defaultValue={query.agency}
            placeholder={t("procedures.allAgencies")}
            options={agencies.map((a) => ({ value: a.code, label: localized(lang, a) }))}
          />
          <Button>{t("procedures.apply")}</Button>
          {filtered ? (
            <p>
              <Link href={`/${lang}/procedures`}>{t("procedures.clear")}</Link>
            </p>
          ) : null}
        </form>

        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className={styles.count} aria-live="polite">
            {t("procedures.resultCount", {
              count: result.total,
              formatted: formatNumber(result.total, lang),
            })}
            {query.q ? <> {t("procedures.resultsFor", { q: query.q })}</> : null}
          </h2>
          {result.approximate ? <p>{t("procedures.approximate", { q: query.q })}</p> : null}
          {result.total === 0 ? (
            <div>
              <p>
                <strong>{t("procedures.emptyTitle")}</strong>
              </p>
              <ul>
                {query.q ? <li>{t("procedures.emptyTryWords")}</li> : null}
                {filters > 0 ? (
                  <li>
                    {t("procedures.emptyTryFilters")}{" "}
                    {/* A full page load, as the form's own GET: each query is its own cached page. */}
                    <a href={`/${lang}/procedures${query.q ? `?q=${encodeURIComponent(query.q)}` : ""}`}>
                      {t("procedures.emptySearchAll")}
                    </a>
                  </li>
                ) : null}
                <li>
                  <Link href={`/${lang}/life-events`}>{t("procedures.emptyLifeEvents")}</Link>
                </li>
              </ul>
            </div>
          ) : (
            <ProcedureList lang={lang} t={t} procedures={result.rows} headingLevel={3} />
          )}
          <Pagination
            basePath={`/${lang}/procedures`}
            params={{
              q: query.q,
              audience: query.audience,
              online: query.online,
              event: query.event,
              field: query.field,
              agency: query.agency,
            }}
            page={result.page}
            pages={pages}
            labels={{
              nav: t("procedures.pagination"),
              previous: t("common:pagination.previous"),
              next: t("common:pagination.next"),
              pageOf: t("procedures.pageOf", { page: result.page, pages }),
            }}
          />
        </section>
      </div>
    </>
  );
}
