import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { visiblePages } from "@/lib/forms/flow";
import { getT, resolveLang } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import { PageForm } from "@/components/forms/fields/PageForm.client";
import styles from "@/components/forms/fields/fields.module.css";
import formStyles from "@/components/forms/forms.module.css";
import { NotApplicant } from "../../../_shared/NotApplicant";
import {
  documentsPage,
  draftLookups,
  draftPath,
  filesByDocument,
  filingMessages,
  loadOwnDraft,
} from "../../../_shared/draft";
import { DraftStorePickers } from "@/components/documents/DraftStorePickers";
import { saveDocumentsAction } from "./actions";

type Props = {
  params: Promise<{ lang: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export function generateMetadata(): Metadata {
  return { title: null };
}

/** The documents step: the procedure's documents the pages did not ask for, and other documents. */
export default async function DraftDocumentsPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { id } = await params;
  const query = await searchParams;
  const back = query.return === "check";
  const t = await getT(lang, "dossiers");
  const draft = await loadOwnDraft(lang, id);
  if (!draft) return <NotApplicant lang={lang} />;
  const { applicant, dossier, attachments, version } = draft;
  const page = documentsPage(version);
  const shown = visiblePages(version.form, dossier.formData);
  const last = shown[shown.length - 1];
  const backHref = back
    ? draftPath(lang, dossier.id, "/check")
    : last
      ? draftPath(lang, dossier.id, `/pages/${encodeURIComponent(last.id)}`)
      : draftPath(lang, dossier.id);

  return (
    <>
      <Link href={backHref} className={styles.backLink}>
        {t("filing.back")}
      </Link>
      <PageForm
        lang={lang}
        messages={filingMessages(lang)}
        dossierId={dossier.id}
        definition={{ pages: [page] }}
        page={page}
        stored={{}}
        initial={{ answers: {}, issues: {} }}
        action={saveDocumentsAction}
        lookups={await draftLookups(lang)}
        files={filesByDocument(attachments, lang)}
        title={`${t("filing.documentsTitle")} – ${t("common:siteName")}`}
        hidden={{ lang }}
        saveUrl=""
        uploadUrl={`/api/v1/drafts/${encodeURIComponent(dossier.id)}/files`}
      >
        <span className={formStyles.caption}>{localized(lang, dossier.procedure)}</span>
        <h1>{t("filing.documentsTitle")}</h1>
        <p>{t("filing.documentsIntro")}</p>
      </PageForm>
      <DraftStorePickers
        lang={lang}
        actor={applicant}
        dossierId={dossier.id}
        page={page}
        documents={version.documents}
        returnTo={draftPath(lang, dossier.id, `/documents${back ? "?return=check" : ""}`)}
        outcome={typeof query.storeAttach === "string" ? query.storeAttach : undefined}
      />
    </>
  );
}
