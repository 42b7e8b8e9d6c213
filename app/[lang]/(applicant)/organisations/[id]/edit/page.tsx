import type { Metadata } from "next";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getOrganisation } from "@/lib/organisations/service";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { OrganisationForm } from "@/components/organisations/OrganisationForm";
import { particularFields } from "@/components/organisations/particulars";
import { addressChoices } from "@/components/organisations/addressChoices";
import { requireApplicant } from "../../../dossiers/_shared/applicant";
import { NotApplicant } from "../../../dossiers/_shared/NotApplicant";
import { updateOrganisationAction } from "../../actions";

type Props = { params: Promise<{ lang: string; id: string }> };

export const metadata: Metadata = { title: null };

/** The owner changes the organisation's particulars. */
export default async function EditOrganisationPage({ params }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { id } = await params;
  const applicant = await requireApplicant(lang, `/${lang}/organisations/${id}/edit`);
  if (!applicant) return <NotApplicant lang={lang} />;
  const found = await getOrganisation(applicant, id);
  if (!found.ok || found.value.role !== "owner") notFound();
  const organisation = found.value;
  const t = await getT(lang, "organisations");
  return (
    <>
      <Breadcrumbs
        label={t("common:nav.breadcrumbs")}
        items={[
          { href: `/${lang}/organisations`, text: t("title") },
          { href: `/${lang}/organisations/${organisation.id}`, text: organisation.name },
          { text: t("detail.edit") },
        ]}
      />
      <h1>{t("detail.edit")}</h1>
      <OrganisationForm
        lang={lang}
        title={`${t("detail.edit")}: ${organisation.name} – ${t("common:siteName")}`}
        fields={particularFields(
          t,
          {
            name: organisation.name,
            taxCode: organisation.taxCode,
            province: organisation.address?.province ?? "",
            commune: organisation.address?.commune ?? "",
            street: organisation.address?.street ?? "",
            legalRepresentative: organisation.legalRepresentative ?? "",
            legalRepresentativeTitle: organisation.legalRepresentativeTitle ?? "",
            phone: organisation.phone ?? "",
            email: organisation.email ?? "",
          },
          await addressChoices(),
        )}
        submitLabel={t("detail.save")}
        action={updateOrganisationAction.bind(null, lang, organisation.id)}
      />
    </>
  );
}
