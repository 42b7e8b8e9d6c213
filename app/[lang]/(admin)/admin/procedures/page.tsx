import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { listProceduresForAdmin } from "@/lib/catalog/versions";
import { formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getMessages, getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { AdminBreadcrumbs, NotAdmin } from "@/components/admin/AdminChrome";
import { CatalogueImportForm } from "@/components/admin/CatalogueImportForm.client";
import { DataTable } from "@/components/ui/DataTable";
import { Notice } from "@/components/ui/Notice";
import { requireAdmin } from "../_shared/admin";
import { importCatalogueAction } from "./actions";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "admin");
  return { title: t("procedures.title") };
}

/** The catalogue for system administrators: find a procedure to edit, export or import the whole. */
export default async function AdminProceduresPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const query = await searchParams;
  const t = await getT(lang, "admin");
  const admin = await requireAdmin(lang, `/${lang}/admin/procedures`);
  if (!admin || !admin.scope.all) return <NotAdmin lang={lang} actor={await getActor()} />;
  const q = typeof query.q === "string" ? query.q.slice(0, 100) : "";
  const listed = await listProceduresForAdmin(admin.actor, { q });
  const rows = listed.ok ? listed.value : [];
  return (
    <>
      <AdminBreadcrumbs lang={lang} items={[{ text: t("nav.procedures") }]} />
      <h1>{t("procedures.title")}</h1>
      <p>{t("procedures.intro")}</p>
      <form method="get" action={`/${lang}/admin/procedures`} role="search" className="admin-search">
        <div className="field">
          <label className="field__label" htmlFor="procedures-search">
            {t("procedures.search")}
          </label>
          <input id="procedures-search" name="q" type="search" className="input" defaultValue={q} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("procedures.searchSubmit")}
        </button>
      </form>
      <p aria-live="polite">
        {t("procedures.count", { count: rows.length, n: formatNumber(rows.length, lang) })}
      </p>
      {rows.length > 0 ? (
        <DataTable
          caption={t("procedures.caption")}
          columns={[
            { key: "code", header: t("procedures.columns.code") },
            { key: "name", header: t("procedures.columns.name") },
            { key: "version", header: t("procedures.columns.version") },
            { key: "draft", header: t("procedures.columns.draft") },
          ]}
          rows={rows.map((row) => ({
            key: row.id,
            cells: {
              code: <span className="nowrap">{row.code}</span>,
              name: (
                <Link href={`/${lang}/admin/procedures/${encodeURIComponent(row.code)}`}>
                  {localized(lang, row)}
                </Link>
              ),
              version: row.currentVersion === null ? "—" : String(row.currentVersion),
              draft: row.draftVersion === null ? "—" : t("procedures.draftOf", { version: row.draftVersion }),
            },
          }))}
        />
      ) : (
        <p>{t("procedures.none")}</p>
      )}
      <h2 id="exchange">{t("procedures.exchangeTitle")}</h2>
      <p>{t("procedures.exchangeIntro")}</p>
      <p>
        <a href={`/${lang}/admin/procedures/export`} download>
          {t("procedures.export")}
        </a>
      </p>
      {query.imported ? (
        <Notice tone="success">
          <p>{t("procedures.imported", { n: String(query.imported) })}</p>
        </Notice>
      ) : null}
      <CatalogueImportForm
        lang={lang}
        messages={getMessages(lang, [
          "admin:procedures.import",
          "common:errorSummaryTitle",
          "common:errorTitlePrefix",
        ])}
        action={importCatalogueAction.bind(null, lang)}
      />
    </>
  );
}
