"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { formText } from "@/lib/forms/formText";
import { isLang, type Lang } from "@/lib/i18n/settings";
import { originOf, paySandbox } from "@/lib/payments/checkout";

/** The sandbox's "Pay": the provider's signed callback is sent, then back to the dossier. */
export async function paySandboxAction(data: FormData): Promise<void> {
  const lang: Lang = isLang(data.get("lang")) ? (data.get("lang") as Lang) : "vi";
  const paymentId = formText(data, "paymentId");
  const page = `/${lang}/payments/sandbox/${encodeURIComponent(paymentId)}`;
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(signInUrl(lang, page));
  const origin = originOf(await headers());
  if (!origin) redirect(`${page}?error=callback_refused`);
  const result = await paySandbox(actor, paymentId, origin);
  if (result.ok) redirect(`/${lang}/dossiers/${encodeURIComponent(result.value.dossierCode)}?payment=paid`);
  redirect(`${page}?error=${result.error}`);
}
