"use server";

import { redirect } from "next/navigation";
import { attachFromStore } from "@/lib/dossiers/service";
import { getActor } from "@/lib/identity/actor";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { formText } from "@/lib/forms/formText";
import { isLang, type Lang } from "@/lib/i18n/settings";

/** Only a page of the portal itself: "/vi/..." or "/en/...", no scheme, no host, no "//". */
function safeReturn(lang: Lang, value: string): string {
  return /^\/(vi|en)\/[^/\\]/.test(value) && !value.includes("//") ? value : `/${lang}/dossiers`;
}

/**
 * StoreAttachPicker's button: attaches the stored file to the dossier's document and goes back to
 * the page it came from (with the result in the query: storeAttach=ok|<error>), JavaScript or not.
 */
export async function attachFromStoreAction(data: FormData): Promise<void> {
  const lang: Lang = isLang(data.get("lang")) ? (data.get("lang") as Lang) : "vi";
  const back = safeReturn(lang, formText(data, "returnTo"));
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(signInUrl(lang, back));
  const documentKey = formText(data, "documentKey");
  const result = await attachFromStore(
    actor,
    formText(data, "dossierId"),
    formText(data, "sourceId"),
    documentKey,
  );
  const [path, hash] = back.split("#");
  const separator = path!.includes("?") ? "&" : "?";
  const outcome = result.ok ? "ok" : result.error;
  redirect(
    `${path}${separator}storeAttach=${encodeURIComponent(outcome)}#${hash ?? `doc_${encodeURIComponent(documentKey)}`}`,
  );
}
