import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { agencyChoices } from "@/lib/agencies/service";
import { inScope } from "@/lib/identity/adminRules";
import { listStaffAccounts } from "@/lib/identity/staff";
import { formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { AdminBreadcrumbs, NotAdmin } from "@/components/admin/AdminChrome";
import { RoleList } from "@/components/admin/RoleList";
import { ButtonLink } from "@/components/ui/Button";
import { DataTable } from "@/components/ui/DataTable";
import { requireAdmin } from "../_shared/admin";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "admin");
  return { title: t("staff.title") };
}

/** Staff accounts of the agencies the administrator administers, per agency. */
export default async function StaffAccountsPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const query = await searchParams;
  const t = await getT(lang, "admin");
  const admin = await requireAdmin(lang, `/${lang}/admin/staff`);
  if (!admin) return <NotAdmin lang={lang} actor={await getActor()} />;
  const agencyId = typeof query.agency === "string" ? query.agency : "";
  const q = typeof query.q === "string" ? query.q.slice(0, 100) : "";
  const [listed, choices] = await Promise.all([
    listStaffAccounts(admin.actor, { agencyId: agencyId || null, q }),
    agencyChoices(),
  ]);
  const accounts = listed.ok ? listed.value : [];
  const agencies = choices.filter((choice) => inScope(admin.scope, choice.id));
  const names = new Map(choices.map((choice) => [choice.id, localized(lang, choice)]));
  return (
    <>
      <AdminBreadcrumbs lang={lang} items={[{ text: t("nav.staff") }]} />
      <h1>{t("staff.title")}</h1>
      <p>{t("staff.intro")}</p>
      <p>
        <ButtonLink href={`/${lang}/admin/staff/new`}>{t("staff.add")}</ButtonLink>
      </p>
      <form method="get" action={`/${lang}/admin/staff`} role="search" className="admin-search">
        <div className="field">
          <label className="field__label" htmlFor="staff-agency">
            {t("staff.filterAgency")}
          </label>
          <select id="staff-agency" name="agency" className="select" defaultValue={agencyId}>
            <option value="">{t("staff.allAgencies")}</option>
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.code} · {localized(lang, agency)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="staff-search">
            {t("staff.search")}
          </label>
          <input id="staff-search" name="q" type="search" className="input" defaultValue={q} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("staff.filterSubmit")}
        </button>
      </form>
      <p aria-live="polite">
        {t("staff.count", { count: accounts.length, n: formatNumber(accounts.length, lang) })}
      </p>
      {accounts.length > 0 ? (
        <DataTable
          caption={t("staff.caption")}
          columns={[
            { key: "name", header: t("staff.columns.name") },
            { key: "email", header: t("staff.columns.email") },
            { key: "roles", header: t("staff.columns.roles") },
            { key: "status", header: t("staff.columns.status") },
          ]}
          rows={accounts.map((account) => ({
            key: account.id,
            cells: {
              name: <Link href={`/${lang}/admin/staff/${account.id}`}>{account.fullName}</Link>,
              email: account.email,
              roles: <RoleList roles={account.roles} names={names} t={t} />,
              status: account.disabled ? <strong>{t("staff.disabled")}</strong> : t("staff.active"),
            },
          }))}
        />
      ) : (
        <p>{t("staff.none")}</p>
      )}
    </>
  );
}
