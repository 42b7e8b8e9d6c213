import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getProcedureByCode } from "@/lib/catalog/service";
import { workingDaysFor } from "@/lib/calendar/rules";
import { formatVnd } from "@/lib/i18n/format";
import { getT, resolveLang } from "@/lib/i18n/server";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Notice } from "@/components/ui/Notice";
import { SummaryList } from "@/components/ui/SummaryList";
import { StartDraftForm } from "@/components/forms/StartDraftForm";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { requireApplicant } from "../_shared/applicant";
import { NotApplicant } from "../_shared/NotApplicant";
import { startDraftAction } from "./actions";
import { localized } from "@/lib/i18n/localized";
import { filingChoices } from "@/lib/organisations/service";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function procedureOf(searchParams: Props["searchParams"]) {
  const code = (await searchParams).procedure;
  return typeof code === "string" && code ? getProcedureByCode(code) : null;
}

export function generateMetadata(): Metadata {
  // The page renders its own <title> (ErrorTitle), with "Error: " in front when the form has errors.
  return { title: null };
}

export default async function NewDossierPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const t = await getT(lang, "dossiers");
  const applicant = await requireApplicant(lang);
  if (!applicant) return <NotApplicant lang={lang} />;
  const procedure = await procedureOf(searchParams);
  if (!procedure) notFound();

  const name = localized(lang, procedure);
  const { version } = procedure;
  const limitHours = version.timeLimitHours.online ?? version.timeLimitHours.desk;
  const onlineFee = version.fees.find((fee) => fee.channel === "online") ?? version.fees[0];
  const documents = version.documents;
  const required = documents.filter((document) => document.required);
  const optional = documents.filter((document) => !document.required);
  const places = procedure.agencies.map((place) => ({
    id: place.competent.id,
    name: localized(lang, place.competent),
    receivingName:
      place.receiving.id === place.competent.id
        ? null
        : lang === "vi"
          ? place.receiving.nameVi
          : place.receiving.nameEn,
  }));
  const item = (document: (typeof documents)[number]) => (
    <li key={document.key}>
      {document.name[lang]}{" "}
      <span className="muted small">
        ({t("documents.copies", { originals: document.originals, copies: document.copies })})
      </span>
      {document.description ? (
        <details className="small">
          <summary>
            {t("documents.details")}
            <span className="visually-hidden">: {document.name[lang]}</span>
          </summary>
          <p>{document.description[lang]}</p>
        </details>
      ) : null}
    </li>
  );

  const heading = (
    <>
      <Breadcrumbs
        label={t("common:nav.breadcrumbs")}
        items={[
          { href: `/${lang}/procedures`, text: t("common:nav.procedures") },
          { href: `/${lang}/procedures/${encodeURIComponent(procedure.code)}`, text: name },
          { text: t("new.title") },
        ]}
      />
      <span className="muted">{t("new.title")}</span>
      <h1>{name}</h1>
      <SummaryList
        rows={[
          { key: t("new.code"), value: procedure.code },
          {
            key: t("new.timeLimit"),
            value:
              limitHours === null
                ? t("new.timeLimitUnknown")
                : t("new.workingDays", { count: workingDaysFor(limitHours) }),
          },
          ...(onlineFee
            ? [
                {
                  key: t("new.fee"),
                  value:
                    onlineFee.amountVnd === 0
                      ? t("new.free")
                      : onlineFee.amountVnd !== null
                        ? formatVnd(onlineFee.amountVnd, lang)
                        : onlineFee.asPublished,
                },
              ]
            : []),
        ]}
      />
      <h2>{t("new.needTitle")}</h2>
      {documents.length === 0 ? <p>{t("new.needNothing")}</p> : null}
      {required.length > 0 ? <ul>{required.map(item)}</ul> : null}
      {optional.length > 0 ? (
        <>
          <h3>{t("new.ifApplies")}</h3>
          <ul>{optional.map(item)}</ul>
        </>
      ) : null}
      <p>{t("new.needScans")}</p>
    </>
  );

  const title = `${t("new.title")}: ${name} – ${t("common:siteName")}`;
  if (places.length === 0) {
    return (
      <>
        <ErrorTitle title={title} prefix={t("common:errorTitlePrefix")} active={false} />
        {heading}
        <Notice tone="warning">{t("new.notOnline")}</Notice>
      </>
    );
  }
  return (
    <StartDraftForm
      lang={lang}
      procedureCode={procedure.code}
      places={places}
      organisations={await filingChoices(applicant, procedure.code)}
      applicantName={applicant.name}
      title={title}
      action={startDraftAction}
    >
      {heading}
    </StartDraftForm>
  );
}
