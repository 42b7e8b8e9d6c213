import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { resolveLang } from "@/lib/i18n/server";
import { openInboxNotice } from "@/lib/notify/inbox";
import { requireSignedIn } from "../signedIn";

type Props = { params: Promise<{ lang: string; id: string }> };

/**
 * Opening a notice: it is marked read and the reader goes to its dossier (the applicant's page or
 * the staff page). Another person's notice, or none, is a 404 like any page that is not there. The
 * inbox links here with plain links, never prefetched, so only a click marks a notice read.
 */
export default async function OpenNoticePage({ params }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { id } = await params;
  const actor = await requireSignedIn(lang, `/${lang}/inbox/${encodeURIComponent(id)}`);
  const opened = await openInboxNotice(actor, id, lang);
  if (!opened.ok) notFound();
  redirect(opened.value.href);
}
