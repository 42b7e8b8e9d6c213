import type { Metadata } from "next";
import { connection } from "next/server";
import { agencyChoices } from "@/lib/agencies/service";
import { grantableRoles, inScope } from "@/lib/identity/adminRules";
import { localized } from "@/lib/i18n/localized";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { AdminForm } from "@/components/admin/AdminForm";
import { AdminBreadcrumbs, NotAdmin } from "@/components/admin/AdminChrome";
import { requireAdmin } from "../../_shared/admin";
import { createStaffAction } from "../actions";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata(): Promise<Metadata> {
  // The form writes the title (with "Error: " in front when the post fails).
  return { title: null };
}

export default async function NewStaffAccountPage({ params }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const t = await getT(lang, "admin");
  const tCommon = await getT(lang, "common");
  const admin = await requireAdmin(lang, `/${lang}/admin/staff/new`);
  if (!admin) return <NotAdmin lang={lang} actor={await getActor()} />;
  const agencies = (await agencyChoices()).filter((choice) => inScope(admin.scope, choice.id));
  const heading = t("staffForm.title");
  return (
    <>
      <AdminBreadcrumbs
        lang={lang}
        items={[{ href: `/${lang}/admin/staff`, text: t("nav.staff") }, { text: heading }]}
      />
      <AdminForm
        lang={lang}
        title={`${heading} – ${tCommon("siteName")}`}
        heading={heading}
        headingLevel={1}
        intro={t("staffForm.intro")}
        idPrefix="account"
        schema="staffAccount"
        fields={[
          { name: "fullName", kind: "text", label: t("staffForm.fullName"), autoComplete: "off" },
          {
            name: "email",
            kind: "email",
            label: t("staffForm.email"),
            hint: t("staffForm.emailHint"),
            autoComplete: "off",
          },
          {
            name: "phone",
            kind: "tel",
            label: t("staffForm.phone"),
            hint: t("staffForm.phoneHint"),
            short: true,
            autoComplete: "off",
          },
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
            hint: t("staffForm.roleHint"),
            placeholder: t("staffForm.choose"),
            options: grantableRoles(admin.scope).map((role) => ({ value: role, label: t(`roles.${role}`) })),
          },
        ]}
        submit={t("staffForm.submit")}
        action={createStaffAction.bind(null, lang)}
      />
    </>
  );
}
