import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { previousPageId } from "@/lib/forms/flow";
import { getT, resolveLang } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import { PageForm } from "@/components/forms/fields/PageForm.client";
import { labelIsHeading } from "@/components/forms/fields/FormPageFields";
import styles from "@/components/forms/fields/fields.module.css";
import formStyles from "@/components/forms/forms.module.css";
import { NotApplicant } from "../../../../_shared/NotApplicant";
import {
  draftLookups,
  draftPath,
  filesByDocument,
  filingMessages,
  loadOwnDraft,
  shownPage,
} from "../../../../_shared/draft";
import { DraftStorePickers } from "@/components/documents/DraftStorePickers";
import { savePageAction } from "./actions";

type Props = {
  params: Promise<{ lang: string; id: string; pageId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export function generateMetadata(): Metadata {
  // The form renders the <title>, with "Error: " in front when the page shows errors.
  return { title: null };
}

/** One question (or a few related ones) of a draft's form. */
export default async function DraftQuestionPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { id, pageId } = await params;
  const query = await searchParams;
  const back = query.return === "check";
  const t = await getT(lang, "dossiers");
  const draft = await loadOwnDraft(lang, id);
  if (!draft) return <NotApplicant lang={lang} />;
  const { applicant, dossier, attachments, version } = draft;
  const page = shownPage(version, dossier.formData, decodeURIComponent(pageId));
  if (!page) redirect(draftPath(lang, dossier.id));

  const previous = previousPageId(version.form, dossier.formData, page.id);
  const backHref = back
    ? draftPath(lang, dossier.id, "/check")
    : previous
      ? draftPath(lang, dossier.id, `/pages/${encodeURIComponent(previous)}`)
      : draftPath(lang, dossier.id);
  const section = version.form.sections?.find((candidate) => candidate.id === page.section);
  const caption = section ? section.title[lang] : localized(lang, dossier.procedure);
  const headingIsLabel = labelIsHeading(page, dossier.formData);

  return (
    <>
      <Link href={backHref} className={styles.backLink}>
        {t("filing.back")}
      </Link>
      <PageForm
        lang={lang}
        messages={filingMessages(lang)}
        dossierId={dossier.id}
        definition={version.form}
        page={page}
        stored={dossier.formData}
        initial={{ answers: {}, issues: {} }}
        action={savePageAction}
        lookups={await draftLookups(lang)}
        files={filesByDocument(attachments, lang)}
        title={`${page.title[lang]} – ${t("common:siteName")}`}
        hidden={{ lang, pageId: page.id, ...(back ? { return: "check" } : {}) }}
        saveUrl={`/api/v1/drafts/${encodeURIComponent(dossier.id)}/pages/${encodeURIComponent(page.id)}`}
        uploadUrl={`/api/v1/drafts/${encodeURIComponent(dossier.id)}/files`}
      >
        <span className={formStyles.caption}>{caption}</span>
        {headingIsLabel ? null : <h1>{page.title[lang]}</h1>}
        {page.hint ? <p>{page.hint[lang]}</p> : null}
      </PageForm>
      <DraftStorePickers
        lang={lang}
        actor={applicant}
        dossierId={dossier.id}
        page={page}
        documents={version.documents}
        returnTo={draftPath(
          lang,
          dossier.id,
          `/pages/${encodeURIComponent(page.id)}${back ? "?return=check" : ""}`,
        )}
        outcome={typeof query.storeAttach === "string" ? query.storeAttach : undefined}
      />
    </>
  );
}
