import type { Metadata } from "next";
import { deskFormPages } from "@/lib/dossiers/deskForm";
import { draftLookups } from "../../../(applicant)/dossiers/_shared/draft";
import { connection } from "next/server";
import { getProcedureByCode } from "@/lib/catalog/service";
import { deskApplicantFields } from "@/lib/dossiers/deskForm";
import { listDeskProcedures, receivingAgencyIds } from "@/lib/dossiers/service";
import { getT, resolveLang } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import { getActor } from "@/lib/identity/actor";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { SelectField } from "@/components/ui/Field";
import { NotStaff } from "@/components/staff/NotStaff";
import { DeskIntakeForm } from "@/components/staff/DeskIntakeForm";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { requireStaff } from "../_shared/staff-actor";
import { deskIntakeAction } from "./actions";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "staff");
  const actor = await getActor();
  // With a procedure chosen the form renders its own <title> (with "Error: " when it has errors).
  return { title: actor.kind === "applicant" ? t("notStaff.title") : null };
}

/**
 * Desk intake: a receiving officer files a walk-in applicant's dossier. First the procedure (a plain
 * GET form), then who, where, the answers and the scans, received and accepted in one step.
 */
export default async function DeskIntakePage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const query = await searchParams;
  const code = typeof query.procedure === "string" ? query.procedure : "";
  const t = await getT(lang, "staff");
  const tCommon = await getT(lang, "common");
  const tForms = await getT(lang, "forms");
  const actor = await requireStaff(
    lang,
    `/${lang}/staff/intake${code ? `?procedure=${encodeURIComponent(code)}` : ""}`,
  );
  if (!actor) return <NotStaff lang={lang} t={t} />;
  const title = `${t("intake.title")} – ${tCommon("siteName")}`;
  const crumbs = (
    <Breadcrumbs
      label={tCommon("nav.breadcrumbs")}
      items={[{ href: `/${lang}/staff`, text: t("dossier.backToQueue") }, { text: t("intake.title") }]}
    />
  );
  const desks = receivingAgencyIds(actor);
  if (desks.length === 0) {
    return (
      <>
        <ErrorTitle title={title} prefix={tCommon("errorTitlePrefix")} active={false} />
        {crumbs}
        <h1>{t("intake.title")}</h1>
        <Notice>{t("intake.notReceiver")}</Notice>
      </>
    );
  }
  const procedures = await listDeskProcedures(actor);
  const procedure = code && procedures.some((p) => p.code === code) ? await getProcedureByCode(code) : null;

  if (!procedure) {
    return (
      <>
        <ErrorTitle title={title} prefix={tCommon("errorTitlePrefix")} active={false} />
        {crumbs}
        <h1>{t("intake.title")}</h1>
        <p className="lead">{t("intake.lead")}</p>
        {code ? <Notice tone="warning">{t("intake.unknownProcedure")}</Notice> : null}
        <form method="get" action={`/${lang}/staff/intake`}>
          <SelectField
            id="procedure"
            name="procedure"
            label={t("intake.procedure")}
            hint={t("intake.procedureHint")}
            placeholder={tForms("choose")}
            options={procedures.map((p) => ({ value: p.code, label: `${localized(lang, p)} (${p.code})` }))}
            defaultValue=""
            required
          />
          <Button>{t("intake.continue")}</Button>
        </form>
      </>
    );
  }

  const places = procedure.agencies
    .filter((place) => desks.includes(place.receiving.id))
    .map((place) => ({ id: place.competent.id, name: localized(lang, place.competent) }));
  // Form fields carry both languages, as a procedure's own questions do.
  const [tVi, tEn] = await Promise.all([getT("vi", "staff"), getT("en", "staff")]);
  const applicantFields = deskApplicantFields((key) => ({
    label: { vi: tVi(`intake.fields.${key}`), en: tEn(`intake.fields.${key}`) },
    hint: { vi: tVi(`intake.hints.${key}`), en: tEn(`intake.hints.${key}`) },
  }));
  return (
    <>
      {crumbs}
      <p className="muted">
        {localized(lang, procedure)} ({procedure.code})
      </p>
      <DeskIntakeForm
        lang={lang}
        procedureCode={procedure.code}
        applicantFields={applicantFields}
        pages={deskFormPages(procedure.version.form)}
        lookups={await draftLookups(lang)}
        places={places}
        documents={procedure.version.documents.map((d) => ({
          key: d.key,
          name: d.name[lang],
          required: d.required,
        }))}
        title={`${t("intake.title")}: ${localized(lang, procedure)} – ${tCommon("siteName")}`}
        action={deskIntakeAction}
      />
    </>
  );
}
