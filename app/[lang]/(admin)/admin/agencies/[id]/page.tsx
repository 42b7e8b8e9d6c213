import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { agencyChoices, getAgency } from "@/lib/agencies/service";
import { localized } from "@/lib/i18n/localized";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { AdminForm } from "@/components/admin/AdminForm";
import { AdminBreadcrumbs, NotAdmin } from "@/components/admin/AdminChrome";
import { agencyFormFields } from "@/components/admin/agencyForm";
import { requireAdmin } from "../../_shared/admin";
import { saveAgencyAction } from "../actions";

type Props = { params: Promise<{ lang: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  // The form writes the title (with "Error: " in front when the post fails).
  return { title: null };
}

export default async function EditAgencyPage({ params }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { id } = await params;
  const t = await getT(lang, "admin");
  const tCommon = await getT(lang, "common");
  const admin = await requireAdmin(lang, `/${lang}/admin/agencies/${encodeURIComponent(id)}`);
  if (!admin) return <NotAdmin lang={lang} actor={await getActor()} />;
  const found = await getAgency(admin.actor, id);
  if (!found.ok) notFound();
  const agency = found.value;
  const name = localized(lang, agency);
  const heading = t("agencyForm.titleEdit", { name });
  return (
    <>
      <AdminBreadcrumbs
        lang={lang}
        items={[{ href: `/${lang}/admin/agencies`, text: t("nav.agencies") }, { text: agency.code }]}
      />
      <AdminForm
        lang={lang}
        title={`${heading} – ${tCommon("siteName")}`}
        heading={heading}
        headingLevel={1}
        idPrefix="agency"
        schema="agency"
        fields={agencyFormFields(t, lang, await agencyChoices(), agency, agency.id)}
        submit={t("agencyForm.submitSave")}
        action={saveAgencyAction.bind(null, lang, agency.id)}
      />
    </>
  );
}
