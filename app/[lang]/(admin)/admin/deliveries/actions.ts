"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import { isLang } from "@/lib/i18n/settings";
import { formText } from "@/lib/forms/formText";
import { retryDelivery } from "@/lib/notify/service";

/** Puts a failed e-mail back in line (a button per row; works without JavaScript). */
export async function retryDeliveryAction(lang: string, formData: FormData): Promise<void> {
  const id = formText(formData, "id");
  const result = await retryDelivery(await getActor(), /^\d{1,15}$/.test(id) ? Number(id) : 0);
  redirect(
    `/${isLang(lang) ? lang : "vi"}/admin/deliveries?done=${result.ok ? "retried" : `error-${result.error}`}`,
  );
}
