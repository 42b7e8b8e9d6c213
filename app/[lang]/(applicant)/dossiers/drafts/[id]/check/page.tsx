import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { dossierErrorKey } from "@/components/dossiers/errorKey";
import { getT, resolveLang } from "@/lib/i18n/server";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Notice } from "@/components/ui/Notice";
import { SummaryList } from "@/components/ui/SummaryList";
import { SubmitButton } from "@/components/forms/SubmitButton";
import { visibleFields, visiblePages } from "@/lib/forms/flow";
import { displayAnswer } from "@/components/forms/fields/display";
import { issueAnchor } from "@/lib/forms/posted";
import { DossierDocuments } from "@/components/dossiers/DossierDocuments";
import { NotApplicant } from "../../../_shared/NotApplicant";
import { draftLookups, draftPath, loadOwnDraft } from "../../../_shared/draft";
import { submitDraftAction } from "./actions";
import styles from "@/components/forms/forms.module.css";
import fieldStyles from "@/components/forms/fields/fields.module.css";
import { localized } from "@/lib/i18n/localized";

type Props = {
  params: Promise<{ lang: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await resolveLang(params), "dossiers");
  return { title: t("check.title") };
}

export default async function CheckAnswersPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { id } = await params;
  const t = await getT(lang, "dossiers");
  const draft = await loadOwnDraft(lang, id);
  if (!draft) return <NotApplicant lang={lang} />;
  const { dossier, attachments, version } = draft;

  const error = dossierErrorKey((await searchParams).error);
  const name = localized(lang, dossier.procedure);
  const formPage = draftPath(lang, dossier.id);
  const lookups = await draftLookups(lang);
  const words = { yes: t("forms:fields.yes"), no: t("forms:fields.no") };
  const others = attachments.filter((attachment) => attachment.documentKey === "other");
  const agency = localized(lang, dossier.competentAgency);

  return (
    <>
      <Breadcrumbs
        label={t("common:nav.breadcrumbs")}
        items={[
          { href: `/${lang}/dossiers`, text: t("common:nav.myDossiers") },
          { href: formPage, text: name },
          { text: t("check.title") },
        ]}
      />
      {error ? <Notice tone="warning">{t(error)}</Notice> : null}
      <span className={styles.caption}>{name}</span>
      <h1>{t("check.title")}</h1>
      <h2>{t("check.whereTitle")}</h2>
      <SummaryList rows={[{ key: t("detail.competentAgency"), value: agency }]} />
      <h2>{t("check.answersTitle")}</h2>
      <SummaryList
        rows={visiblePages(version.form, dossier.formData).flatMap((page) =>
          visibleFields(page, dossier.formData, version.form)
            .filter((field) => field.type !== "document")
            .map((field) => ({
              key: field.label[lang],
              value: (
                <span className={fieldStyles.preLine}>
                  {displayAnswer(field, dossier.formData[field.name], lang, lookups, words) ??
                    t("check.notAnswered")}
                </span>
              ),
              action: (
                <Link
                  href={`${formPage}/pages/${encodeURIComponent(page.id)}?return=check#${issueAnchor(page, field.name)}`}
                >
                  {t("common:actions.change")}
                  <span className="visually-hidden"> {field.label[lang]}</span>
                </Link>
              ),
            })),
        )}
      />
      <h2>{t("check.documentsTitle")}</h2>
      <DossierDocuments
        lang={lang}
        viewer="applicant"
        documents={version.documents}
        attachments={attachments}
        changeHref={`${formPage}/documents?return=check`}
      />
      <h3>{t("filing.otherDocumentsTitle")}</h3>
      <SummaryList
        rows={[
          {
            key: t("filing.otherDocumentsTitle"),
            value:
              others.length > 0
                ? others
                    .map((file) => {
                      const description = (file as { description?: string | null }).description;
                      return description ? `${file.fileName} (${description})` : file.fileName;
                    })
                    .join(", ")
                : t("filing.nothingOther"),
            action: (
              <Link href={`${formPage}/documents?return=check`}>
                {t("common:actions.change")}
                <span className="visually-hidden"> {t("filing.otherDocumentsTitle")}</span>
              </Link>
            ),
          },
        ]}
      />
      <h2>{t("check.declarationTitle")}</h2>
      <div className={styles.declaration}>
        <p>{t("check.declaration")}</p>
      </div>
      <form action={submitDraftAction}>
        <input type="hidden" name="lang" value={lang} />
        <input type="hidden" name="dossierId" value={dossier.id} />
        <SubmitButton>{t("check.submit")}</SubmitButton>
      </form>
    </>
  );
}
