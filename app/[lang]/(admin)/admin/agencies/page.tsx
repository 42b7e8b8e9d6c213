import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { listAgencies } from "@/lib/agencies/service";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { AdminBreadcrumbs, NotAdmin } from "@/components/admin/AdminChrome";
import { ButtonLink } from "@/components/ui/Button";
import { DataTable } from "@/components/ui/DataTable";
import { Notice } from "@/components/ui/Notice";
import { requireAdmin } from "../_shared/admin";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "admin");
  return { title: t("agencies.title") };
}

const notices = new Set(["agencyCreated", "agencySaved"]);

/** The agencies the administrator administers, as a tree, with a search. */
export default async function AgenciesPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const query = await searchParams;
  const t = await getT(lang, "admin");
  const admin = await requireAdmin(lang, `/${lang}/admin/agencies`);
  if (!admin) return <NotAdmin lang={lang} actor={await getActor()} />;
  const q = typeof query.q === "string" ? query.q.slice(0, 100) : "";
  const listed = await listAgencies(admin.actor, { q });
  const agencies = listed.ok ? listed.value : [];
  const done = typeof query.done === "string" && notices.has(query.done) ? query.done : null;
  return (
    <>
      <AdminBreadcrumbs lang={lang} items={[{ text: t("nav.agencies") }]} />
      <h1>{t("agencies.title")}</h1>
      {done ? (
        <Notice tone="success">
          <p>{t(`done.${done}`)}</p>
        </Notice>
      ) : null}
      <p>{t(admin.scope.all ? "agencies.introSystem" : "agencies.introAgency")}</p>
      <p>
        <ButtonLink href={`/${lang}/admin/agencies/new`}>{t("agencies.add")}</ButtonLink>
      </p>
      <form method="get" action={`/${lang}/admin/agencies`} role="search" className="admin-search">
        <div className="field">
          <label className="field__label" htmlFor="agency-search">
            {t("agencies.search")}
          </label>
          <span className="field__hint" id="agency-search-hint">
            {t("agencies.searchHint")}
          </span>
          <input
            id="agency-search"
            name="q"
            type="search"
            className="input"
            defaultValue={q}
            aria-describedby="agency-search-hint"
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t("agencies.searchSubmit")}
        </button>
      </form>
      <p aria-live="polite">
        {t("agencies.count", { count: agencies.length, n: formatNumber(agencies.length, lang) })}
      </p>
      {agencies.length > 0 ? (
        <DataTable
          caption={t("agencies.caption")}
          columns={[
            { key: "name", header: t("agencies.columns.name") },
            { key: "code", header: t("agencies.columns.code") },
            { key: "kind", header: t("agencies.columns.kind") },
            { key: "validity", header: t("agencies.columns.validity") },
          ]}
          rows={agencies.map((agency) => ({
            key: agency.id,
            cells: {
              name: (
                <span className="agency-tree" style={{ paddingInlineStart: `${agency.depth * 1.5}rem` }}>
                  {agency.depth > 0 ? (
                    <span aria-hidden="true" className="muted">
                      └{" "}
                    </span>
                  ) : null}
                  <Link href={`/${lang}/admin/agencies/${agency.id}`}>{localized(lang, agency)}</Link>
                </span>
              ),
              code: <span className="nowrap">{agency.code}</span>,
              kind: `${t(`kinds.${agency.kind}`)} · ${t(`levels.${agency.level}`)}`,
              validity: agency.ended ? (
                <>
                  {t("agencies.ended", { date: formatDate(agency.validTo, lang) })}
                  {agency.successor ? (
                    <>
                      {" "}
                      {t("agencies.replacedBy")}{" "}
                      <Link href={`/${lang}/admin/agencies/${agency.successor.id}`}>
                        {localized(lang, agency.successor)}
                      </Link>
                    </>
                  ) : null}
                </>
              ) : agency.validTo ? (
                t("agencies.until", { date: formatDate(agency.validTo, lang) })
              ) : agency.validFrom ? (
                t("agencies.since", { date: formatDate(agency.validFrom, lang) })
              ) : (
                t("agencies.inForce")
              ),
            },
          }))}
        />
      ) : (
        <p>{t("agencies.none")}</p>
      )}
    </>
  );
}
