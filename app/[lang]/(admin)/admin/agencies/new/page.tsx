import type { Metadata } from "next";
import { connection } from "next/server";
import { agencyChoices } from "@/lib/agencies/service";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { inScope } from "@/lib/identity/adminRules";
import { AdminForm } from "@/components/admin/AdminForm";
import { AdminBreadcrumbs, NotAdmin } from "@/components/admin/AdminChrome";
import { agencyFormFields } from "@/components/admin/agencyForm";
import { requireAdmin } from "../../_shared/admin";
import { saveAgencyAction } from "../actions";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata(): Promise<Metadata> {
  // The form writes the title (with "Error: " in front when the post fails).
  return { title: null };
}

export default async function NewAgencyPage({ params }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const t = await getT(lang, "admin");
  const tCommon = await getT(lang, "common");
  const admin = await requireAdmin(lang, `/${lang}/admin/agencies/new`);
  if (!admin) return <NotAdmin lang={lang} actor={await getActor()} />;
  const choices = await agencyChoices();
  // An agency administrator adds agencies under their own: only those are offered as parents.
  const parents = choices.filter((choice) => inScope(admin.scope, choice.id));
  const fields = agencyFormFields(t, lang, choices).map((field) =>
    field.name === "parentId"
      ? {
          ...field,
          options: field.options!.filter((option) => parents.some((p) => p.id === option.value)),
          ...(admin.scope.all ? {} : { placeholder: undefined }),
        }
      : field,
  );
  return (
    <>
      <AdminBreadcrumbs
        lang={lang}
        items={[
          { href: `/${lang}/admin/agencies`, text: t("nav.agencies") },
          { text: t("agencyForm.titleNew") },
        ]}
      />
      <AdminForm
        lang={lang}
        title={`${t("agencyForm.titleNew")} – ${tCommon("siteName")}`}
        heading={t("agencyForm.titleNew")}
        headingLevel={1}
        idPrefix="agency"
        schema="agency"
        fields={fields}
        submit={t("agencyForm.submitCreate")}
        action={saveAgencyAction.bind(null, lang, null)}
      />
    </>
  );
}
