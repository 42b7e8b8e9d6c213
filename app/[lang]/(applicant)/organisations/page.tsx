import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getT, resolveLang } from "@/lib/i18n/server";
import { listMyOrganisations } from "@/lib/organisations/service";
import { DataTable } from "@/components/ui/DataTable";
import { OrganisationForm } from "@/components/organisations/OrganisationForm";
import { particularFields } from "@/components/organisations/particulars";
import { addressChoices } from "@/components/organisations/addressChoices";
import { requireApplicant } from "../dossiers/_shared/applicant";
import { NotApplicant } from "../dossiers/_shared/NotApplicant";
import { createOrganisationAction } from "./actions";

type Props = { params: Promise<{ lang: string }> };

/** The form renders the <title>, with "Error: " in front when a post failed. */
export const metadata: Metadata = { title: null };

/** My organisations: those the applicant belongs to, with their role, and registering a new one. */
export default async function OrganisationsPage({ params }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const applicant = await requireApplicant(lang, `/${lang}/organisations`);
  if (!applicant) return <NotApplicant lang={lang} />;
  const t = await getT(lang, "organisations");
  const mine = await listMyOrganisations(applicant);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {mine.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <DataTable
          columns={[
            { key: "name", header: t("columns.name") },
            { key: "taxCode", header: t("columns.taxCode") },
            { key: "role", header: t("columns.role") },
          ]}
          rows={mine.map((organisation) => ({
            key: organisation.id,
            cells: {
              name: <Link href={`/${lang}/organisations/${organisation.id}`}>{organisation.name}</Link>,
              taxCode: organisation.taxCode,
              role: t(`roles.${organisation.role}`),
            },
          }))}
        />
      )}
      <OrganisationForm
        lang={lang}
        title={`${t("title")} – ${t("common:siteName")}`}
        heading={t("create.title")}
        lead={t("create.lead")}
        fields={particularFields(t, {}, await addressChoices())}
        submitLabel={t("create.submit")}
        action={createOrganisationAction.bind(null, lang)}
      />
    </>
  );
}
