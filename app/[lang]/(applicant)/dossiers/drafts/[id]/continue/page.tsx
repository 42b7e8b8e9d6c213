import { redirect } from "next/navigation";
import { connection } from "next/server";
import { resolveLang } from "@/lib/i18n/server";
import { NotApplicant } from "../../../_shared/NotApplicant";
import { firstUnfinished, loadOwnDraft } from "../../../_shared/draft";

type Props = { params: Promise<{ lang: string; id: string }> };

/** "Continue" from My dossiers (on any device): the first page with something missing or wrong. */
export default async function ContinueDraftPage({ params }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { id } = await params;
  const draft = await loadOwnDraft(lang, id);
  if (!draft) return <NotApplicant lang={lang} />;
  const { dossier, attachments, version } = draft;
  redirect(firstUnfinished(lang, dossier.id, version, dossier.formData, attachments));
}
