"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { getActor } from "@/lib/identity/actor";
import { isLang } from "@/lib/i18n/settings";
import { markAllInboxRead } from "@/lib/notify/inbox";

/**
 * "Mark all as read": post, redirect, get, so it works the same without JavaScript and a reload
 * does not post again. The header's count is rendered again with the page (refresh).
 */
export async function markAllReadAction(lang: string): Promise<void> {
  const safeLang = isLang(lang) ? lang : "vi";
  const page = `/${safeLang}/inbox`;
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(signInUrl(safeLang, page));
  const marked = await markAllInboxRead(actor);
  refresh();
  redirect(`${page}?marked=${marked}`);
}
