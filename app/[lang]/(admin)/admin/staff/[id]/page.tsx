import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { agencyChoices } from "@/lib/agencies/service";
import { grantableRoles, inScope } from "@/lib/identity/adminRules";
import { getStaffAccount } from "@/lib/identity/staff";
import { formatDateTime } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { AdminForm } from "@/components/admin/AdminForm";
import { AdminBreadcrumbs, NotAdmin } from "@/components/admin/AdminChrome";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { SummaryList } from "@/components/ui/SummaryList";
import { requireAdmin } from "../../_shared/admin";
import { grantRoleAction, resetPasswordAction, revokeRoleAction, setEnabledAction } from "../actions";

type Props = {
  params: Promise<{ lang: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  // The role form writes the title (with "Error: " in front when a post fails).
  return { title: null };
}

const notices = new Set(["roleGranted", "roleRevoked", "accountEnabled", "accountDisabled"]);
const problems = new Set([
  "forbidden",
  "not_found",
  "self",
  "last_system_admin",
  "role_not_allowed",
  "outside_scope",
  "not_held",
  "failed",
]);

/** One staff account: who, roles (revoke, grant), disable or enable, a new password. */
export default async function StaffAccountPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { id } = await params;
  const query = await searchParams;
  const t = await getT(lang, "admin");
  const tCommon = await getT(lang, "common");
  const admin = await requireAdmin(lang, `/${lang}/admin/staff/${encodeURIComponent(id)}`);
  if (!admin) return <NotAdmin lang={lang} actor={await getActor()} />;
  const found = await getStaffAccount(admin.actor, id);
  if (!found.ok) notFound();
  const account = found.value;
  const choices = await agencyChoices();
  const names = new Map(choices.map((choice) => [choice.id, localized(lang, choice)]));
  const agencies = choices.filter((choice) => inScope(admin.scope, choice.id));
  const roles = grantableRoles(admin.scope);
  const done = typeof query.done === "string" && notices.has(query.done) ? query.done : null;
  const problem = typeof query.error === "string" && problems.has(query.error) ? query.error : null;
  const title = `${account.fullName} – ${tCommon("siteName")}`;
  const revocable = (role: (typeof account.roles)[number]) =>
    roles.includes(role.role) && inScope(admin.scope, role.agencyId);
  const isSelf = account.id === admin.actor.userId;
  return (
    <>
      <AdminBreadcrumbs
        lang={lang}
        items={[{ href: `/${lang}/admin/staff`, text: t("nav.staff") }, { text: account.fullName }]}
      />
      <ErrorSummary
        title={tCommon("errorSummaryTitle")}
        errors={problem ? [{ href: "#account-actions", message: t(`errors.${problem}`) }] : []}
      />
      <h1>{account.fullName}</h1>
      {done ? (
        <Notice tone="success">
          <p>{t(`done.${done}`)}</p>
        </Notice>
      ) : null}
      <SummaryList
        rows={[
          { key: t("staffForm.email"), value: account.email },
          { key: t("staffForm.phone"), value: account.phone ?? "—" },
          { key: t("account.status"), value: account.disabled ? t("staff.disabled") : t("staff.active") },
          { key: t("account.createdAt"), value: formatDateTime(account.createdAt, lang) },
        ]}
      />

      <h2>{t("account.roles")}</h2>
      {account.roles.length === 0 ? <p>{t("staff.noRoles")}</p> : null}
      <ul className="plain-list role-rows">
        {account.roles.map((role) => (
          <li key={role.agencyId + role.role}>
            <span>
              {t(`roles.${role.role}`)} – {names.get(role.agencyId) ?? role.agencyId}
            </span>
            {revocable(role) ? (
              <form action={revokeRoleAction.bind(null, lang, account.id)} className="inline-form">
                <input type="hidden" name="agencyId" value={role.agencyId} />
                <input type="hidden" name="role" value={role.role} />
                <Button variant="secondary">
                  {t("account.revoke")}
                  <span className="visually-hidden">
                    {" "}
                    {t(`roles.${role.role}`)} – {names.get(role.agencyId) ?? ""}
                  </span>
                </Button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>

      <AdminForm
        lang={lang}
        title={title}
        heading={t("account.grantTitle")}
        intro={t("account.grantIntro")}
        idPrefix="grant"
        schema="roleGrant"
        fields={[
          {
            name: "agencyId",
            kind: "select",
            label: t("staffForm.agencyId"),
            placeholder: t("staffForm.choose"),
            options: agencies.map((agency) => ({
              value: agency.id,
              label: `${agency.code} · ${localized(lang, agency)}`,
            })),
          },
          {
            name: "role",
            kind: "select",
            label: t("staffForm.role"),
            placeholder: t("staffForm.choose"),
            options: roles.map((role) => ({ value: role, label: t(`roles.${role}`) })),
          },
        ]}
        submit={t("account.grantSubmit")}
        variant="secondary"
        action={grantRoleAction.bind(null, lang, account.id)}
      />

      <h2 id="account-actions" tabIndex={-1}>
        {t("account.accessTitle")}
      </h2>
      {!account.manageable ? (
        <p>{t("account.notManageable")}</p>
      ) : (
        <>
          {isSelf ? (
            <p>{t("account.selfNote")}</p>
          ) : (
            <form action={setEnabledAction.bind(null, lang, account.id)}>
              <input type="hidden" name="enabled" value={account.disabled ? "true" : "false"} />
              <p>{t(account.disabled ? "account.enableHint" : "account.disableHint")}</p>
              <Button variant={account.disabled ? "secondary" : "warning"}>
                {t(account.disabled ? "account.enable" : "account.disable")}
              </Button>
            </form>
          )}
          <AdminForm
            lang={lang}
            title={title}
            ownsTitle={false}
            heading={t("account.resetTitle")}
            intro={t("account.resetHint")}
            idPrefix="reset"
            schema="none"
            fields={[]}
            submit={t("account.reset")}
            variant="secondary"
            action={resetPasswordAction.bind(null, lang, account.id)}
          />
        </>
      )}
    </>
  );
}
