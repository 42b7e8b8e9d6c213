import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { agencyNames } from "@/lib/agencies/service";
import { adminActionKinds, listAdminChanges, type AdminActionKind } from "@/lib/audit/service";
import { userNames } from "@/lib/identity/staff";
import { formatDateTime } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { AdminBreadcrumbs, NotAdmin } from "@/components/admin/AdminChrome";
import { AuditChanges } from "@/components/admin/AuditChanges";
import { DataTable } from "@/components/ui/DataTable";
import { requireAdmin } from "../_shared/admin";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "admin");
  return { title: t("audit.title") };
}

/** The latest changes administrators made, newest first: who, when, what, before and after. */
export default async function AuditPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const query = await searchParams;
  const t = await getT(lang, "admin");
  const admin = await requireAdmin(lang, `/${lang}/admin/audit`);
  // The log covers the whole portal: system administrators only.
  if (!admin || !admin.scope.all) return <NotAdmin lang={lang} actor={await getActor()} />;
  const kind = adminActionKinds.find((k) => k === query.kind) ?? null;
  const before =
    typeof query.before === "string" && /^\d{1,15}$/.test(query.before) ? Number(query.before) : null;
  const { entries, nextBeforeId } = await listAdminChanges({ kind, beforeId: before, limit: 50 });
  const people = await userNames(
    entries
      .flatMap((entry) => [entry.actorId, entry.details?.userId])
      .filter((id): id is string => typeof id === "string"),
  );
  const agencies = await agencyNames();
  const subject = (details: Record<string, unknown> | null): string => {
    const userId = details?.userId;
    if (typeof userId === "string") return people.get(userId)?.name ?? String(details?.email ?? userId);
    const agencyId = details?.agencyId;
    if (typeof agencyId === "string") {
      const agency = agencies.get(agencyId);
      return agency ? `${agency.code} · ${localized(lang, agency)}` : String(details?.code ?? agencyId);
    }
    return "—";
  };
  const pageUrl = (params: Record<string, string | null>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    const text = search.toString();
    return `/${lang}/admin/audit${text ? `?${text}` : ""}`;
  };
  return (
    <>
      <AdminBreadcrumbs lang={lang} items={[{ text: t("nav.audit") }]} />
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      <form method="get" action={`/${lang}/admin/audit`} className="admin-search">
        <div className="field">
          <label className="field__label" htmlFor="audit-kind">
            {t("audit.filterKind")}
          </label>
          <select id="audit-kind" name="kind" className="select" defaultValue={kind ?? ""}>
            <option value="">{t("audit.allKinds")}</option>
            {adminActionKinds.map((k: AdminActionKind) => (
              <option key={k} value={k}>
                {t(`audit.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("audit.filterSubmit")}
        </button>
      </form>
      {entries.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <DataTable
          caption={t("audit.caption")}
          scrollLabel={t("audit.caption")}
          columns={[
            { key: "at", header: t("audit.columns.at") },
            { key: "who", header: t("audit.columns.who") },
            { key: "action", header: t("audit.columns.action") },
            { key: "subject", header: t("audit.columns.subject") },
            { key: "changes", header: t("audit.columns.changes") },
          ]}
          rows={entries.map((entry) => ({
            key: String(entry.id),
            cells: {
              at: <span className="nowrap">{formatDateTime(entry.at, lang)}</span>,
              who: entry.actorId ? (people.get(entry.actorId)?.name ?? entry.actorId) : "—",
              action: t(`audit.actions.${entry.action.replace(".", "_")}`),
              subject: subject(entry.details),
              changes: <AuditChanges details={entry.details} t={t} lang={lang} agencies={agencies} />,
            },
          }))}
        />
      )}
      <nav aria-label={t("audit.paging")} className="pagination">
        {before ? <Link href={pageUrl({ kind })}>{t("audit.newest")}</Link> : null}{" "}
        {nextBeforeId ? (
          <Link href={pageUrl({ kind, before: String(nextBeforeId) })}>{t("audit.older")}</Link>
        ) : null}
      </nav>
    </>
  );
}
