import type { Metadata } from "next";
import { formFields } from "@/lib/forms/definition";
import { connection } from "next/server";
import { getT, resolveLang } from "@/lib/i18n/server";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { DraftForm } from "@/components/forms/DraftForm";
import { NotApplicant } from "../../_shared/NotApplicant";
import { answersAsText, draftIssues, fileSize, loadOwnDraft } from "../../_shared/draft";
import { addDraftFileAction, saveDraftAction } from "./actions";
import { localized } from "@/lib/i18n/localized";

type Props = {
  params: Promise<{ lang: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export function generateMetadata(): Metadata {
  // DraftForm renders the <title>, with "Error: " in front when the form has errors.
  return { title: null };
}

export default async function DraftPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { id } = await params;
  const t = await getT(lang, "dossiers");
  const draft = await loadOwnDraft(lang, id);
  if (!draft) return <NotApplicant lang={lang} />;
  const { dossier, attachments, version } = draft;

  // Sent back from "check answers" or a refused submission: show what is still missing.
  const validate = (await searchParams).validate === "1";
  const issues = validate ? draftIssues(version, dossier.formData, attachments) : {};
  const name = localized(lang, dossier.procedure);

  return (
    <>
      <Breadcrumbs
        label={t("common:nav.breadcrumbs")}
        items={[{ href: `/${lang}/dossiers`, text: t("common:nav.myDossiers") }, { text: name }]}
      />
      <DraftForm
        lang={lang}
        dossierId={dossier.id}
        heading={name}
        title={`${t("draft.title")} – ${t("common:siteName")}`}
        fields={formFields(version.form)}
        documents={version.documents.map((document) => ({
          key: document.key,
          name: document.name[lang],
          description: document.description?.[lang],
          required: document.required,
          hint: `${t("documents.copies", { originals: document.originals, copies: document.copies })}. ${t("draft.fileHint")}`,
          uploaded: attachments
            .filter((attachment) => attachment.documentKey === document.key)
            .map((attachment) => ({
              id: attachment.id,
              fileName: attachment.fileName,
              size: fileSize(attachment.size, lang),
            })),
        }))}
        initial={{ values: answersAsText(dossier.formData), issues }}
        action={saveDraftAction}
        addFile={addDraftFileAction}
      />
    </>
  );
}
